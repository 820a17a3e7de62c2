#!/usr/bin/env bash
# A re-run with nothing changed against a full build of the same archive, in
# the same session: the re-run must take under 5% of the full build. Prints
# both times and the ratio and writes bench/results/incremental.json.
#
# Usage: bench/incremental.sh [ARCHIVE_DIR] [REPEATS]
# Default: corpus/, best of 3 runs each. MINUTEBOOK_BIN overrides the program
# (default: build/app/minutebook).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
archive="$(cd "${1:-$here/corpus}" && pwd)"
repeats="${2:-3}"
bin="${MINUTEBOOK_BIN:-$here/build/app/minutebook}"
[ -x "$bin" ] || { echo "build first: scripts/build.sh (or set MINUTEBOOK_BIN)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
files=$(find "$archive" -type f -iname '*.pdf' | wc -l)

# wall time of one run, in seconds
timed() {
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
min() { if [ -z "$1" ] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi; }

full="" rerun=""
for _ in $(seq "$repeats"); do
  rm -rf "$work/db"
  full=$(min "$full" "$(timed "$bin" index --quiet --db "$work/db" "$archive")")
  rerun=$(min "$rerun" "$(timed "$bin" index --quiet --db "$work/db" "$archive")")
done
summary=$("$bin" index --quiet --db "$work/db" "$archive" 2>&1 | grep '^Files:' || true)
ratio=$(echo "$rerun / $full" | bc -l)
percent=$(printf '%.2f' "$(echo "$ratio * 100" | bc -l)")
verdict=$( (( $(echo "$ratio < 0.05" | bc -l) )) && echo pass || echo FAIL)

echo "archive: $archive ($files files), best of $repeats, $(nproc) cores"
printf '%-32s %8.3f s\n' "full build" "$full"
printf '%-32s %8.3f s\n' "re-run, nothing changed" "$rerun"
printf '%-32s %8s %%  (target < 5%%: %s)\n' "re-run / full build" "$percent" "$verdict"
echo "re-run summary: $summary"

mkdir -p "$here/bench/results"
cat > "$here/bench/results/incremental.json" <<JSON
{"archive": "$archive", "files": $files, "cores": $(nproc), "repeats": $repeats,
 "seconds": {"full_build": $(printf '%.3f' "$full"), "rerun_unchanged": $(printf '%.3f' "$rerun")},
 "ratio": $(printf '%.4f' "$ratio"), "target": 0.05, "pass": $( [ "$verdict" = pass ] && echo true || echo false )}
JSON
echo "written: bench/results/incremental.json"
