#!/usr/bin/env bash
# Regenerates scripts/hot-symbols.txt, the function order scripts/release-build.sh hands to lld:
# every function of the executable that a pass runs, hottest first. Runs the baseline, nothing-
# changed and 10 %-changed passes on a generated web under `valgrind --tool=callgrind`, which
# sees every function called, however rarely (a sampling profiler would miss the cold ones, and
# they cost a mapped page all the same). Takes about two minutes; installs valgrind when missing.
# Run it after changes that move a lot of code; a stale list only costs memory, never correctness
# (names it no longer finds are ignored, and functions it lacks keep their default place).
#   bench/hot-symbols.sh [--n 900]
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"

size_argument "$@"
ensure_debs valgrind binutils
OUT=$BENCH/out/hot-symbols
resolve_bin
serve_fresh_web "$OUT" "$N"
# callgrind cannot read the DWARF of this toolchain's release binary; the symbol table is enough.
cp "$BIN" "$OUT/civicwatch" && strip -g "$OUT/civicwatch"

pass() {  # label
    log "callgrind: $1 pass"
    valgrind --tool=callgrind --demangle=no --dump-instr=no --callgrind-out-file="$OUT/$1.cg" \
        "$OUT/civicwatch" run --config "$WEB/feeds.yml" --state "$STATE" --json --force >/dev/null 2>"$OUT/$1.log" \
        || die "$1 pass failed (see $OUT/$1.log)"
}
pass baseline
pass unchanged
"$PY" "$BENCH/webgen.py" mutate "$WEB" --fraction 0.1 --seed 2 >/dev/null
pass changed

nm "$OUT/civicwatch" | awk 'NF == 3 && $2 ~ /^[tTwW]$/ { print $3 }' >"$OUT/functions.txt"
"$PY" - "$OUT/functions.txt" "$OUT"/baseline.cg "$OUT"/unchanged.cg "$OUT"/changed.cg \
    >"$ROOT/scripts/hot-symbols.txt" <<'PY'
import collections, re, sys
defined = set(open(sys.argv[1]).read().split())
cost = collections.Counter()
for path in sys.argv[2:]:
    names, fn, after_call = {}, None, False
    for line in open(path, errors="replace"):
        if line.startswith(("fn=", "cfn=")):
            key, rest = line.rstrip("\n").split("=", 1)
            m = re.match(r"\((\d+)\)(?: (.*))?$", rest)
            if not m:
                continue
            if m.group(2) is not None:
                names[m.group(1)] = re.sub(r"'\d+$", "", m.group(2))  # callgrind's recursion suffix
            name = names.get(m.group(1))
            if key == "fn":
                fn = name
            cost[name] += 0  # called counts as run, even at no cost of its own
        elif line.startswith("calls="):
            after_call = True  # the next cost line is the callee's inclusive cost
        elif fn and line[:1].isdigit():
            if after_call:
                after_call = False
                continue
            parts = line.split()
            if len(parts) >= 2:
                cost[fn] += int(parts[1])
for name, _ in sorted(cost.items(), key=lambda kv: (-kv[1], kv[0])):
    if name in defined:
        print(name)
PY
log "scripts/hot-symbols.txt: $(wc -l <"$ROOT/scripts/hot-symbols.txt") functions"
# SwiftPM does not see the list as an input of the link: drop the binary so the next build relinks.
[ -z "${CIVICWATCH_BIN:-}" ] && rm -f "$BIN" && log "removed $BIN: the next scripts/release-build.sh links it in the new order"
