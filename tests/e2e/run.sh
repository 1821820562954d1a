#!/usr/bin/env bash
# Runs the browser tests of the dashboard: builds the demo database with the
# given veille binary, serves it on a free loopback port, runs dashboard.mjs
# against it, then large.mjs (the large-database mode) twice: against
# mock-server.mjs (1,000,000 events made in memory), and against `veille
# serve` on a store of synthetic events made by `veille bench api`
# (E2E_LARGE_EVENTS of them, default 100000; 1000000 takes about 95 s and
# 2.4 GB with a release binary).
#
#   tests/e2e/run.sh [path/to/veille]     (default: target/debug/veille)
#
# Needs: node >= 20, `npm ci` done in tests/e2e, Chromium (apt-get install -y
# chromium; or CHROMIUM=/path). Screenshots go to $E2E_OUT (default
# target/e2e). Exits non-zero when a test fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
veille="$(realpath "${1:-$root/target/debug/veille}")"
out="${E2E_OUT:-$root/target/e2e}"
mkdir -p "$out"
work="$(mktemp -d)"
server_pids=""
cleanup() {
  for pid in $server_pids; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

[ -x "$veille" ] || { echo "e2e: no veille binary at $veille" >&2; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || { echo "e2e: run 'npm ci' in $here first" >&2; exit 1; }

"$veille" demo --no-serve --db "$work/demo.db" > "$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }

# serve DB LOG: starts `veille serve` on DB on a free loopback port; sets $port.
serve() {
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  "$veille" serve --db "$1" --bind "127.0.0.1:$port" > "$2" 2>&1 &
  local pid=$!
  server_pids="$server_pids $pid"
  for _ in $(seq 1 100); do
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$port/api/summary"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$2" >&2; echo "e2e: veille serve exited" >&2; exit 1; fi
    sleep 0.2
  done
}
serve "$work/demo.db" "$work/serve.log"
demo_port=$port

cd "$here"
status=0
echo "== e2e: dashboard on the demo database"
VEILLE_URL="http://127.0.0.1:$demo_port/" SCREENSHOT="$out/dashboard.png" node dashboard.mjs || status=1
echo "== e2e: large-database mode (mock server, ${EVENTS:-1000000} events)"
SCREENSHOT="$out/dashboard-large.png" node large.mjs || status=1
large="${E2E_LARGE_EVENTS:-100000}"
echo "== e2e: large-database mode (veille serve, $large synthetic events)"
if "$veille" bench api --events "$large" --db "$work/large.db" --queries 10 > "$work/large-fill.log" 2>&1; then
  serve "$work/large.db" "$work/serve-large.log"
  VEILLE_URL="http://127.0.0.1:$port/" SCREENSHOT="$out/dashboard-large-real.png" node large.mjs || status=1
else
  cat "$work/large-fill.log" >&2; echo "e2e: veille bench api could not fill the large store" >&2; status=1
fi
if [ "$status" -ne 0 ]; then
  echo "== e2e: server logs"; tail -n 50 "$work/serve.log"; tail -n 50 "$work/serve-large.log" 2>/dev/null || true
fi
exit "$status"
