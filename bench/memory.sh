#!/usr/bin/env bash
# Where a pass's resident memory is: stops civicwatch under gdb at exit_group and sums
# /proc/PID/smaps by what is mapped (a little under the peak RSS bench/run.sh measures: 31.5 MB
# against 31.7-32.1 MB for the 900-source baseline pass on 2026-11-24): the executable's
# code and data, the shared libraries, the heap. Runs `--help` (start-up only), the baseline pass
# and the nothing-changed pass on the generated web.
#   bench/memory.sh [--n 900]
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"

size_argument "$@"
ensure_debs gdb
OUT=$BENCH/out/memory-$N
resolve_bin
serve_fresh_web "$OUT" "$N"

cat >"$OUT/smaps.py" <<'PY'
import gdb, shutil, os
pid = gdb.selected_inferior().pid
shutil.copy(f"/proc/{pid}/smaps", os.environ["SMAPS_OUT"])
PY
breakdown() {  # label, civicwatch arguments…
    local label=$1; shift
    SMAPS_OUT=$OUT/$label.smaps gdb -q -batch -ex 'set pagination off' -ex 'handle SIGPIPE nostop noprint pass' \
        -ex 'catch syscall exit_group' -ex "run $* >/dev/null 2>$OUT/$label.stderr" -ex "source $OUT/smaps.py" \
        --args "$BIN" >/dev/null 2>&1 || true
    [ -s "$OUT/$label.smaps" ] || die "no smaps for $label (see $OUT/$label.stderr)"
    "$PY" - "$OUT/$label.smaps" "$label" "$BIN" <<'PY'
import collections, re, sys
path, label, exe = sys.argv[1], sys.argv[2], sys.argv[3]
kind, kb, libs = None, collections.Counter(), collections.Counter()
for line in open(path):
    if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
        f = line.split()
        name = f[5] if len(f) > 5 else ""
        if name and (name == exe or name.endswith("/civicwatch")):
            kind = "executable code" if "x" in f[1] else "executable data"
        elif name.startswith("/"):
            kind = "shared libraries"; lib = name.rsplit("/", 1)[-1]
        else:
            kind = "heap, stacks, anonymous"; lib = None
    elif line.startswith("Rss:"):
        v = int(line.split()[1]); kb[kind] += v
        if kind == "shared libraries": libs[lib] += v
total = sum(kb.values())
print(f"{label}: {total/1024:.1f} MB resident at exit")
for k in ("executable code", "executable data", "shared libraries", "heap, stacks, anonymous"):
    print(f"  {k:26s} {kb[k]/1024:6.1f} MB")
print("  largest libraries: " + ", ".join(f"{n} {v/1024:.1f}" for n, v in libs.most_common(6)))
PY
}
breakdown start-up --help
breakdown baseline run --config "$WEB/feeds.yml" --state "$STATE" --json --force
breakdown unchanged run --config "$WEB/feeds.yml" --state "$STATE" --json --force
