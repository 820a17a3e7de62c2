#!/usr/bin/env bash
# Query latency p50/p99 of the full search against bare Xapian on the same
# database, written to bench/results/query_latency.json.
# Usage: bench/query_latency.sh [DB] [ROUNDS]   (default: corpus/ indexed afresh)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$here/build/bench/query_latency"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
db="${1:-}"
if [ -z "$db" ]; then
  db="$(mktemp -d)/db"
  "$here/build/app/minutebook" index --quiet --db "$db" "$here/corpus" >/dev/null 2>&1 || true
fi
mkdir -p "$here/bench/results"
"$bin" "$db" - "${2:-20}" | tee /dev/stderr | sed -n 's/^json: //p' > "$here/bench/results/query_latency.json"
