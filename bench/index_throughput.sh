#!/usr/bin/env bash
# Indexing throughput against the floor, Poppler's own pdftotext, on the same
# files in the same run, and against the peers a user would install instead
# (Xapian Omega's omindex, Recoll's recollindex) when they are installed: it
# installs nothing and says which peers it found. Prints each time and ratio
# and writes them to bench/results/index_throughput.json (RESULT overrides
# the file name, e.g. index_throughput_synthetic.json).
#
# Usage: bench/index_throughput.sh [ARCHIVE_DIR] [REPEATS]
# Default: corpus/, best of 3 runs each. For synthetic packs at scale:
# bench/scale_pdfs.sh DIR, then bench/index_throughput.sh DIR 1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
archive="$(cd "${1:-$here/corpus}" && pwd)"
repeats="${2:-3}"
bin="$here/build/app/minutebook"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$archive" -type f -iname '*.pdf' | sort)
pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}'); pages=$((pages + ${n:-0}))
done

# best-of-N wall time of a command, in seconds
best() {
  local best_s=""
  for _ in $(seq "$repeats"); do
    local t0 t1
    t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    local s; s=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best_s" ] || (( $(echo "$s < $best_s" | bc -l) )); then best_s=$s; fi
  done
  printf '%.3f' "$best_s"
}

pdftotext_1() { for f in "${files[@]}"; do pdftotext -q "$f" "$work/out.txt"; done; }
pdftotext_2() { printf '%s\0' "${files[@]}" | xargs -0 -P 2 -I{} sh -c 'pdftotext -q "$1" - >/dev/null' _ {}; }
minutebook_j() { rm -rf "$work/db"; "$bin" index --quiet --jobs "$1" --db "$work/db" "$archive"; }
export -f pdftotext_1 pdftotext_2 minutebook_j 2>/dev/null || true

t_pdf1=$(best pdftotext_1)
t_pdf2=$(best pdftotext_2)
t_mb1=$(best minutebook_j 1)
t_mb2=$(best minutebook_j 2)
ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }

echo "archive: $archive (${#files[@]} files, $pages pages), best of $repeats, $(nproc) cores"
printf '%-34s %8s s  %s\n' "pdftotext, 1 process" "$t_pdf1" "1.00x"
printf '%-34s %8s s  %sx faster than 1\n' "pdftotext, 2 processes" "$t_pdf2" "$(ratio "$t_pdf1" "$t_pdf2")"
printf '%-34s %8s s  %sx pdftotext\n' "minutebook index --jobs 1" "$t_mb1" "$(ratio "$t_mb1" "$t_pdf1")"
printf '%-34s %8s s  %sx pdftotext; %sx faster than --jobs 1\n' "minutebook index --jobs 2" "$t_mb2" \
  "$(ratio "$t_mb2" "$t_pdf1")" "$(ratio "$t_mb1" "$t_mb2")"

# The peers, each into a fresh index of its own. Recoll's PDF filter is a
# Python script: it runs with the system's python3, as the package expects.
peer_json=""
peer() {  # name seconds
  local r verdict; r=$(ratio "$2" "$t_mb2")
  if (( $(echo "$2 >= $t_mb2" | bc -l) )); then verdict="minutebook --jobs 2 is ${r}x faster"
  else verdict="minutebook --jobs 2 is $(ratio "$t_mb2" "$2")x slower"; fi
  printf '%-34s %8s s  %sx pdftotext; %s\n' "$1" "$2" "$(ratio "$2" "$t_pdf1")" "$verdict"
  peer_json+="${peer_json:+, }\"$1\": {\"seconds\": $2, \"vs_minutebook_jobs2\": $r}"
}
found=()
if command -v omindex >/dev/null; then
  found+=(omindex)
  t_om=$(best sh -c "rm -rf '$work/omega'; omindex --db '$work/omega' --url / '$archive'")
  peer omindex "$t_om"
fi
if command -v recollindex >/dev/null; then
  found+=(recollindex)
  mkdir -p "$work/recoll"
  printf 'topdirs = %s\nnoaspell = 1\n' "$archive" > "$work/recoll/recoll.conf"
  t_rc=$(best env PATH=/usr/bin:/bin sh -c "rm -rf '$work/recoll/xapiandb'; recollindex -c '$work/recoll' -z")
  peer recollindex "$t_rc"
fi
echo "peers found: ${found[*]:-none} (omindex: apt-get install xapian-omega; recollindex: apt-get install recoll)"

mkdir -p "$here/bench/results"
result="$here/bench/results/${RESULT:-index_throughput.json}"
cat > "$result" <<JSON
{"archive": "$archive", "files": ${#files[@]}, "pages": $pages, "cores": $(nproc), "repeats": $repeats,
 "load_average": $(cut -d' ' -f1 /proc/loadavg),
 "seconds": {"pdftotext_1": $t_pdf1, "pdftotext_2": $t_pdf2, "minutebook_jobs1": $t_mb1, "minutebook_jobs2": $t_mb2},
 "pages_per_second": {"pdftotext_1": $(ratio "$pages" "$t_pdf1"), "minutebook_jobs1": $(ratio "$pages" "$t_mb1"), "minutebook_jobs2": $(ratio "$pages" "$t_mb2")},
 "ratios": {"jobs1_vs_pdftotext": $(ratio "$t_mb1" "$t_pdf1"), "jobs2_vs_pdftotext": $(ratio "$t_mb2" "$t_pdf1"),
            "jobs2_speedup": $(ratio "$t_mb1" "$t_mb2"), "pdftotext_2_speedup": $(ratio "$t_pdf1" "$t_pdf2")},
 "peers": {$peer_json}}
JSON
echo "written: ${result#$here/}"
