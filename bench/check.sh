#!/usr/bin/env bash
# End-to-end correctness check of civicwatch against a generated loopback web.
#
#   bench/check.sh [--n 900] [--small] [--port 0] [--delay-ms 0] [--fraction 0.1]
#                  [--seed 2] [--strict-titles] [--keep-going] [--out DIR]
#
# Pass 1 (fresh state) must print no alert, pass 2 (nothing changed) no alert, and pass 3
# (after `webgen.py mutate`) exactly the alerts in expected.json, each once.
# Exit status 0 = all three passes correct, 1 = a mismatch, 2 = the harness itself failed.
# CIVICWATCH_BIN=path skips the build; CIVICWATCH_SCRATCH=dir builds with --scratch-path.
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"

N=900 PORT_ARG=0 DELAY=0 FRACTION=0.1 MSEED=2 STRICT=() KEEP=0 OUT= TIMEOUT=600
while [ $# -gt 0 ]; do
    case $1 in
        --n) N=$2; shift 2 ;;
        --small) N=90; shift ;;
        --port) PORT_ARG=$2; shift 2 ;;
        --delay-ms) DELAY=$2; shift 2 ;;
        --fraction) FRACTION=$2; shift 2 ;;
        --seed) MSEED=$2; shift 2 ;;
        --strict-titles) STRICT=(--strict-titles); shift ;;
        --keep-going) KEEP=1; shift ;;
        --timeout) TIMEOUT=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
OUT=${OUT:-$BENCH/out/check-$N}

resolve_bin
log "civicwatch: $BIN"
rm -rf "$OUT" && mkdir -p "$OUT"
WEB=$OUT/web STATE=$OUT/state
trap 'stop_server' EXIT
start_server "$WEB" "$PORT_ARG" "$DELAY" "$OUT/webserve.log"
"$PY" "$BENCH/webgen.py" gen "$WEB" --n "$N" --port "$PORT"

FAILED=0
pass() {  # pass K
    local k=$1
    "$PY" "$BENCH/measure.py" --timeout "$TIMEOUT" --label "pass $k" \
        --stdout "$OUT/pass$k.jsonl" --stderr "$OUT/pass$k.stderr" -- \
        "$BIN" run --config "$WEB/feeds.yml" --state "$STATE" --json --force >"$OUT/pass$k.measure.json"
    local rc stats
    rc=$("$PY" -c 'import json,sys; m=json.load(open(sys.argv[1])); print("timeout" if m["timed_out"] else m["rc"])' "$OUT/pass$k.measure.json")
    stats=$(server_stats)
    log "pass $k: $(cat "$OUT/pass$k.measure.json")"
    log "pass $k: server $stats"
    log "pass $k: stderr tail: $(tail -n 2 "$OUT/pass$k.stderr" | tr '\n' ' ' | cut -c1-300)"
    if [ "$rc" != 0 ]; then
        echo "pass $k: FAIL — civicwatch exited with status $rc (stderr: $OUT/pass$k.stderr)"
        FAILED=1
    fi
}
verdict() {
    if ! "$PY" "$BENCH/checkalerts.py" "$@"; then FAILED=1; fi
    if [ $FAILED = 1 ] && [ $KEEP = 0 ]; then
        echo "check: FAIL (details in $OUT)"; exit 1
    fi
}

server_stats >/dev/null
pass 1; verdict none "$OUT/pass1.jsonl" --label "pass 1 (baseline)"
pass 2; verdict none "$OUT/pass2.jsonl" --label "pass 2 (unchanged)"
"$PY" "$BENCH/webgen.py" mutate "$WEB" --fraction "$FRACTION" --seed "$MSEED"
pass 3; verdict match "$OUT/pass3.jsonl" "$WEB/expected.json" --label "pass 3 (${FRACTION} changed)" "${STRICT[@]}"

if [ $FAILED = 0 ]; then
    echo "check: PASS — $N sources, 3 passes (files in $OUT)"
else
    echo "check: FAIL (details in $OUT)"; exit 1
fi
