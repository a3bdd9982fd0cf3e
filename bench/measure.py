#!/usr/bin/env python3
"""Run one command and report its wall time, CPU time and peak RSS as one JSON line.

    measure.py --stdout FILE --stderr FILE [--timeout S] [--label L] -- CMD ARGS…

CPU time is user+sys of the child and all its waited-for descendants (os.wait4 rusage);
peak RSS is ru_maxrss of the child (KB on Linux; the largest single process in its tree
that was waited for). Output: {"label", "rc", "wall_s", "user_s", "sys_s", "cpu_s",
"maxrss_kb", "stdout_lines"} on stdout.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--stdout", required=True)
    p.add_argument("--stderr", required=True)
    p.add_argument("--timeout", type=float, default=1800)
    p.add_argument("--label", default="")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        p.error("no command")
    with open(a.stdout, "wb") as out, open(a.stderr, "wb") as err:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        deadline = t0 + a.timeout
        timed_out = False
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            if time.monotonic() > deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        wall = time.monotonic() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    with open(a.stdout, "rb") as f:
        lines = sum(1 for _ in f)
    print(json.dumps({"label": a.label, "rc": proc.returncode, "timed_out": timed_out,
                      "wall_s": round(wall, 3), "user_s": round(ru.ru_utime, 3),
                      "sys_s": round(ru.ru_stime, 3), "cpu_s": round(ru.ru_utime + ru.ru_stime, 3),
                      "maxrss_kb": ru.ru_maxrss, "stdout_lines": lines}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
