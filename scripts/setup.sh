#!/usr/bin/env bash
# Quick start: installs the dependencies, builds, indexes the bundled archive
# (corpus/) and runs a first search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
db="${MINUTEBOOK_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/minutebook/index}"
build/app/minutebook index --db "$db" corpus || true
build/app/minutebook search --db "$db" --limit 3 "music education hub"
echo
echo "Search with: build/app/minutebook search --db $db QUERY"
