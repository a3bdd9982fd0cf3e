#!/usr/bin/env python3
"""Loopback HTTP server for CivicWatch tests.

Serves files under --root with strong ETags and Last-Modified, answers conditional requests with
304, and offers misbehaving endpoints (see route() below, and faults.py for /__fault/NAME: hostile servers
and hostile documents). Prints the chosen port as the first line
on stdout, then stays quiet. Files are re-read on every request because tests rewrite them.
"""
import argparse
import email.utils
import gzip
import hashlib
import json
import os
import struct
import sys
import threading
import time
import zlib

import faults
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

CONTENT_TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".html": "text/html",
    ".htm": "text/html",
    ".json": "application/json",
    ".txt": "text/plain",
}

LOG = []
LOG_LOCK = threading.Lock()

# Webhook receivers (POST /__hook/NAME): every POST is recorded in POSTS; MODES[NAME] says how the
# next POSTs are answered, set with GET /__hookmode?name=NAME&refuse=N&status=500&retry_after=S&hang=N&hang_seconds=S
# (refuse: the next N POSTs get `status`; hang: the next N POSTs get no answer for hang_seconds).
POSTS = []
MODES = {}
ROOT = "."

_BOMB = None
_BOMB_LOCK = threading.Lock()


def gzip_bomb():
    """~1 MB of gzip that inflates to 1 GiB of zeros, built in milliseconds.

    A full flush resets the compressor, so every 1 MiB block of zeros compresses to the same bytes
    and can simply be repeated instead of compressing a whole gigabyte.
    """
    global _BOMB
    with _BOMB_LOCK:
        if _BOMB is None:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
            tail = c.flush()
            header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
            # CRC-32 of 2**30 zero bytes (precomputed: computing it takes over a second).
            trailer = struct.pack("<II", 0x5B64C2B0, (1 << 30) & 0xFFFFFFFF)
            _BOMB = header + block * 1024 + tail + trailer
        return _BOMB


def filler(n):
    """n bytes of XML-looking text, produced in pieces so huge sizes never sit in memory."""
    unit = b"<item><title>filler</title><description>" + b"x" * 200 + b"</description></item>\n"
    piece = unit * (65536 // len(unit) + 1)
    sent = 0
    while sent < n:
        chunk = piece[: min(len(piece), n - sent)]
        sent += len(chunk)
        yield chunk


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "CivicWatchTest/1.0"
    # Headers and body go out in separate writes; with Nagle on, delayed ACKs cost ~40 ms a request.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    def log(self, status):
        if self.path.startswith("/__log") or self.path.startswith("/__reset"):
            return
        entry = {
            "path": self.path,
            "status": status,
            "ifNoneMatch": self.headers.get("If-None-Match"),
            "ifModifiedSince": self.headers.get("If-Modified-Since"),
            "userAgent": self.headers.get("User-Agent"),
            "clientPort": self.client_address[1],
            "started": self.started,
            "ended": None,
        }
        self.entry = entry
        with LOG_LOCK:
            LOG.append(entry)

    def start(self, status, headers=(), length=None):
        self.log(status)
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def reply(self, status, body=b"", headers=()):
        self.start(status, headers, len(body))
        # The request counts as handled once its last bytes are handed to the socket: the client
        # can then finish and start another request before this thread gets the GIL back, and a
        # later "ended" would show an overlap that never happened.
        self.mark_ended()
        if body:
            self.wfile.write(body)

    def mark_ended(self):
        if self.entry is not None and self.entry["ended"] is None:
            with LOG_LOCK:
                self.entry["ended"] = time.time()

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.started = time.time()
        self.entry = None
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.mark_ended()

    def do_POST(self):
        self.started = time.time()
        self.entry = None
        try:
            self.receive()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def receive(self):
        """A webhook receiver: records the request, then answers as its mode says."""
        path = unquote(urlsplit(self.path).path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if path == "/__redirect":
            query = parse_qs(urlsplit(self.path).query)
            return self.reply(int(query.get("code", ["302"])[0]), b"", [("Location", query.get("to", ["/"])[0])])
        if not path.startswith("/__hook/"):
            return self.reply(404, b"not found\n", [("Content-Type", "text/plain")])
        name = path[len("/__hook/"):]
        with LOG_LOCK:
            mode = MODES.setdefault(name, {"refuse": 0, "status": 500, "retry_after": None, "hang": 0, "hang_seconds": 30})
            if mode["hang"] > 0:
                mode["hang"] -= 1
                answer = "hang"
            elif mode["refuse"] > 0:
                mode["refuse"] -= 1
                answer = mode["status"]
            else:
                answer = 200
            POSTS.append({
                "name": name, "path": self.path, "answer": answer if answer != "hang" else 0, "at": time.time(),
                "headers": {k: v for k, v in self.headers.items()},
                "body": body.decode("utf-8", "replace"),
            })
        if answer == "hang":
            time.sleep(mode["hang_seconds"])
            self.close_connection = True
            return
        if answer == 200:
            return self.reply(200, b"ok", [("Content-Type", "text/plain")])
        headers = [("Content-Type", "text/plain")]
        if mode["retry_after"]:
            headers.append(("Retry-After", mode["retry_after"]))
        return self.reply(answer, b"refused for the test\n", headers)

    def route(self):
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), parse_qs(parts.query)

        def q(name, default=None):
            return query.get(name, [default])[0]

        if path == "/__log":
            with LOG_LOCK:
                body = json.dumps(LOG).encode()
            return self.reply(200, body, [("Content-Type", "application/json")])
        if path == "/__posts":
            with LOG_LOCK:
                body = json.dumps(POSTS).encode()
            return self.reply(200, body, [("Content-Type", "application/json")])
        if path == "/__hookmode":
            with LOG_LOCK:
                MODES[q("name", "")] = {
                    "refuse": int(q("refuse", "0")), "status": int(q("status", "500")),
                    "retry_after": q("retry_after"), "hang": int(q("hang", "0")),
                    "hang_seconds": float(q("hang_seconds", "30")),
                }
            return self.reply(200, b"ok\n", [("Content-Type", "text/plain")])
        if path == "/__reset":
            with LOG_LOCK:
                LOG.clear()
                POSTS.clear()
                MODES.clear()
            return self.reply(200, b"ok\n", [("Content-Type", "text/plain")])
        if path.startswith("/__status/"):
            code = int(path.split("/")[2])
            headers = [("Content-Type", "text/plain")]
            if q("retry_after"):
                headers.append(("Retry-After", q("retry_after")))
            body = b"" if code < 200 or code in (204, 304) else f"status {code}\n".encode()
            return self.reply(code, body, headers)
        if path == "/__redirect":
            return self.reply(int(q("code", "302")), b"", [("Location", q("to", "/"))])
        if path == "/__loop":
            return self.reply(302, b"", [("Location", "/__loop")])
        if path.startswith("/__delay/"):
            _, _, ms, rest = path.split("/", 3)
            time.sleep(int(ms) / 1000)
            return self.serve_file("/" + rest)
        if path.startswith("/__dropidle/"):
            # Answered as a kept-alive response (no "Connection: close"), then the server closes
            # the connection, as servers do with idle keep-alive connections.
            self.serve_file("/" + path.split("/", 2)[2])
            self.close_connection = True
            return
        if path == "/__drip":
            n = int(q("bytes", "100"))
            self.start(200, [("Content-Type", "application/xml")], n)
            for _ in range(n):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
            return
        if path == "/__big":
            return self.serve_big(int(q("bytes", "1048576")), q("chunked") == "1")
        if path.startswith("/__gzip/"):
            return self.serve_file(path[len("/__gzip"):], compress=True)
        if path == "/__gzipbomb":
            bomb = gzip_bomb()
            return self.reply(200, bomb, [("Content-Type", "application/xml"), ("Content-Encoding", "gzip")])
        if path.startswith("/__fault/"):
            return faults.serve(self, path[len("/__fault/"):], q)
        if path == "/__hang":
            self.log(0)
            # Never answer; the daemon thread dies with the process.
            while True:
                time.sleep(3600)
        return self.serve_file(path)

    def serve_big(self, n, chunked):
        if not chunked:
            self.start(200, [("Content-Type", "application/xml")], n)
            for chunk in filler(n):
                self.wfile.write(chunk)
            return
        self.start(200, [("Content-Type", "application/xml"), ("Transfer-Encoding", "chunked")])
        for chunk in filler(n):
            self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")

    def serve_file(self, path, compress=False):
        full = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
        if not (full == ROOT or full.startswith(ROOT + os.sep)) or not os.path.isfile(full):
            return self.reply(404, b"not found\n", [("Content-Type", "text/plain")])
        with open(full, "rb") as f:
            body = f.read()
        mtime = os.stat(full).st_mtime
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {
            "Content-Type": CONTENT_TYPES.get(os.path.splitext(full)[1].lower(), "application/octet-stream"),
            "ETag": etag,
            "Last-Modified": email.utils.formatdate(mtime, usegmt=True),
        }
        sidecar = full + ".headers"
        if os.path.isfile(sidecar):
            with open(sidecar, encoding="utf-8") as f:
                for line in f:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip()] = v.strip()

        if self.not_modified(etag, mtime):
            keep = [(k, v) for k, v in headers.items() if k in ("ETag", "Last-Modified")]
            return self.reply(304, b"", keep)
        if compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        if self.command == "HEAD":
            return self.start(200, list(headers.items()), len(body))
        return self.reply(200, body, list(headers.items()))

    def not_modified(self, etag, mtime):
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
            tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
            return "*" in tags or etag in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                return False
            return int(mtime) <= since
        return False


def self_signed_context(host):
    """A TLS context with a throwaway certificate no client trusts (for verification tests)."""
    import ssl
    import subprocess
    import tempfile
    d = tempfile.mkdtemp(prefix="cw-tls-")
    cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=" + host, "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The stock backlog of 5 drops connections when a test opens dozens at once.
    request_queue_size = 512

    def handle_error(self, request, client_address):
        # Clients that hang up mid-response (size caps, timeouts) are expected in tests.
        pass


def main():
    global ROOT
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--tls", action="store_true", help="serve HTTPS with a fresh self-signed certificate")
    args = ap.parse_args()
    ROOT = os.path.realpath(args.root)
    if ":" in args.host:
        Server.address_family = __import__("socket").AF_INET6
    server = Server((args.host, args.port), Handler)
    if args.tls:
        server.socket = self_signed_context(args.host).wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
