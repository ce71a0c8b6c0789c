#!/usr/bin/env sh
# Set up (once) and run the whole test suite: unit, AppTest and real-browser tests.
# Browser tests need Debian's chromium; it is installed here when missing and we are root.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' first." >&2
    exit 1
  fi
fi
# axe-core, the accessibility checker the browser tests inject, comes from the npm registry,
# pinned by tests/browser/axe/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js (apt-get install -y nodejs npm) for the a11y tests." >&2
  exit 1
fi
npm ci --prefix tests/browser/axe --silent --no-audit --no-fund
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check --quiet .
exec .venv/bin/python -m pytest "$@"
