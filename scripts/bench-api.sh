#!/usr/bin/env bash
# The API under load: `veille serve` on a store of synthetic events (built
# once by `veille bench api`), loaded by wrk with 200 connections on loopback
# for the events query by admin1 and date range: once with the answer cache
# off (every request runs its query), then as served by default (answers
# kept until the store changes). Prints wrk's latency distributions, then
# `api_http_p99_ms_uncached N` and, last, `api_http_p99_ms N`.
#
# Usage: scripts/bench-api.sh [EVENTS] [DB]   (defaults 1000000, /tmp/veille-bench-1m.db)
# Needs wrk (apt-get install -y wrk). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
DB=${2:-/tmp/veille-bench-1m.db}
PORT=${PORT:-18089}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }
cargo build --release --quiet
./target/release/veille bench api --events "$EVENTS" --db "$DB" --queries 200
run() {
  VEILLE_API_CACHE=$1 ./target/release/veille serve --db "$DB" --bind "127.0.0.1:$PORT" 2>/dev/null &
  SERVER=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  # Warm the page cache, then measure.
  wrk -t2 -c50 -d3s -s scripts/bench-api.lua "http://127.0.0.1:$PORT" >/dev/null
  OUT=$(wrk -t2 -c200 -d15s --latency -s scripts/bench-api.lua "http://127.0.0.1:$PORT")
  kill $SERVER; wait $SERVER 2>/dev/null || true
  echo "$OUT" >&2
  echo "$OUT" | awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } print v }'
}
echo "== cache off" >&2
UNCACHED=$(run 0)
echo "== cache on (default)" >&2
CACHED=$(run 1)
echo "api_http_p99_ms_uncached $UNCACHED"
echo "api_http_p99_ms $CACHED"
