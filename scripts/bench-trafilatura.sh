#!/usr/bin/env bash
# Peer benchmark: time trafilatura's extraction on a folder of pages, so that
# `veille bench extract --dataset DIR` can be compared with it on the same pages.
#
#   scripts/bench-trafilatura.sh --dataset DIR [--repeat N]
#
# Creates (once) a virtualenv in .venv-bench/ at the repo root, installs the
# pinned packages below from PyPI, then runs scripts/bench_trafilatura.py with
# the given arguments. It prints exactly one JSON line on stdout; everything
# else goes to stderr. Needs: bash, python3 (>= 3.8) with venv, pip.
set -euo pipefail

TRAFILATURA_VERSION=2.3.1
LXML_HTML_CLEAN_VERSION=0.4.6

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-bench"
PY="$VENV/bin/python"

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }

if [[ ! -x "$PY" ]]; then
  echo "bench-trafilatura: creating virtualenv in $VENV" >&2
  python3 -m venv "$VENV" >&2
fi

PINS="trafilatura==${TRAFILATURA_VERSION} lxml_html_clean==${LXML_HTML_CLEAN_VERSION}"
STAMP="$VENV/.bench-pins"
if [[ "$(cat "$STAMP" 2>/dev/null || true)" != "$PINS" ]]; then
  # (An older pip may warn "lxml does not provide the extra 'html_clean'":
  # jusText asks for lxml[html_clean], lxml spells it 'html-clean' and pip
  # < 24 does not match the two. Harmless: lxml_html_clean is installed here.)
  # shellcheck disable=SC2086
  "$PY" -m pip install --quiet --disable-pip-version-check $PINS >&2
  printf '%s\n' "$PINS" >"$STAMP"
fi

exec "$PY" "$ROOT/scripts/bench_trafilatura.py" "$@"
