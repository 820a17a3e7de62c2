#!/bin/sh
# Figures for the structure recognisers, per corpus PDF: what understand()
# finds (read from the golden files, which tests/golden_test.cpp keeps equal
# to it) against what is present (counted in the seed texts, which are the
# same documents as published text), so that no figure is typed by hand.
#
#   items    minute items found / minute headings in the pack's minutes
#   actions  action log rows found / rows in the seed's action log
#   min+st   rows found whose minute number and folded status agree with the
#            seed's rows, taken in order (longest common subsequence)
#   reports  reports found
#   officers distinct officers of reports and actions
#
# A seed belongs to the pack whose front-sheet date it prints in its first
# lines; a seed with no date to the one corpus PDF with no meeting.
# Usage: scripts/count_structure.sh [seeds-dir]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seeds=${1:-$root/../shared/corpus/seeds}
python3 - "$root/tests/golden" "$seeds" "$root/corpus" <<'PY'
import glob, json, os, re, sys
golden, seeds, corpus = sys.argv[1], sys.argv[2], sys.argv[3]

MONTHS = "january february march april may june july august september october november december".split()

def first_date(lines):
    for line in lines:
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+(%s)\s+(\d{4})" % "|".join(MONTHS), line, re.I)
        if m:
            return "%s-%02d-%02d" % (m.group(3), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
    return None

def log_heading(lines):
    """Index of the action log's heading line ("Minutes-Action Log",
    "## Action Log", "... Committee - Minutes Action Log"), or None."""
    heading = re.compile(r"^(.*[-:]\s*)?(minutes[- ]+)?action log$", re.I)
    for i, line in enumerate(lines):
        t = line.strip().strip("#* ").strip()
        if "\t" not in line and t and not t[0].isdigit() and heading.match(t):
            return i
    return None

def minute_headings(text):
    # Minute headings inside the first minutes of a pack: numbers in sequence.
    m = re.search(r"(?im)^.*minutes\**\s*\n+\s*\**date:", text)
    if not m:
        return None
    body = text[m.end():]
    # They end at the signature or at the action log's own heading (not at
    # "It was resolved to note the Action Log.").
    end = re.search(r"(?im)^\W*(chair(man|woman)?|\[chair\])\W*(\(date\))?\W*$", body)
    body = body[: end.start()] if end else body
    log = log_heading(body.split("\n"))
    if log is not None:
        body = "\n".join(body.split("\n")[:log])
    nums, last = [], None
    for h in re.finditer(r"(?m)^\W{0,6}(\d{1,3})\.\**\s+\**[A-Z0-9]", body):
        n = int(h.group(1))
        if last is None or last < n <= last + 10:
            nums.append(n)
            last = n
    return len(nums)

def fold(status):
    t = status.lower()
    if not re.search(r"[a-z0-9]", t):
        return ""
    if "not complete" in t or "incomplete" in t:
        return "open"
    for word in ("complete", "closed", "done", "achieved", "resolved", "no longer required",
                 "not required", "withdrawn", "superseded"):
        if word in t:
            return "complete"
    return "open"

def action_rows(text):
    """(minute, folded status) of each action log row, in order.

    The seeds print a row per line, cells split by tabs, empty cells kept:
    Minute, Report title, Officer, Action, Response, Status. A row with its
    number cell blank is another action under the minute above, unless a
    "Minutes - date" heading stands between them; a line with the officer
    cell blank carries on the row above. A line of five cells is a table
    without the minute column; of fewer, officer, action, status.
    """
    lines = text.split("\n")
    start = log_heading(lines)
    if start is None:
        return []
    start += 1
    rows, minute, heading_since = [], "", False
    for line in lines[start:]:
        if re.match(r"^\W*(To|Meeting Date)\s*:", line) or line.startswith("Agenda Item No"):
            break
        plain = line.strip().strip("#* ")
        if plain.lower().startswith("minutes"):
            heading_since = True
            continue
        if "\t" not in line:
            continue
        cells = [c.strip().strip("*").strip() for c in line.split("\t")]
        if all(re.fullmatch(r"-*", c) for c in cells):
            continue
        if any(c.lower() in ("status", "report title") for c in cells) or cells[0].lower() == "minute":
            continue
        while cells and not cells[-1]:
            cells.pop()
        number = re.match(r"^(\d{1,4})\.", cells[0])
        if number:
            minute = number.group(1)
            status = cells[5] if cells[0] == number.group(0) and len(cells) >= 6 else (cells[-1] if len(cells) >= 2 and cells[0] != number.group(0) else "")
        elif cells[0] == "":
            if len(cells) < 3 or not cells[2]:
                continue  # the row above carries on
            minute = "" if heading_since else minute
            status = cells[5] if len(cells) >= 6 else ""
        elif len(cells) >= 5:
            minute = ""  # a table of its own, with a title and no minute column
            status = cells[4]
        else:
            minute = "" if heading_since else minute
            status = cells[-1]
        heading_since = False
        rows.append((minute, fold(status)))
    return rows

def lcs(a, b):
    t = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            t[i][j] = t[i + 1][j + 1] + 1 if a[i] == b[j] else max(t[i + 1][j], t[i][j + 1])
    return t[0][0]

docs = {}
for f in sorted(glob.glob(os.path.join(golden, "*.json"))):
    docs[os.path.basename(f)[: -len(".json")]] = json.load(open(f))

present = {}
if os.path.isdir(seeds):
    undated = []
    for f in sorted(glob.glob(os.path.join(seeds, "*.txt"))):
        text = open(f, encoding="utf-8", errors="replace").read()
        head = [l for l in text.split("\n") if l.strip()][:10]
        date = first_date(head)
        owner = [n for n, d in docs.items() if date and d["meeting"] and d["meeting"]["date"] == date]
        counts = (minute_headings(text), action_rows(text), os.path.basename(f))
        if len(owner) == 1:
            present[owner[0]] = counts
        elif not date:
            undated.append(counts)
    no_meeting = [n for n, d in docs.items() if not d["meeting"] and os.path.exists(os.path.join(corpus, n))]
    if len(undated) == 1 and len(no_meeting) == 1:
        present[no_meeting[0]] = undated[0]

def ratio(found, total):
    return "%d/%s" % (found, "-" if total is None else total)

print("%-74s %9s %9s %7s %7s %8s" % ("document", "items", "actions", "min+st", "reports", "officers"))
totals = [0, 0, 0, 0, 0]
for name, d in docs.items():
    items = sum(len(m["items"]) for m in d["minutes"])
    found = [(a["minute"] or "", a["status"] or "") for a in d["actions"]]
    officers = {o for r in d["reports"] for o in r["officers"]}
    officers |= {o for a in d["actions"] if a["officer"] for o in a["officer"].split("/")}
    seed_items, seed_rows, seed = present.get(name, (None, None, None))
    seed_items = None if seed is None else (seed_items or 0)
    right = None if seed_rows is None else lcs(found, seed_rows)
    print("%-74s %9s %9s %7s %7d %8d" % (name[:74], ratio(items, seed_items),
                                          ratio(len(found), None if seed_rows is None else len(seed_rows)),
                                          "-" if right is None else right, len(d["reports"]), len(officers)))
    if seed is not None:
        totals[0] += items
        totals[1] += seed_items
        totals[2] += len(found)
        totals[3] += len(seed_rows)
        totals[4] += right
print("%-74s %9s %9s %7d" % ("packs with a seed text", ratio(totals[0], totals[1]), ratio(totals[2], totals[3]), totals[4]))
print()
print("seed texts: " + ", ".join("%s -> %s" % (v[2], k) for k, v in sorted(present.items(), key=lambda kv: kv[1][2])))
PY
