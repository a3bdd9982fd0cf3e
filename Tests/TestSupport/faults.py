"""Hostile servers and hostile documents for testserver.py: GET /__fault/NAME[?options].

Every fault the watcher must survive unattended, one endpoint each, so a test (or a person with curl)
can point a source at it. Huge bodies are generated in pieces and never sit in memory here.

Server faults:    500, 503 (Retry-After), 429, hang (accept, never answer), drip (one byte a second),
                  reset (RST mid-body), truncgzip, gzipbomb (see testserver.gzip_bomb), endless,
                  loop (redirect loop), redirect?to=URL (e.g. file:///etc/passwd, gopher://…),
                  bigheader (one 1 MB header), manyheaders (endless header lines), lies (Content-Length
                  larger than the body, then close).
Document faults:  badutf8, nul, xxe, xxe-param, xinclude, laughs (billion laughs), quadratic
                  (one huge entity referenced many times), deep?depth=N, items?n=N, html-xxe,
                  html-deep?depth=N.
"""
import gzip
import socket
import struct
import time

PASSWD = "file:///etc/passwd"


def feed(items_xml, prolog=""):
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + prolog +
            '<rss version="2.0"><channel><title>Hostile</title><link>http://example.org/</link>' +
            items_xml + "</channel></rss>\n").encode()


def item(guid, title, summary="s"):
    return (f"<item><guid>{guid}</guid><title>{title}</title><link>http://example.org/{guid}</link>"
            f"<description>{summary}</description></item>")


DOCS = {
    # Bytes that are not UTF-8 in a document that says it is.
    "badutf8": lambda q: feed(item("u1", "ok title") + item("u2", "bad BADBYTES bytes"))
    .replace(b"BADBYTES", b"\xff\xfe\xc0\x80 \xed\xa0\x80 \xf8\x88\x80\x80\x80"),
    # NUL bytes inside text and between elements.
    "nul": lambda q: feed(item("n1", "before") + item("n2", "nul\x00inside") + "\x00\x00" + item("n3", "after")),
    # Classic XXE: an external general entity naming /etc/passwd, used in a title and a description.
    "xxe": lambda q: feed(item("x1", "leak &xxe; here", "body &xxe;"),
                          prolog=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{PASSWD}">]>\n'),
    # Parameter-entity XXE (out-of-band style): only harmful if the DTD is loaded and expanded.
    "xxe-param": lambda q: feed(item("p1", "param &all;"),
                                prolog=f'<!DOCTYPE rss [<!ENTITY % file SYSTEM "{PASSWD}">'
                                '<!ENTITY % dtd SYSTEM "http://127.0.0.1:1/evil.dtd"> %dtd; %file;'
                                '<!ENTITY all "x">]>\n'),
    # XInclude of /etc/passwd: only harmful if XInclude is processed.
    "xinclude": lambda q: feed('<item xmlns:xi="http://www.w3.org/2001/XInclude"><guid>xi1</guid><title>inc '
                               f'<xi:include href="{PASSWD}" parse="text"/></title></item>'),
    # Billion laughs: 10 levels of 10 references, 10^9 "lol"s if expanded.
    "laughs": lambda q: feed(item("l1", "&lol9;"), prolog="<!DOCTYPE rss [<!ENTITY lol \"lol\">" + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)) + "]>\n"),
    # Quadratic blow-up: one 100 KB entity referenced 20,000 times (2 GB if expanded).
    "quadratic": lambda q: feed(item("q1", "&big;" * 20000),
                                prolog='<!DOCTYPE rss [<!ENTITY big "' + "A" * 100000 + '">]>\n'),
    "html-xxe": lambda q: (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{PASSWD}">]><html><body><ul class="l">'
                           '<li><a href="/a">leak &xxe;</a></li><li><a href="/b">fine</a></li></ul></body></html>').encode(),
}


def serve(h, name, q):
    """Answers GET /__fault/NAME on handler `h` (a testserver.Handler)."""
    n = lambda key, default: int(q(key, str(default)))
    if name in ("500", "429"):
        return h.reply(int(name), b"no\n", [("Content-Type", "text/plain")])
    if name == "503":
        return h.reply(503, b"busy\n", [("Content-Type", "text/plain"), ("Retry-After", q("retry_after", "120"))])
    if name == "hang":
        h.log(0)
        while True:
            time.sleep(3600)
    if name == "drip":
        h.start(200, [("Content-Type", "application/rss+xml")], 1 << 20)
        while True:
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(1)
    if name == "reset":
        body = feed(item("r1", "cut short") * 200)
        h.start(200, [("Content-Type", "application/rss+xml")], len(body) * 4)
        h.wfile.write(body[: len(body) // 2])
        h.wfile.flush()
        # SO_LINGER 0: close() sends RST instead of FIN.
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True
        return
    if name == "lies":
        body = feed(item("c1", "short"))
        h.start(200, [("Content-Type", "application/rss+xml")], len(body) + 5000)
        h.wfile.write(body)
        h.wfile.flush()
        h.close_connection = True
        return
    if name == "truncgzip":
        whole = gzip.compress(feed("".join(item(f"g{i}", f"gz {i}") for i in range(500))))
        cut = whole[: len(whole) // 2]
        return h.reply(200, cut, [("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip")])
    if name == "endless":
        h.start(200, [("Content-Type", "application/rss+xml"), ("Transfer-Encoding", "chunked")])
        chunk = b"<item><title>more</title></item>" * 2000
        frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
        h.wfile.write(b"%x\r\n" % 60 + feed("")[:60] + b"\r\n")
        while True:
            h.wfile.write(frame)
    if name == "loop":
        return h.reply(302, b"", [("Location", "/__fault/loop?n=%d" % (n("n", 0) + 1))])
    if name == "redirect":
        return h.reply(int(q("code", "302")), b"", [("Location", q("to", PASSWD))])
    if name == "bigheader":
        h.log(200)
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("X-Huge", "h" * (1 << 20))
        body = feed(item("bh", "after a huge header"))
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
        return
    if name == "manyheaders":
        h.log(200)
        h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n")
        line = b"X-More: " + b"m" * 1000 + b"\r\n"
        while True:
            h.wfile.write(line * 100)
    if name == "deep":
        depth = n("depth", 1_000_000)
        body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>deep</title><item><title>'
                + b"<d>" * depth + b"x" + b"</d>" * depth + b"</title></item></channel></rss>")
        return h.reply(200, body, [("Content-Type", "application/rss+xml")])
    if name == "html-deep":
        depth = n("depth", 1_000_000)
        body = b"<html><body><ul class='l'><li><a href='/x'>deep</a></li></ul>" + b"<div>" * depth + b"</body></html>"
        return h.reply(200, body, [("Content-Type", "text/html")])
    if name == "items":
        count = n("n", 200_000)
        h.start(200, [("Content-Type", "application/rss+xml"), ("Transfer-Encoding", "chunked")])
        parts = [feed("")[: -len(b"</channel></rss>\n")]]
        for i in range(count):
            parts.append(f"<item><guid>m{i}</guid><title>Item {i}</title></item>".encode())
            if len(parts) >= 2000:
                chunk = b"".join(parts)
                h.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                parts = []
        parts.append(b"</channel></rss>\n")
        chunk = b"".join(parts)
        h.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n0\r\n\r\n")
        return
    if name in DOCS:
        ctype = "text/html" if name.startswith("html") else "application/rss+xml"
        return h.reply(200, DOCS[name](q), [("Content-Type", ctype)])
    return h.reply(404, b"no such fault\n", [("Content-Type", "text/plain")])
