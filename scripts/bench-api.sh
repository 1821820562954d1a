#!/usr/bin/env bash
# The API under load: `veille serve` on a store of synthetic events (built
# once by `veille bench api`), loaded by wrk with 200 connections on loopback
# for the events query by admin1 and date range. Prints wrk's latency
# distribution and, last, `api_http_p99_ms N`.
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
./target/release/veille serve --db "$DB" --bind "127.0.0.1:$PORT" 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
# Warm the page cache, then measure.
wrk -t2 -c50 -d3s -s scripts/bench-api.lua "http://127.0.0.1:$PORT" >/dev/null
OUT=$(wrk -t2 -c200 -d15s --latency -s scripts/bench-api.lua "http://127.0.0.1:$PORT")
echo "$OUT"
P99=$(echo "$OUT" | awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } print v }')
echo "api_http_p99_ms $P99"
