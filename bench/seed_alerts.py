#!/usr/bin/env python3
"""Copies the alerts of a CivicWatch state database (e.g. the demo's) into N alerts spread over the
last DAYS days, each with its own id, so `civicwatch report` can be timed on a realistic volume.
Used by bench/report_speed.sh."""
import argparse, json, sqlite3, time

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("--alerts", type=int, default=10_000)
ap.add_argument("--days", type=int, default=90)
a = ap.parse_args()

con = sqlite3.connect(a.db)
templates = [(s, k, json.loads(p)) for s, k, p in con.execute("SELECT source_id, kind, payload FROM alerts")]
now = time.time()
with con:
    for i in range(a.alerts):
        src, kind, p = templates[i % len(templates)]
        created = now - a.days * 86400 * (i / a.alerts)
        p = dict(p, id="bench%08d" % i, title="%s #%d" % (p["title"], i),
                 detected_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(created)))
        p.pop("published", None)
        con.execute("INSERT OR IGNORE INTO alerts (id, source_id, kind, created_at, payload) VALUES (?,?,?,?,?)",
                    ("bench%08d" % i, src, kind, created, json.dumps(p, ensure_ascii=False)))
print("alerts", con.execute("SELECT count(*) FROM alerts").fetchone()[0])
