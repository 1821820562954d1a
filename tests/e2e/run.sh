#!/usr/bin/env bash
# Runs the browser tests of the dashboard: builds the demo database with the
# given veille binary, serves it on a free loopback port, runs dashboard.mjs
# against it, then large.mjs (the large-database mode, against mock-server.mjs).
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
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -x "$veille" ] || { echo "e2e: no veille binary at $veille" >&2; exit 1; }
[ -d "$here/node_modules/playwright-core" ] || { echo "e2e: run 'npm ci' in $here first" >&2; exit 1; }

"$veille" demo --no-serve --db "$work/demo.db" > "$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$veille" serve --db "$work/demo.db" --bind "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$port/api/summary"; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/serve.log" >&2; echo "e2e: veille serve exited" >&2; exit 1; fi
  sleep 0.2
done

cd "$here"
status=0
echo "== e2e: dashboard on the demo database"
VEILLE_URL="http://127.0.0.1:$port/" SCREENSHOT="$out/dashboard.png" node dashboard.mjs || status=1
echo "== e2e: large-database mode (mock server, ${EVENTS:-1000000} events)"
SCREENSHOT="$out/dashboard-large.png" node large.mjs || status=1
if [ "$status" -ne 0 ]; then echo "== e2e: server log"; tail -n 50 "$work/serve.log"; fi
exit "$status"
