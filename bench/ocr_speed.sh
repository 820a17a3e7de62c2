#!/usr/bin/env bash
# OCR speed and word recall on the first pages of the scanned pack: seconds
# per page with Minutebook's OCR (one process, one thread), and with the
# tesseract command on pdftoppm images at the same resolution when it is
# installed; recall is the share of the text version's distinct words (same
# pages) that the OCR found. Prints the figures and writes them to
# bench/results/ocr_speed.json. Not part of the test suite.
#
# Usage: bench/ocr_speed.sh [PAGES] [MINUTEBOOK]
# Default: 10 pages, build/app/minutebook.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
pages="${1:-10}"
bin="${2:-$here/build/app/minutebook}"
dpi=200  # ExtractOptions::ocr_dpi's default
scan="$here/../shared/corpus/derived/scanned_Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf"
text="$here/corpus/Agenda_reports_pack_17-Jul-2019_Corporate_Parenting_Sub-Committee.pdf"
[ -x "$bin" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
[ -r "$scan" ] || { echo "needs $scan (../shared/corpus)" >&2; exit 2; }
for tool in pdfseparate pdfunite pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool (poppler-utils) is needed" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The first pages as a PDF of their own (pdfunite copies the page images as they are).
pdfseparate -f 1 -l "$pages" "$scan" "$work/page-%d.pdf"
pdfunite $(for i in $(seq 1 "$pages"); do echo "$work/page-$i.pdf"; done) "$work/scan.pdf"

# Distinct words (letters or digits, two or more, lower case) of stdin.
words() { tr -cs '[:alnum:]' '\n' | tr '[:upper:]' '[:lower:]' | grep -E '^.{2,}$' | sort -u; }
# Share of the reference words (file $1) found in the words of file $2.
recall() {
  local total found
  total=$(wc -l <"$1")
  found=$(comm -12 "$1" "$2" | wc -l)
  printf '%.3f' "$(echo "$found / $total" | bc -l)"
}
# "wall user+sys" seconds of a command, from bash's time.
timed() {
  local TIMEFORMAT='%R %U %S' t
  t=$({ time "$@" >/dev/null 2>&1; } 2>&1 | tail -1)
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' <<<"$t"
}
per_page() { printf '%.2f' "$(echo "$1 / $pages" | bc -l)"; }

pdftotext -q -f 1 -l "$pages" "$text" - | words >"$work/reference"

# Minutebook, as an index run does it: one reader process, OCR in it.
read -r mb_wall mb_cpu < <(timed "$bin" index --quiet --jobs 1 --ocr auto --db "$work/db" \
  --ocr-cache "$work/cache" "$work/scan.pdf")
# The cache holds one JSON object a page, {"text": ..., "words": [...]}: the text is enough.
find "$work/cache" -name '*.json' -exec sh -c 'for f; do sed "s/,\"words\":.*//; s/\\\\n/ /g" "$f"; echo; done' _ {} + |
  words >"$work/minutebook"
mb_recall=$(recall "$work/reference" "$work/minutebook")
# Again with the cache: rendering and hashing only.
read -r cached_wall cached_cpu < <(timed "$bin" index --quiet --jobs 1 --ocr auto --db "$work/db2" \
  --ocr-cache "$work/cache" "$work/scan.pdf")

tess_json="null"
if command -v tesseract >/dev/null; then
  render() { pdftoppm -q -r "$dpi" -gray "$work/scan.pdf" "$work/img"; }
  read -r render_wall render_cpu < <(timed render)
  ocr_all() { for img in "$work"/img-*.pgm; do OMP_THREAD_LIMIT=1 tesseract "$img" "${img%.pgm}" -l eng --psm 3 quiet; done; }
  read -r tess_wall tess_cpu < <(timed ocr_all)
  cat "$work"/img-*.txt | words >"$work/tesseract"
  tess_recall=$(recall "$work/reference" "$work/tesseract")
  tess_version=$(tesseract --version 2>&1 | head -1)
  tess_total_wall=$(echo "$render_wall + $tess_wall" | bc -l)
  tess_total_cpu=$(echo "$render_cpu + $tess_cpu" | bc -l)
  tess_json=$(printf '{"version": "%s", "seconds_per_page": %s, "cpu_seconds_per_page": %s, "render_seconds_per_page": %s, "word_recall": %s}' \
    "$tess_version" "$(per_page "$tess_total_wall")" "$(per_page "$tess_total_cpu")" "$(per_page "$render_wall")" "$tess_recall")
fi

echo "scanned pack, first $pages pages at $dpi dpi, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "reference: $(wc -l <"$work/reference") distinct words of the text version's same pages"
printf '%-36s %6s s/page wall %6s s/page cpu  recall %s\n' "minutebook (OCR)" \
  "$(per_page "$mb_wall")" "$(per_page "$mb_cpu")" "$mb_recall"
printf '%-36s %6s s/page wall %6s s/page cpu\n' "minutebook (from the OCR cache)" \
  "$(per_page "$cached_wall")" "$(per_page "$cached_cpu")"
if [ "$tess_json" != "null" ]; then
  printf '%-36s %6s s/page wall %6s s/page cpu  recall %s\n' "pdftoppm + tesseract CLI" \
    "$(per_page "$tess_total_wall")" "$(per_page "$tess_total_cpu")" "$tess_recall"
fi

mkdir -p "$here/bench/results"
cat >"$here/bench/results/ocr_speed.json" <<EOF
{
  "pages": $pages,
  "dpi": $dpi,
  "cores": $(nproc),
  "load_average": $(cut -d' ' -f1 /proc/loadavg),
  "reference_words": $(wc -l <"$work/reference"),
  "minutebook": {"seconds_per_page": $(per_page "$mb_wall"), "cpu_seconds_per_page": $(per_page "$mb_cpu"), "word_recall": $mb_recall},
  "minutebook_cached": {"seconds_per_page": $(per_page "$cached_wall"), "cpu_seconds_per_page": $(per_page "$cached_cpu")},
  "tesseract_cli": $tess_json
}
EOF
echo "wrote bench/results/ocr_speed.json"
