-- wrk script for scripts/bench-api.sh: the events query of one admin1 from a
-- date, rotating over the admin1 units and years of `veille bench api`.
local admin1 = { "Mopti", "Gao", "M%C3%A9naka", "S%C3%A9gou", "Tombouctou", "Kidal", "Sahel", "Nord", "Est",
  "Centre-Nord", "Tillab%C3%A9ri", "Diffa", "Tahoua", "Borno", "Zamfara", "Kaduna", "Lac", "Far%20North" }
local i = 0
request = function()
  i = i + 1
  local path = "/api/events?admin1=" .. admin1[(i % #admin1) + 1] .. "&date_from=" .. (2016 + (i % 8)) .. "-01-01&limit=100"
  return wrk.format("GET", path)
end
