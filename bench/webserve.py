#!/usr/bin/env python3
"""Serve a directory made by webgen.py on 127.0.0.1 … 127.0.0.16, same port on each.

    python3 -u webserve.py DIR [--port 18080] [--addrs 16] [--delay-ms 0]

- one ThreadingHTTPServer per address (request_queue_size 1024, daemon threads), HTTP/1.1
  keep-alive, TCP_NODELAY
- every request re-reads the file, so files changed under the server are served at once
- strong ETag (hash of the bytes) and Last-Modified (file mtime); 304 on a matching
  If-None-Match, or, when there is no If-None-Match, on If-Modified-Since >= mtime
- Content-Type by extension, no charset parameter (the documents declare their own)
- --delay-ms D sleeps D ms before each response (simulates a slow site)
- GET /__stats returns request counters as JSON; /__stats?reset=1 also zeroes them
- prints "ready PORT" on stdout once every address is listening; exits on SIGTERM/SIGINT
--port 0 picks a free port on 127.0.0.1 and uses it on every address.
"""
import argparse
import email.utils
import hashlib
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

TYPES = {".xml": "application/rss+xml", ".html": "text/html", ".htm": "text/html",
         ".json": "application/json", ".txt": "text/plain", ".yml": "text/plain",
         ".yaml": "text/plain"}

LOCK = threading.Lock()
STATS = {}


def count(key, n=1):
    with LOCK:
        STATS[key] = STATS.get(key, 0) + n


class Server(ThreadingHTTPServer):
    request_queue_size = 1024
    daemon_threads = True
    allow_reuse_address = True


def make_handler(root, delay):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: avoid 40 ms stalls
        server_version = "CivicBench/1"
        sys_version = ""

        def log_message(self, *a):
            pass

        def do_HEAD(self):
            self.serve(head=True)

        def do_GET(self):
            self.serve(head=False)

        def send_simple(self, code, body=b"", ctype="text/plain", head=False):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def serve(self, head):
            count("requests")
            parts = urlsplit(self.path)
            if parts.path == "/__stats":
                with LOCK:
                    body = json.dumps(STATS, sort_keys=True).encode()
                    if "reset=1" in parts.query:
                        STATS.clear()
                self.send_simple(200, body, "application/json", head)
                return
            if delay:
                time.sleep(delay)
            rel = os.path.normpath(unquote(parts.path)).lstrip("/")
            if rel.startswith("..") or rel in (".", ""):
                rel = "index.html"
            path = os.path.join(root, rel)
            try:
                with open(path, "rb") as f:
                    data = f.read()
                    mtime = int(os.fstat(f.fileno()).st_mtime)
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                count("404")
                self.send_simple(404, b"not found\n", head=head)
                return
            etag = '"%s"' % hashlib.blake2b(data, digest_size=12).hexdigest()
            lastmod = email.utils.formatdate(mtime, usegmt=True)
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            not_modified = False
            if inm is not None:
                tags = [t.strip() for t in inm.split(",")]
                not_modified = "*" in tags or etag in tags or ("W/" + etag) in tags
                count("cond_inm")
            elif ims is not None:
                count("cond_ims")
                try:
                    t = email.utils.parsedate_to_datetime(ims).timestamp()
                    not_modified = mtime <= t
                except (TypeError, ValueError, IndexError, OverflowError):
                    pass
            if not_modified:
                count("304")
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", lastmod)
                self.end_headers()
                return
            count("200")
            count("bytes", len(data))
            self.send_response(200)
            ctype = TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", lastmod)
            self.end_headers()
            if not head:
                self.wfile.write(data)

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir")
    p.add_argument("--port", type=int, default=18080)
    p.add_argument("--addrs", type=int, default=16, help="serve on 127.0.0.1 … 127.0.0.N")
    p.add_argument("--delay-ms", type=float, default=0)
    a = p.parse_args()
    root = os.path.abspath(a.dir)
    handler = make_handler(root, a.delay_ms / 1000.0)
    servers = []
    port = a.port
    for i in range(1, a.addrs + 1):
        s = Server(("127.0.0.%d" % i, port), handler)
        port = s.server_address[1]
        servers.append(s)
    for s in servers:
        threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.5}, daemon=True).start()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready %d" % port, flush=True)
    while not stop.wait(1):
        pass
    for s in servers:
        s.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
