#!/usr/bin/env python3
"""Read webchanges's stdout text report (bench/run.sh's webchanges passes).

    wcreport.py count PASS.out                  -> {"changed": 12, "error": 1, …} (JSON)
    wcreport.py check K PASS.out [expected.json] -> one verdict line, like checkalerts.py's

Each reported job has a detail header, its verb and name between two 75-dash rules:

    ---------------------------------------------------------------------------
    CHANGED: page-0003 (http://127.0.0.9:PORT/pages/0003.html)
    ---------------------------------------------------------------------------

Counting those rather than the numbered summary ("01. CHANGED: page-0003") also counts a
report of one job, which has no number. Compound verbs ("ERROR,REPEATED", "UNCHANGED,ERROR
ENDED") are kept, lower-cased, spaces as underscores.

check: passes 1 and 2 must report no job at all; pass 3 exactly one CHANGED per source of
expected.json (two new items in a feed or list are one changed job; the bumped visit counters
of the other pages must not show) and nothing else. This is a sanity check that the jobs work
(a job that errors or reports the visit counter makes the timings meaningless), not a judge of
webchanges's diffs.
"""
import json
import re
import sys

RULE = "-" * 75
HEADER = re.compile(r"^%s\n((?:CHANGED|NEW|ERROR|UNCHANGED|TEST)(?:,[A-Z ]+)?): (.*?)(?: \(.*\))?\n%s$"
                    % (RULE, RULE), re.M)


def reported(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    return [(m.group(1).lower().replace(" ", "_"), m.group(2)) for m in HEADER.finditer(text)]


def count(path):
    c = {}
    for verb, _ in reported(path):
        c[verb] = c.get(verb, 0) + 1
    return c


def check(k, path, expected_path=None):
    label = "webchanges pass %s" % k
    jobs = reported(path)
    if k != "3":
        if not jobs:
            return "%s: PASS — no job reported" % label
        return "%s: FAIL — %d job(s) reported: %s" % (
            label, len(jobs), ", ".join("%s %s" % j for j in jobs[:10]) + (" …" if len(jobs) > 10 else ""))
    with open(expected_path, encoding="utf-8") as f:
        want = sorted({e["source"] for e in json.load(f)})
    changed = sorted(name for verb, name in jobs if verb == "changed")
    other = [j for j in jobs if j[0] != "changed"]
    missing = sorted(set(want) - set(changed))
    extra = sorted(set(changed) - set(want))
    dup = sorted({n for n in changed if changed.count(n) > 1})
    if not (missing or extra or dup or other):
        return "%s: PASS — %d changed jobs, the %d sources of expected.json" % (label, len(changed), len(want))
    parts = []
    for name, xs in (("missing", missing), ("unexpected", extra), ("duplicated", dup)):
        if xs:
            parts.append("%s %d: %s" % (name, len(xs), ", ".join(xs[:10]) + (" …" if len(xs) > 10 else "")))
    if other:
        parts.append("other %d: %s" % (len(other), ", ".join("%s %s" % j for j in other[:10])
                                       + (" …" if len(other) > 10 else "")))
    return "%s: FAIL — %s" % (label, "; ".join(parts))


def main():
    a = sys.argv[1:]
    if len(a) == 2 and a[0] == "count":
        print(json.dumps(count(a[1])))
    elif len(a) in (3, 4) and a[0] == "check":
        line = check(*a[1:])
        print(line)
        sys.exit(0 if ": PASS" in line else 1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
