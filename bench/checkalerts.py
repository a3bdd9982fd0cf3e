#!/usr/bin/env python3
"""Compare a civicwatch pass's JSON Lines stdout with what a correct watcher must print.

    checkalerts.py none  PASS.jsonl [--label L]                # the pass must print no alert
    checkalerts.py match PASS.jsonl EXPECTED.json [--label L] [--strict-titles]

`match`: every expected alert must appear exactly once — new items matched by
(source, link), changed pages by source — and nothing else may appear. Prints missing,
duplicated and unexpected alerts; exits 1 on any mismatch. A new item whose title differs
from the generator's (e.g. mojibake from a GBK page) is reported as a warning, or as a
failure with --strict-titles. Lines that are not JSON objects count as unexpected.
"""
import argparse
import json
import sys
from collections import Counter, defaultdict

SHOW = 25


def read_alerts(path):
    alerts, junk = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError
                alerts.append(obj)
            except ValueError:
                junk.append((n, line))
    return alerts, junk


def brief(a):
    keep = {k: a.get(k) for k in ("source", "kind", "link", "title") if a.get(k) is not None}
    s = json.dumps(keep, ensure_ascii=False)
    return s if len(s) < 240 else s[:237] + "..."


def key_of(a):
    if a.get("kind") == "new":
        return (a.get("source"), "new", a.get("link"))
    if a.get("kind") == "changed":
        return (a.get("source"), "changed", None)
    return (a.get("source"), a.get("kind"), a.get("link"))


def show(title, rows):
    if not rows:
        return
    print("  %s: %d" % (title, len(rows)))
    for r in rows[:SHOW]:
        print("    " + r)
    if len(rows) > SHOW:
        print("    … %d more" % (len(rows) - SHOW))


def cmd_none(a):
    alerts, junk = read_alerts(a.jsonl)
    ok = not alerts and not junk
    print("%s: %s — %d alert(s) on stdout, expected none" % (a.label, "PASS" if ok else "FAIL", len(alerts)))
    kinds = Counter(x.get("kind") for x in alerts)
    if kinds:
        print("  by kind: " + ", ".join("%s=%d" % kv for kv in sorted(kinds.items(), key=str)))
    show("unexpected alerts", [brief(x) for x in alerts])
    show("non-JSON lines on stdout", ["line %d: %s" % (n, l[:200]) for n, l in junk])
    return 0 if ok else 1


def cmd_match(a):
    alerts, junk = read_alerts(a.jsonl)
    with open(a.expected, encoding="utf-8") as f:
        expected = json.load(f)
    want = {}
    for e in expected:
        want[key_of(e)] = e
    got = defaultdict(list)
    for x in alerts:
        got[key_of(x)].append(x)
    missing = [k for k in want if k not in got]
    dup = [(k, len(v)) for k, v in got.items() if k in want and len(v) > 1]
    unexpected = [x for k, v in got.items() if k not in want for x in v]
    title_bad = []
    for k, e in want.items():
        if k in got and e.get("title") is not None:
            t = got[k][0].get("title")
            if t != e["title"]:
                title_bad.append("%s %s: got %r, want %r" % (k[0], k[2], t, e["title"]))
    # hints for missing items: what did that source report instead?
    by_source = defaultdict(list)
    for x in alerts:
        by_source[x.get("source")].append(x)
    miss_rows = []
    for k in missing:
        e = want[k]
        row = brief(e)
        other = by_source.get(k[0])
        if other:
            row += "   (source printed: %s)" % "; ".join(brief(o) for o in other[:2])
        miss_rows.append(row)
    fail = bool(missing or dup or unexpected or junk or (a.strict_titles and title_bad))
    matched = len(want) - len(missing)
    print("%s: %s — expected %d alerts, got %d, matched %d, missing %d, duplicated %d, unexpected %d"
          % (a.label, "FAIL" if fail else "PASS", len(want), len(alerts), matched,
             len(missing), len(dup), len(unexpected)))
    kinds_w = Counter(k[1] for k in want)
    kinds_g = Counter(x.get("kind") for x in alerts)
    print("  expected by kind: %s; got by kind: %s"
          % (dict(sorted(kinds_w.items())), dict(sorted(kinds_g.items(), key=str))))
    show("missing", miss_rows)
    show("duplicated", ["%s x%d" % (json.dumps(list(k), ensure_ascii=False), n) for k, n in dup])
    show("unexpected", [brief(x) for x in unexpected])
    show("non-JSON lines on stdout", ["line %d: %s" % (n, l[:200]) for n, l in junk])
    show("title mismatches" + ("" if a.strict_titles else " (warning; --strict-titles makes them fail)"),
         title_bad)
    return 1 if fail else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp = p.add_subparsers(dest="cmd", required=True)
    n = sp.add_parser("none")
    n.add_argument("jsonl")
    n.add_argument("--label", default="pass")
    m = sp.add_parser("match")
    m.add_argument("jsonl")
    m.add_argument("expected")
    m.add_argument("--label", default="pass")
    m.add_argument("--strict-titles", action="store_true")
    a = p.parse_args()
    return cmd_none(a) if a.cmd == "none" else cmd_match(a)


if __name__ == "__main__":
    sys.exit(main())
