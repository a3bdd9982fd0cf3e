#!/usr/bin/env bash
# Does a pass slow down as history accumulates? Runs the nothing-changed pass on a fresh state, then
# adds 200,000 old items and 50,000 old page versions (bench/seed_history.py) and runs it again.
# Target (issue 8): the second is within 10% of the first. Prints both, best of --repeat runs.
#   bench/history.sh [--n 900] [--items 200000] [--versions 50000] [--repeat 5]
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"

N=900 ITEMS=200000 VERSIONS=50000 REPEAT=5
while [ $# -gt 0 ]; do
    case $1 in
        --n) N=$2; shift 2 ;;
        --items) ITEMS=$2; shift 2 ;;
        --versions) VERSIONS=$2; shift 2 ;;
        --repeat) REPEAT=$2; shift 2 ;;
        *) die "unknown argument $1" ;;
    esac
done
OUT=$BENCH/out/history-$N
resolve_bin
serve_fresh_web "$OUT" "$N"

run_pass() {  # label -> prints the measure JSON
    "$PY" "$BENCH/measure.py" --label "$1" --stdout /dev/null --stderr "$OUT/$1.stderr" -- \
        "$BIN" run --config "$WEB/feeds.yml" --state "$STATE" --json --force
}
best() {  # label -> best wall and CPU over REPEAT nothing-changed passes
    local i out
    for i in $(seq "$REPEAT"); do run_pass "$1-$i"; echo; done | "$PY" -c '
import json, sys
runs = [json.loads(l) for l in sys.stdin if l.strip()]
assert all(r["rc"] == 0 for r in runs), runs
print(json.dumps({"wall_s": min(r["wall_s"] for r in runs), "cpu_s": min(r["cpu_s"] for r in runs),
                  "maxrss_kb": max(r["maxrss_kb"] for r in runs)}))'
}
run_pass baseline >/dev/null
fresh=$(best fresh)
"$PY" "$BENCH/seed_history.py" "$STATE/civicwatch.sqlite" --items "$ITEMS" --versions "$VERSIONS"
run_pass warm >/dev/null   # the first pass after seeding may prune; measured passes come after
grown=$(best grown)
"$PY" - "$fresh" "$grown" "$N" "$ITEMS" "$VERSIONS" <<'PY'
import json, sys
f, g = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"nothing-changed pass over {sys.argv[3]} sources, best of runs:")
print(f"  fresh state:                               wall {f['wall_s']:.3f} s  CPU {f['cpu_s']:.3f} s  peak RSS {f['maxrss_kb']/1024:.1f} MB")
print(f"  + {int(sys.argv[4]):,} items, {int(sys.argv[5]):,} page versions: wall {g['wall_s']:.3f} s  CPU {g['cpu_s']:.3f} s  peak RSS {g['maxrss_kb']/1024:.1f} MB")
print(f"  ratio grown/fresh: wall {g['wall_s']/f['wall_s']:.2f}  CPU {g['cpu_s']/f['cpu_s']:.2f}  (target <= 1.10)")
PY
