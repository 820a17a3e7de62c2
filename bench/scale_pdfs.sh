#!/usr/bin/env bash
# Synthetic agenda packs as PDF (bench/scale_pdfs), learnt from corpus/:
# pdftotext gives the model its pages; the packs replay them for other
# committees and meetings with new prose. 700 files make about 21,000 pages.
#
# Usage: bench/scale_pdfs.sh OUT_DIR [FILES] [SEED]   (default: 700 files, seed 1)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: bench/scale_pdfs.sh OUT_DIR [FILES] [SEED]}"
generator="$here/build/bench/scale_pdfs"
[ -x "$generator" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }
model="$(mktemp -d)"
trap 'rm -rf "$model"' EXIT
for f in "$here"/corpus/*.pdf; do pdftotext -q "$f" "$model/$(basename "$f" .pdf).txt"; done
"$generator" --model-text "$model" --out "$out" --files "${2:-700}" --seed "${3:-1}"
