#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, runs ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Playwright for the browser test (tests/browser), at the version its lock file pins.
if command -v npm >/dev/null; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) ||
    echo "npm ci failed: the browser test will report itself skipped" >&2
fi
scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" "$@"
