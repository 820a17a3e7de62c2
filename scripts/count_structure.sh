#!/bin/sh
# Figures for the structure recognisers: minute items found (from the golden
# files, which tests/golden_test.cpp keeps equal to what understand() finds)
# against minute headings present (counted in the seed texts' minutes, from
# the "Minutes" heading with its "Date:" line to the signature or action log),
# and action rows, reports and report officers found.
# Usage: scripts/count_structure.sh [seeds-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=${1:-$root/../shared/corpus/seeds}
python3 - "$root/tests/golden" "$seeds" <<'PY'
import glob, json, os, re, sys
golden, seeds = sys.argv[1], sys.argv[2]

def present(text):
    # Minute headings inside the first minutes of a pack: numbers in sequence.
    m = re.search(r"(?im)^.*minutes\**\s*\n+\s*\**date:", text)
    if not m:
        return None
    body = text[m.end():]
    end = re.search(r"(?im)^\W*(chair(man|woman)?|\[chair\])\W*(\(date\))?\W*$|^[^0-9\n]*action log\W*$", body)
    body = body[: end.start()] if end else body
    nums, last = [], None
    for h in re.finditer(r"(?m)^\W{0,6}(\d{1,3})\.\**\s+\**[A-Z]", body):
        n = int(h.group(1))
        if last is None or last < n <= last + 10:
            nums.append(n)
            last = n
    return len(nums)

seed_counts = {}
if os.path.isdir(seeds):
    for f in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
        text = open(f, encoding="utf-8", errors="replace").read()
        # The seeds print action log rows one per line, cells split by tabs.
        actions = len(re.findall(r"(?m)^\W{0,6}\d{1,4}\.\**\t", text))
        seed_counts[os.path.basename(f)] = (present(text), actions)

print("%-78s %6s %7s %8s %8s" % ("document", "items", "actions", "reports", "officers"))
for f in sorted(glob.glob(os.path.join(golden, "*.json"))):
    d = json.load(open(f))
    items = sum(len(m["items"]) for m in d["minutes"])
    officers = {o for r in d["reports"] for o in r["officers"]} | {a["officer"] for a in d["actions"] if a["officer"]}
    print("%-78s %6d %7d %8d %8d" % (os.path.basename(f)[:78], items, len(d["actions"]), len(d["reports"]), len(officers)))
print()
print("present in the seed texts: minute headings, action log rows")
for name, (n, actions) in seed_counts.items():
    print("  %-40s %10s %6d" % (name, "no minutes" if n is None else n, actions))
PY
