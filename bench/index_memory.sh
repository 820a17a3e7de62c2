#!/usr/bin/env bash
# Peak memory of `minutebook index` as the archive grows: the first 50, 250
# and 1000 files of a folder of PDFs (by default synthetic agenda packs from
# bench/scale_pdfs), each indexed afresh with --jobs 2. Prints the peak
# resident set of the parent (the one writer) and of the largest reader
# process, sampled from /proc every 50 ms, and the peak of the whole run as
# /usr/bin/time reports it; writes bench/results/index_memory.json with the
# machine's core count. Memory should not grow with the number of files.
#
# Usage: bench/index_memory.sh [PDF_DIR] [SIZE...]
# Default: $SCALE_DATA/pdfs/all (SCALE_DATA defaults to bench/data), made
# with 1000 files when missing; sizes 50 250 1000 (capped at the files there).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$here/build/app/minutebook"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (Debian: time) is needed" >&2; exit 2; }
data="${SCALE_DATA:-$here/bench/data}"
pdfs="${1:-$data/pdfs/all}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 250 1000)
if [ ! -d "$pdfs" ]; then
  "$here/bench/scale_pdfs.sh" "$pdfs" 1000
fi
mapfile -t files < <(find "$pdfs" -maxdepth 1 -type f -iname '*.pdf' | sort)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

hwm() { awk '/^VmHWM/{print $2}' "/proc/$1/status" 2>/dev/null || true; }

# Runs an index of folder $1 and prints "parent_kb child_kb total_kb seconds pages".
measure() {
  local dir=$1 parent=0 child=0 pid mb v t0 t1
  rm -rf "$work/db"
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/time" "$bin" index --quiet --jobs 2 --db "$work/db" "$dir" >"$work/out" 2>&1 &
  pid=$!
  mb=""
  while kill -0 "$pid" 2>/dev/null; do
    [ -n "$mb" ] || mb=$(pgrep -P "$pid" -x minutebook || true)
    if [ -n "$mb" ]; then
      v=$(hwm "$mb"); [ -n "$v" ] && [ "$v" -gt "$parent" ] && parent=$v
      for c in $(pgrep -P "$mb" || true); do
        v=$(hwm "$c"); [ -n "$v" ] && [ "$v" -gt "$child" ] && child=$v
      done
    fi
    sleep 0.05
  done
  wait "$pid" || true
  t1=$(date +%s.%N)
  local pages
  pages=$(sed -n 's/.*files: \([0-9]*\) pages.*/\1/p' "$work/out" | head -1)
  echo "$parent $child $(tail -1 "$work/time") $(printf '%.1f' "$(echo "$t1 - $t0" | bc -l)") ${pages:-0}"
}

json=()
printf '%-7s %8s %16s %18s %16s %9s\n' "files" "pages" "parent peak MB" "largest reader MB" "whole run MB" "seconds"
for n in "${sizes[@]}"; do
  [ "$n" -le "${#files[@]}" ] || n=${#files[@]}
  rm -rf "$work/set"; mkdir -p "$work/set"
  for f in "${files[@]:0:$n}"; do ln "$f" "$work/set/" 2>/dev/null || cp "$f" "$work/set/"; done
  read -r parent child total seconds pages < <(measure "$work/set")
  printf '%-7s %8s %16.1f %18.1f %16.1f %9s\n' "$n" "$pages" "$(echo "$parent/1024" | bc -l)" \
    "$(echo "$child/1024" | bc -l)" "$(echo "$total/1024" | bc -l)" "$seconds"
  json+=("{\"files\": $n, \"pages\": $pages, \"parent_peak_kb\": $parent, \"largest_reader_peak_kb\": $child, \"run_peak_kb\": $total, \"seconds\": $seconds}")
done

mkdir -p "$here/bench/results"
{
  echo "{\"archive\": \"$pdfs\", \"cores\": $(nproc), \"jobs\": 2, \"sizes\": ["
  for i in "${!json[@]}"; do [ "$i" -gt 0 ] && echo ","; printf '  %s' "${json[$i]}"; done
  echo; echo "]}"
} >"$here/bench/results/index_memory.json"
echo "written: bench/results/index_memory.json"
