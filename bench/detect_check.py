#!/usr/bin/env python3
"""Detection measured the way users get it: labelled items served as RSS feeds from a loopback
web, one `civicwatch run` pass for the baseline and one with the items, precision/recall of the
categories in the JSON alerts.

    python3 -u bench/detect_check.py Tests/DetectionTests/Fixtures/holdout.jsonl [--bin .build/release/civicwatch]
"""
import argparse, http.server, json, os, re, subprocess, sys, tempfile, threading
from xml.sax.saxutils import escape


def rss(items):
    body = "".join(
        "<item><guid>%s</guid><title>%s</title><link>http://example.org/%s</link><description>%s</description></item>"
        % (i["guid"], escape(i["title"]), i["guid"], escape(i.get("summary") or "")) for i in items)
    return '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>%s</channel></rss>' % body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--bin", default=".build/release/civicwatch")
    a = ap.parse_args()
    items = [json.loads(l) for l in open(a.file, encoding="utf-8") if l.strip() and not l.startswith("#")]
    for n, it in enumerate(items):
        it["guid"] = "item-%d" % n
    root = tempfile.mkdtemp(prefix="cw-detect-")
    web = os.path.join(root, "web")
    os.makedirs(web)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = lambda *args: Quiet(*args, directory=web)
    http.server.ThreadingHTTPServer.request_queue_size = 64
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    langs = sorted({i.get("lang", "en") for i in items})
    with open(os.path.join(root, "feeds.yml"), "w") as f:
        # Source ids are lower-case letters, digits and dashes ("zh-Hant" → feed-zh-hant).
        f.write("sources:\n" + "".join('  - {id: feed-%s, url: "%s/%s.xml"}\n' % (re.sub("[^a-z0-9-]", "-", l.lower()), base, l)
                                       for l in langs))
    def write(full):
        for l in langs:
            path = os.path.join(web, l + ".xml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(rss([i for i in items if i.get("lang", "en") == l] if full else []))
            # Last-Modified has one-second resolution: make the rewrite visible to conditional GET.
            t = os.stat(path).st_mtime + (10 if full else 0)
            os.utime(path, (t, t))
    def run():
        p = subprocess.run([a.bin, "run", "--config", os.path.join(root, "feeds.yml"), "--state", os.path.join(root, "state"),
                            "--json", "--force", "--quiet"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if p.returncode != 0:
            sys.exit("civicwatch failed (%d): %s" % (p.returncode, p.stderr))
        return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    write(False)
    run()
    write(True)
    alerts = run()
    srv.shutdown()
    got = {al["link"].rsplit("/", 1)[-1]: {c["name"] for c in al["categories"]} for al in alerts}
    print("%d items, %d alerts" % (len(items), len(alerts)))
    for cat in ("regulation", "crackdown"):
        tp = fp = fn = 0
        for it in items:
            e, g = cat in it["expected"], cat in got.get(it["guid"], set())
            tp += e and g
            fp += g and not e
            fn += e and not g
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print("%-11s precision %.3f recall %.3f  (TP %d FP %d FN %d)" % (cat, p, r, tp, fp, fn))


if __name__ == "__main__":
    main()
