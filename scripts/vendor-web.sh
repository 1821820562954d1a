#!/usr/bin/env bash
# Vendor the third-party web assets of the offline dashboard into
# crates/veille-server/assets/vendor/ (embedded in the binary by rust-embed).
# Versions are pinned; re-run after changing them and commit the result.
set -euo pipefail

LEAFLET_VERSION=1.9.4
TOPOJSON_VERSION=3.1.0
WORLD_ATLAS_VERSION=2.0.2

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/crates/veille-server/assets/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

command -v npm >/dev/null || { echo "npm is required" >&2; exit 1; }

fetch() { # fetch NAME VERSION -> unpacked into $TMP/NAME
  local name="$1" version="$2"
  local tgz
  tgz="$(cd "$TMP" && npm pack --silent "${name}@${version}" | tail -n1)"
  mkdir -p "$TMP/$name"
  tar -xzf "$TMP/$tgz" -C "$TMP/$name" --strip-components=1
}

fetch leaflet "$LEAFLET_VERSION"
fetch topojson-client "$TOPOJSON_VERSION"
fetch world-atlas "$WORLD_ATLAS_VERSION"

mkdir -p "$DEST/images"
cp "$TMP/leaflet/dist/leaflet.js" "$DEST/leaflet.js"
cp "$TMP/leaflet/dist/leaflet.css" "$DEST/leaflet.css"
cp "$TMP/leaflet/dist/images/"*.png "$DEST/images/"
cp "$TMP/leaflet/LICENSE" "$DEST/LICENSE.leaflet"

cp "$TMP/topojson-client/dist/topojson-client.min.js" "$DEST/topojson-client.min.js"
cp "$TMP/topojson-client/LICENSE" "$DEST/LICENSE.topojson-client"

cp "$TMP/world-atlas/countries-50m.json" "$DEST/countries-50m.json"
cp "$TMP/world-atlas/LICENSE" "$DEST/LICENSE.world-atlas"

echo "vendored into $DEST:"
ls -l "$DEST" "$DEST/images"
