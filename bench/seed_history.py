#!/usr/bin/env python3
"""Adds a long history to a CivicWatch state database: ITEMS old items spread over the feed and
list sources and VERSIONS old page versions spread over the page sources, all older than the
current ones, as years of passes would leave them. Used by bench/history.sh to check that the
nothing-changed pass does not slow down as history accumulates."""
import argparse, hashlib, sqlite3, time

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("--items", type=int, default=200_000)
ap.add_argument("--versions", type=int, default=50_000)
a = ap.parse_args()

con = sqlite3.connect(a.db)
sources = con.execute("SELECT id, type FROM sources").fetchall()
feeds = [s for s, t in sources if t in ("feed", "list")]
pages = [s for s, t in sources if t == "page"]
old = time.time() - 300 * 86400
with con:
    rows = ((feeds[i % len(feeds)], hashlib.sha256(b"seed%d" % i).hexdigest()[:32], "Old item %d" % i,
             "http://example.org/old/%d" % i, old + i, old + i) for i in range(a.items))
    con.executemany("INSERT OR IGNORE INTO items (source_id, identity, title, link, published, first_seen) VALUES (?,?,?,?,?,?)", rows)
    text = "第一条 旧的文字。 " * 300
    for i in range(a.versions):
        src = pages[i % len(pages)]
        # Old versions get negative sequence numbers so the current one stays the newest.
        con.execute("INSERT INTO page_versions (source_id, seq, fetched_at, text_hash, text) VALUES (?,?,?,?,?)",
                    (src, -1 - i // len(pages), old + i, hashlib.sha256(b"v%d" % i).hexdigest(), text))
print("items", con.execute("SELECT count(*) FROM items").fetchone()[0],
      "page_versions", con.execute("SELECT count(*) FROM page_versions").fetchone()[0])
