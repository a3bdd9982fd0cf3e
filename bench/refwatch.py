#!/usr/bin/env python3
"""A minimal reference watcher, used to validate the harness itself (not a benchmark entry).

It takes civicwatch's command line (`run --config feeds.yml --state DIR --json --force`),
understands the subset of feeds.yml that webgen.py writes, and prints the JSON Lines a
correct civicwatch must print: nothing on a source's first pass, `new` per unseen item
(feeds: by guid, lists: by resolved link), `changed` per page whose content (minus the
ignore XPaths) changed. It needs lxml and PyYAML (bench/out/venv has both):

    CIVICWATCH_BIN=bench/refwatch.sh bench/check.sh --small
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import sys
import urllib.error
import urllib.request
from urllib.parse import urljoin

import yaml
from lxml import etree, html

META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def decode_html(data):
    m = META.search(data[:4096])
    enc = m.group(1).decode().lower() if m else "utf-8"
    if enc in ("gb2312", "gbk", "gb18030"):
        enc = "gb18030"  # as browsers do: gb2312 labels routinely carry GBK-only characters
    return data.decode(enc, errors="replace")


def text(el):
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def fetch(src, prev):
    headers = {}
    if prev.get("etag"):
        headers["If-None-Match"] = prev["etag"]
    req = urllib.request.Request(src["url"], headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.read(), r.headers.get("ETag")
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return None, prev.get("etag")
        raise


def process(src, prev):
    data, etag = fetch(src, prev)
    if data is None:
        return prev, []
    st = {"etag": etag}
    alerts = []
    if src["type"] == "feed":
        root = etree.fromstring(data)
        items = [(i.findtext("guid") or i.findtext("link"), i.findtext("title"), i.findtext("link"))
                 for i in root.iter("item")]
        st["seen"] = sorted({g for g, _, _ in items})
        if "seen" in prev:
            old = set(prev["seen"])
            st["seen"] = sorted(old | set(st["seen"]))
            alerts = [{"source": src["id"], "kind": "new", "title": t, "link": l}
                      for g, t, l in items if g not in old]
    elif src["type"] == "list":
        doc = html.fromstring(decode_html(data))
        items = []
        for li in doc.xpath(src["items"]):
            a = li.xpath(src["link"])
            link = urljoin(src["url"], str(a[0])) if a else None
            t = li.xpath(src["title"])
            items.append((link, text(t[0]) if t else ""))
        st["seen"] = sorted({l for l, _ in items})
        if "seen" in prev:
            old = set(prev["seen"])
            st["seen"] = sorted(old | set(st["seen"]))
            alerts = [{"source": src["id"], "kind": "new", "title": t, "link": l}
                      for l, t in items if l not in old]
    else:
        doc = html.fromstring(decode_html(data))
        for xp in src.get("ignore", []):
            for el in doc.xpath(xp):
                el.drop_tree()
        content = "\n".join(text(e) for e in doc.xpath(src["content"]))
        st["hash"] = hashlib.sha256(content.encode()).hexdigest()
        if "hash" in prev and prev["hash"] != st["hash"]:
            alerts = [{"source": src["id"], "kind": "changed", "link": src["url"]}]
    if not prev:
        st.setdefault("seen", st.get("seen", []))
    return st, alerts


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cmd", choices=["run"])
    p.add_argument("--config", required=True)
    p.add_argument("--state", required=True)
    p.add_argument("--json", action="store_true")
    p.add_argument("--force", action="store_true")
    a = p.parse_args()
    with open(a.config) as f:
        cfg = yaml.safe_load(f)
    os.makedirs(a.state, exist_ok=True)
    sf = os.path.join(a.state, "refwatch.json")
    state = json.load(open(sf)) if os.path.exists(sf) else {}
    failed = 0
    out = []
    with concurrent.futures.ThreadPoolExecutor(16) as ex:
        futs = {ex.submit(process, s, state.get(s["id"], {})): s for s in cfg["sources"]}
        for fu in concurrent.futures.as_completed(futs):
            s = futs[fu]
            try:
                st, alerts = fu.result()
                state[s["id"]] = st
                out.extend(alerts)
            except Exception as e:  # noqa: BLE001
                failed += 1
                print("error [%s] %s" % (s["id"], e), file=sys.stderr)
    for al in out:
        print(json.dumps(al, ensure_ascii=False))
    with open(sf + ".tmp", "w") as f:
        json.dump(state, f)
    os.replace(sf + ".tmp", sf)
    print("refwatch: checked=%d failed=%d alerts=%d" % (len(cfg["sources"]), failed, len(out)), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
