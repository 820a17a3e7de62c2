#!/usr/bin/env bash
# Quick start: installs the dependencies, builds, indexes the bundled archive
# (corpus/), runs a first search and serves the archive on
# http://127.0.0.1:8080/ (PORT=... to change it; Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# The build's own archive and index: an installed package's
# /etc/minutebook/minutebook.conf is not read unless MINUTEBOOK_CONFIG names it.
export MINUTEBOOK_CONFIG="${MINUTEBOOK_CONFIG-}"
db="${MINUTEBOOK_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/minutebook/index}"
# Exit status 1 means some file failed; the summary says which, the rest is indexed.
build/app/minutebook index --db "$db" corpus || true
build/app/minutebook search --db "$db" --limit 3 "music education hub"
echo
echo "Search from the command line with: build/app/minutebook search --db $db QUERY"
exec build/app/minutebook serve --db "$db" --port "${PORT:-8080}"
