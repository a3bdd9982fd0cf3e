#!/usr/bin/env python3
"""Loopback SMTP server for CivicWatch tests (aiosmtpd).

Prints the port as the first line on stdout. Every accepted message is written to --out as
NNNN.json: envelope, decoded headers, the text/plain and text/html parts (decoded), the MIME
structure and the raw message. A file --out/refuse holding a number N makes the next N messages
get `451 try again later` (the number is decremented).
"""
import argparse
import email
import email.header
import email.policy
import json
import os
import socket
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LOCK = threading.Lock()


def decode_header(value):
    return str(email.header.make_header(email.header.decode_header(value))) if value else value


class Handler:
    def __init__(self, out):
        self.out = out
        self.count = 0

    def take_refusal(self):
        path = os.path.join(self.out, "refuse")
        with LOCK:
            try:
                n = int(open(path).read().strip() or "0")
            except (OSError, ValueError):
                return False
            if n <= 0:
                return False
            with open(path, "w") as f:
                f.write(str(n - 1))
            return True

    async def handle_DATA(self, server, session, envelope):
        if self.take_refusal():
            return "451 4.3.0 test server refuses for now"
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        parts = {}
        structure = []
        for part in msg.walk():
            structure.append(part.get_content_type())
            if part.get_content_maintype() == "text":
                payload = part.get_payload(decode=True) or b""
                parts[part.get_content_type()] = payload.decode(part.get_content_charset() or "utf-8", "replace")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {k: decode_header(v) for k, v in msg.items()},
            "raw_headers": {k: v for k, v in msg.items()},
            "structure": structure,
            "plain": parts.get("text/plain"),
            "html": parts.get("text/html"),
            "raw": raw.decode("utf-8", "replace"),
        }
        with LOCK:
            self.count += 1
            name = os.path.join(self.out, "%04d.json" % self.count)
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".tmp", name)
        return "250 2.0.0 stored as message %d" % self.count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--auth", help="USER:PASSWORD: require AUTH with these (over plain TCP: loopback tests only)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    kwargs = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok)

        kwargs = {"authenticator": authenticator, "auth_required": True, "auth_require_tls": False}
    controller = Controller(Handler(args.out), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print(port, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
