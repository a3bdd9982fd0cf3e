#!/usr/bin/env python3
"""Generate a loopback web of N sources for the CivicWatch benchmark and check.

    webgen.py gen DIR [--n 900] [--port 18080] [--seed 1]
    webgen.py mutate DIR [--fraction 0.1] [--seed 2] [--no-visits]

`gen` writes, under DIR:
    feeds/NNNN.xml     RSS 2.0, 20 items each (guid, title, link, pubDate, description),
                       mixed English and Chinese titles
    lists/NNNN.html    20 <li> items in <ul class="list">, relative hrefs; a third of them
                       GBK-encoded, the charset given only in a <meta> tag (half `<meta
                       charset="gbk">`, half http-equiv "gb2312"; the gb2312-labelled ones
                       also carry GBK-only characters such as 镕/喆/堃, as real sites do)
    pages/NNNN.html    <div id="content"> with ~30 paragraphs and a <div class="visits">
                       counter (inside #content for half the pages, outside for the rest)
    feeds.yml          CivicWatch config (all N sources)
    urls.yaml          urlwatch jobs (equivalent)
    urlwatch.yaml      urlwatch config: stdout reporter only, no colour, no email
    jobs.yaml          webchanges jobs (the same URLs and filters as urls.yaml)
    config.yaml        webchanges config: as urlwatch.yaml, plus no PyPI version check
    manifest.json      [{id, type, url, file, encoding}]
    model.json         the generator's state (used by `mutate`)

Sources are spread over 16 loopback addresses 127.0.0.1 … 127.0.0.16 (round robin).

`mutate` picks round(fraction*N) sources deterministically from --seed (the same model and
seed always give the same choice and the same bytes), adds 2 new items at the top of each
chosen feed/list or rewrites 2 paragraphs of each chosen page, and writes expected.json:
    [{"source": id, "kind": "new", "link": absolute-url, "title": t}, …]   feeds and lists
    [{"source": id, "kind": "changed"}, …]                                 pages
Unless --no-visits, it also bumps the visits counter of EVERY page: a correct watcher must
ignore that (feeds.yml lists //div[@class='visits'] under ignore), so it adds no alert.
Changed files get an mtime at least 2 s newer than before, so If-Modified-Since sees them.
"""
import argparse
import json
import os
import random
import sys
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from html import escape

NADDR = 16
ITEMS = 20
PARAS = 30
BASE_TIME = datetime(2026, 3, 5, 8, 0, 0, tzinfo=timezone.utc)

ZH_WORDS = ("关于 开展 年度 工作 会议 政府 城市 规划 交通 教育 卫生 环境 保护 发布 报告 征求 意见 "
            "建设 项目 公示 招标 采购 结果 管理 办法 实施 方案 社区 服务 居民 安全 检查 通报 季度 "
            "财政 预算 执行 情况 人事 任免 调整 政策 解读 通知 公告 街道 农村 水利 住房 保障 就业 "
            "医疗 养老 文化 旅游 市场 监督 应急 消防 气象 统计 数据 专项 行动 第一 第二 第三").split()
GBK_ONLY = "镕喆堃珺昇玥祎瑄"
EN_WORDS = ("council meeting budget notice public consultation transport plan housing school "
            "health environment report annual quarterly tender procurement result policy "
            "regulation district residents safety inspection water energy park library "
            "election committee minutes agenda approval permit zoning road repair grant "
            "statistics emergency service update review draft final").split()


def addr(i):
    return "127.0.0.%d" % (1 + i % NADDR)


class Gen:
    def __init__(self, rnd):
        self.r = rnd

    def zh_title(self, gbk_only=False):
        words = [self.r.choice(ZH_WORDS) for _ in range(self.r.randint(4, 8))]
        if gbk_only and self.r.random() < 0.35:
            pos = self.r.randint(0, len(words))
            words.insert(pos, self.r.choice(GBK_ONLY) + self.r.choice(GBK_ONLY))
        return "".join(words)

    def en_title(self):
        words = [self.r.choice(EN_WORDS) for _ in range(self.r.randint(4, 9))]
        return " ".join(words).capitalize()

    def sentence(self, zh=False):
        if zh:
            return "".join(self.r.choice(ZH_WORDS) for _ in range(self.r.randint(8, 20))) + "。"
        return " ".join(self.r.choice(EN_WORDS) for _ in range(self.r.randint(8, 18))).capitalize() + "."

    def paragraph(self):
        zh = self.r.random() < 0.3
        return " ".join(self.sentence(zh) for _ in range(self.r.randint(3, 6)))


def item_time(k):
    # item k (1-based, increasing with age order: higher k = newer) gets a later date
    return BASE_TIME + timedelta(hours=3 * k)


# ---------------------------------------------------------------- model

def new_model(n, port, seed):
    r = random.Random(seed)
    g = Gen(r)
    per = max(1, n // 3)
    sources = []
    gi = 0
    for t in ("feed", "list", "page"):
        for j in range(1, per + 1):
            sid = "%s-%04d" % (t, j)
            host = "%s:%d" % (addr(gi), port)
            gi += 1
            s = {"id": sid, "type": t, "host": host, "num": j}
            if t == "feed":
                s["path"] = "/feeds/%04d.xml" % j
                s["items"] = []
                for k in range(1, ITEMS + 1):
                    s["items"].append(feed_item(g, s, k))
                s["next"] = ITEMS + 1
            elif t == "list":
                s["path"] = "/lists/%04d.html" % j
                # a third GBK: alternate meta charset="gbk" / http-equiv gb2312
                if j % 3 == 0:
                    s["encoding"] = "gbk" if (j // 3) % 2 == 0 else "gb2312"
                else:
                    s["encoding"] = "utf-8"
                s["relative"] = "root" if j % 2 == 0 else "doc"
                s["items"] = [list_item(g, s, k) for k in range(1, ITEMS + 1)]
                s["next"] = ITEMS + 1
            else:
                s["path"] = "/pages/%04d.html" % j
                s["paras"] = [g.paragraph() for _ in range(PARAS)]
                s["visits_inside"] = j % 2 == 0
                s["visits"] = r.randint(1000, 99999)
                s["title"] = g.en_title()
            sources.append(s)
    return {"n": len(sources), "port": port, "seed": seed, "sources": sources}


def feed_item(g, s, k):
    zh = (k + s["num"]) % 2 == 0
    title = g.zh_title() if zh else g.en_title()
    return {"k": k, "title": title, "desc": g.sentence(zh) + " " + g.sentence(not zh),
            "date": format_datetime(item_time(k))}


def list_item(g, s, k):
    return {"k": k, "title": g.zh_title(gbk_only=s["encoding"] == "gb2312"),
            "date": item_time(k).strftime("%Y-%m-%d")}


def url_of(s):
    return "http://%s%s" % (s["host"], s["path"])


def feed_link(s, k):
    return "http://%s/feeds/%04d/item-%d.html" % (s["host"], s["num"], k)


def list_href(s, k):
    if s["relative"] == "root":
        return "/lists/%04d/item-%d.html" % (s["num"], k)
    return "%04d/item-%d.html" % (s["num"], k)


def list_link(s, k):
    # what a correct watcher resolves the href to (base = the list page's URL)
    return "http://%s/lists/%04d/item-%d.html" % (s["host"], s["num"], k)


# ---------------------------------------------------------------- rendering

def render_feed(s):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0"><channel>',
           "<title>Feed %d</title>" % s["num"],
           "<link>http://%s/</link>" % s["host"],
           "<description>Benchmark feed %d</description>" % s["num"]]
    for it in reversed(s["items"]):  # newest first
        out.append("<item><title>%s</title><link>%s</link>"
                   '<guid isPermaLink="false">%s-item-%d</guid>'
                   "<pubDate>%s</pubDate><description>%s</description></item>"
                   % (escape(it["title"], False), feed_link(s, it["k"]), s["id"], it["k"],
                      it["date"], escape(it["desc"], False)))
    out.append("</channel></rss>\n")
    return "\n".join(out).encode("utf-8")


def render_list(s):
    enc = s["encoding"]
    if enc == "gbk":
        meta = '<meta charset="gbk">'
    elif enc == "gb2312":
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    else:
        meta = '<meta charset="utf-8">'
    out = ["<!DOCTYPE html>", "<html><head>", meta,
           "<title>列表 %d</title></head><body>" % s["num"],
           '<div class="nav"><a href="/">首页</a> <a href="/about.html">关于我们</a></div>',
           '<ul class="list">']
    for it in reversed(s["items"]):
        out.append('<li><a href="%s">%s</a><span class="date">%s</span></li>'
                   % (list_href(s, it["k"]), escape(it["title"]), it["date"]))
    out.append("</ul>")
    out.append('<div class="footer">版权所有 2026</div></body></html>\n')
    text = "\n".join(out)
    if enc == "utf-8":
        return text.encode("utf-8")
    return text.encode("gbk")  # gb2312-labelled pages hold GBK-only characters on purpose


def render_page(s):
    visits = '<div class="visits">Visits: %d</div>' % s["visits"]
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">',
           "<title>%s</title></head><body>" % escape(s["title"]),
           '<div class="header"><h1>%s</h1></div>' % escape(s["title"])]
    if not s["visits_inside"]:
        out.append(visits)
    out.append('<div id="content">')
    for i, p in enumerate(s["paras"]):
        out.append("<p>%s</p>" % escape(p))
        if s["visits_inside"] and i == PARAS // 2:
            out.append(visits)
    out.append("</div>")
    out.append('<div class="footer">Generated page %d</div></body></html>\n' % s["num"])
    return "\n".join(out).encode("utf-8")


RENDER = {"feed": render_feed, "list": render_list, "page": render_page}


def write_source(d, s, min_mtime=None):
    path = os.path.join(d, s["path"].lstrip("/"))
    data = RENDER[s["type"]](s)
    old = None
    try:
        with open(path, "rb") as f:
            old = f.read()
        old_mtime = os.stat(path).st_mtime
    except FileNotFoundError:
        old_mtime = None
    if old == data:
        return False
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    if old_mtime is not None:
        t = max(time.time(), old_mtime + 2)
        os.utime(path, (t, t))
    return True


# ---------------------------------------------------------------- configs

def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_configs(d, m):
    fy = ["# CivicWatch benchmark config, generated by bench/webgen.py",
          "defaults: {interval: 1h, timeout: 30s, max_bytes: 10MB}",
          "sources:"]
    uy = []
    wy = []
    manifest = []
    for s in m["sources"]:
        u = url_of(s)
        manifest.append({"id": s["id"], "type": s["type"], "url": u, "file": s["path"].lstrip("/"),
                         "encoding": s.get("encoding", "utf-8")})
        fy.append("  - id: %s" % s["id"])
        fy.append("    title: %s" % yq("%s %d" % (s["type"].capitalize(), s["num"])))
        fy.append("    url: %s" % u)
        fy.append("    type: %s" % s["type"])
        fy.append("    tags: [bench]")
        job = ["name: %s" % yq(s["id"]), "url: %s" % yq(u)]
        if s["type"] == "list":
            fy.append("    items: \"//ul[@class='list']/li\"")
            fy.append('    title: "a"')
            fy.append('    link: "a/@href"')
            fy.append("    date: \"span[@class='date']\"")
            job.append("filter:")
            job.append("  - xpath: \"//ul[@class='list']/li\"")
            job.append("  - html2text")
            if s["encoding"] != "utf-8":
                # urlwatch 2.29 ignores <meta charset> (it decodes UTF-8, then latin-1), so a
                # user who sees mojibake adds this line
                job.append("encoding: gbk")
        elif s["type"] == "page":
            fy.append("    content: \"//div[@id='content']\"")
            fy.append("    ignore: [\"//div[@class='visits']\"]")
            job.append("filter:")
            job.append("  - css: {selector: '#content', exclude: '.visits'}")
            job.append("  - html2text")
        else:
            job.append("filter:")
            job.append("  - xpath: {path: '//item', method: xml}")
            job.append("  - html2text")
        uy.append("\n".join(job))
        # webchanges reads the same job syntax; it renamed the `filter` directive to `filters`
        # (the old name still works but is logged as deprecated)
        wy.append("\n".join("filters:" if line == "filter:" else line for line in job))
    fy.append("alerts:")
    fy.append("  - stdout: {format: json}")
    with open(os.path.join(d, "feeds.yml"), "w") as f:
        f.write("\n".join(fy) + "\n")
    with open(os.path.join(d, "urls.yaml"), "w") as f:
        f.write("\n---\n".join(uy) + "\n")
    with open(os.path.join(d, "urlwatch.yaml"), "w") as f:
        f.write(URLWATCH_CFG)
    with open(os.path.join(d, "jobs.yaml"), "w") as f:
        f.write("\n---\n".join(wy) + "\n")
    with open(os.path.join(d, "config.yaml"), "w") as f:
        f.write(WEBCHANGES_CFG)
    with open(os.path.join(d, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=0, ensure_ascii=False)


# What both urlwatch and webchanges report, and how: the same for both, so their passes compare.
REPORT_COMMON = """display:
  new: false          # the first pass records a baseline silently, as civicwatch does
  error: true
  unchanged: false
  empty-diff: false
report:
  text: {line_length: 75, details: true, footer: false, minimal: false, separate: false}
  stdout: {enabled: true, color: false}
"""

URLWATCH_CFG = """# urlwatch 2.29 config for the benchmark: report to stdout only.
""" + REPORT_COMMON + """  email: {enabled: false}
  html: {separate: false}
  markdown: {details: true, footer: false, minimal: false, separate: false}
job_defaults:
  all: {}
  url: {}
  shell: {}
  browser: {}
"""


WEBCHANGES_CFG = """# webchanges config for the benchmark: as urlwatch.yaml (stdout text report only), and
# no network access of its own (version_check: once a day it would ask PyPI for a newer release).
# Everything not set here keeps webchanges's defaults (sqlite3 database, 4 snapshots per job).
""" + REPORT_COMMON + """  browser: {enabled: false}
  email: {enabled: false}
  html: {separate: false, footer: false}
  markdown: {details: true, footer: false, minimal: false, separate: false}
version_check:
  enabled: false
"""


# ---------------------------------------------------------------- commands

def save_model(d, m):
    tmp = os.path.join(d, "model.json.tmp")
    with open(tmp, "w") as f:
        json.dump(m, f, ensure_ascii=False)
    os.replace(tmp, os.path.join(d, "model.json"))


def load_model(d):
    with open(os.path.join(d, "model.json")) as f:
        return json.load(f)


def cmd_gen(a):
    d = a.dir
    os.makedirs(d, exist_ok=True)
    for sub in ("feeds", "lists", "pages"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    m = new_model(a.n, a.port, a.seed)
    for s in m["sources"]:
        write_source(d, s)
    with open(os.path.join(d, "index.html"), "w") as f:
        f.write("<!DOCTYPE html><html><body>CivicWatch bench web</body></html>\n")
    save_model(d, m)
    write_configs(d, m)
    try:
        os.remove(os.path.join(d, "expected.json"))
    except FileNotFoundError:
        pass
    print("generated %d sources in %s (port %d)" % (m["n"], d, a.port), file=sys.stderr)


def cmd_mutate(a):
    d = a.dir
    m = load_model(d)
    srcs = m["sources"]
    k = max(1, round(a.fraction * len(srcs)))
    pick = random.Random(a.seed).sample(range(len(srcs)), k)
    pick.sort()
    # content for new items/paragraphs comes from a stream seeded by (model seed, mutate seed,
    # number of previous mutations): deterministic, and different on every mutation
    m["mutations"] = m.get("mutations", 0) + 1
    g = Gen(random.Random("%s/%s/%s" % (m["seed"], a.seed, m["mutations"])))
    expected = []
    touched = set()
    for i in pick:
        s = srcs[i]
        if s["type"] in ("feed", "list"):
            for _ in range(2):
                kk = s["next"]
                s["next"] += 1
                it = feed_item(g, s, kk) if s["type"] == "feed" else list_item(g, s, kk)
                s["items"].append(it)
                link = feed_link(s, kk) if s["type"] == "feed" else list_link(s, kk)
                expected.append({"source": s["id"], "kind": "new", "link": link, "title": it["title"]})
            del s["items"][:2]  # keep 20 items: the oldest two fall off the bottom
        else:
            idx = sorted(g.r.sample(range(PARAS), 2))
            for j in idx:
                s["paras"][j] = g.paragraph()
            expected.append({"source": s["id"], "kind": "changed"})
        touched.add(i)
    if not a.no_visits:
        for i, s in enumerate(srcs):
            if s["type"] == "page":
                s["visits"] += 1 + g.r.randint(0, 50)
                touched.add(i)
    changed_files = sum(1 for i in sorted(touched) if write_source(d, srcs[i]))
    save_model(d, m)
    with open(os.path.join(d, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
    print("mutated %d of %d sources (%d files rewritten), %d expected alerts -> %s"
          % (len(pick), len(srcs), changed_files, len(expected), os.path.join(d, "expected.json")),
          file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp = p.add_subparsers(dest="cmd", required=True)
    g = sp.add_parser("gen", help="generate a web")
    g.add_argument("dir")
    g.add_argument("--n", type=int, default=900, help="number of sources (split in thirds)")
    g.add_argument("--port", type=int, default=18080)
    g.add_argument("--seed", type=int, default=1)
    mu = sp.add_parser("mutate", help="change a fraction of the sources, write expected.json")
    mu.add_argument("dir")
    mu.add_argument("--fraction", type=float, default=0.1)
    mu.add_argument("--seed", type=int, default=2)
    mu.add_argument("--no-visits", action="store_true", help="do not bump the pages' visit counters")
    a = p.parse_args()
    {"gen": cmd_gen, "mutate": cmd_mutate}[a.cmd](a)


if __name__ == "__main__":
    main()
