#!/usr/bin/env python3
"""Format bench/run.sh's results.jsonl as a Markdown table plus civicwatch/urlwatch and
civicwatch/webchanges ratios. With several rounds (--rounds), each figure is the median over the
rounds, and each ratio the median of the rounds' ratios (the tools took turns within a round, so
a round's ratio is the one least moved by the machine's drift), with its range."""
import argparse
import json
import statistics

PASS_NAMES = {1: "1 baseline", 2: "2 unchanged", 3: "3 changed"}


def fmt_alerts(a):
    return ", ".join("%s %d" % kv for kv in sorted(a.items())) or "0"


def verdict(r):
    v = (r.get("check") or "").split(" — ")[0].split(": ")[-1]
    if r["tool"] == "civicwatch" and (r["rc"] != 0 or r.get("timed_out")):
        v = "FAIL (exit %s)" % ("timeout" if r.get("timed_out") else r["rc"])
    return v


def main():
    p = argparse.ArgumentParser()
    p.add_argument("results")
    p.add_argument("--n", default="?")
    p.add_argument("--delay-ms", default="0")
    a = p.parse_args()
    all_rows = [json.loads(l) for l in open(a.results) if l.strip()]
    rounds = sorted({r.get("round", 1) for r in all_rows})
    groups = {}
    for r in all_rows:
        groups.setdefault((r["tool"], r["pass"]), []).append(r)
    # One row per tool and pass: the median round's figures; the exit status and check of the
    # worst round, so a failure in any round shows.
    rows = []
    for key, rs in groups.items():
        m = dict(rs[0])
        for f in ("wall_s", "cpu_s", "user_s", "sys_s", "maxrss_kb"):
            m[f] = statistics.median(r[f] for r in rs)
        worst = next((r for r in rs if r["rc"] != 0 or r.get("timed_out") or " FAIL" in (r.get("check") or "")), rs[0])
        m.update(rc=worst["rc"], timed_out=worst.get("timed_out"), check=worst.get("check"))
        rows.append(m)
    by = {(r["tool"], r["pass"]): r for r in rows}
    title = "## CivicWatch benchmark: %s sources, server delay %s ms" % (a.n, a.delay_ms)
    if len(rounds) > 1:
        title += ", medians of %d rounds" % len(rounds)
    print(title + "\n")
    print("| tool | pass | wall s | CPU s (user+sys) | peak RSS MB | exit | 200 / 304 | alerts | check |")
    print("|---|---|---:|---:|---:|---:|---|---|---|")
    for r in rows:
        s = r.get("server", {})
        print("| %s | %s | %.2f | %.2f (%.2f+%.2f) | %.1f | %s | %d / %d | %s | %s |" % (
            r["tool"], PASS_NAMES.get(r["pass"], r["pass"]), r["wall_s"], r["cpu_s"], r["user_s"],
            r["sys_s"], r["maxrss_kb"] / 1024.0, "timeout" if r.get("timed_out") else r["rc"],
            s.get("200", 0), s.get("304", 0), fmt_alerts(r.get("alerts", {})),
            verdict(r)))
    tools = {t for t, _ in by}
    # civicwatch against each Python watcher; webchanges against urlwatch when civicwatch is
    # not in the run (e.g. --tools "urlwatch webchanges")
    pairs = [("civicwatch", "urlwatch"), ("civicwatch", "webchanges")]
    if "civicwatch" not in tools:
        pairs.append(("webchanges", "urlwatch"))
    for num, den in pairs:
        if num not in tools or den not in tools:
            continue
        print("\n### %s / %s (lower is better for %s)\n" % (num, den, num))
        print("| pass | wall | CPU | peak RSS |")
        print("|---|---:|---:|---:|")
        for k in (1, 2, 3):
            cs, us = groups.get((num, k)), groups.get((den, k))
            if not cs or not us:
                continue
            def ratio(key):
                each = [c[key] / u[key] for c, u in zip(sorted(cs, key=lambda r: r.get("round", 1)),
                                                        sorted(us, key=lambda r: r.get("round", 1))) if u[key]]
                if not each:
                    return "n/a"
                text = "%.3f" % statistics.median(each)
                return text + (" (%.3f–%.3f)" % (min(each), max(each)) if len(each) > 1 else "")
            print("| %s | %s | %s | %s |" % (PASS_NAMES[k], ratio("wall_s"), ratio("cpu_s"), ratio("maxrss_kb")))
    bad = [r for r in rows if r["rc"] != 0 or r.get("timed_out")
           or (r["pass"] == 1 and r.get("server", {}).get("200", 0) == 0)]
    if bad:
        print("\n**Warning**: the ratios are not meaningful while a tool fails: "
              + "; ".join("%s pass %d exit %s, %d responses with a body"
                          % (r["tool"], r["pass"], "timeout" if r.get("timed_out") else r["rc"],
                             r.get("server", {}).get("200", 0)) for r in bad))
    checks = [r for r in all_rows if r["tool"] == "civicwatch" and r.get("check")]
    if checks:
        print("\ncivicwatch correctness:")
        for r in checks:
            print("- " + r["check"] + (" (round %d)" % r["round"] if len(rounds) > 1 else ""))
    checks = [r for r in rows if r["tool"] == "webchanges" and r.get("check")]
    if checks:
        print("\nwebchanges sanity check (its jobs work: no report on passes 1-2, the changed sources on 3):")
        for r in checks:
            print("- " + r["check"])


if __name__ == "__main__":
    main()
