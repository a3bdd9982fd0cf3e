#!/usr/bin/env bash
# Benchmark: civicwatch vs urlwatch 2.29 and webchanges 3.37.0 on a generated loopback web,
# three passes each.
#
#   bench/run.sh [--n 900] [--delay-ms 0] [--port 0] [--fraction 0.1] [--seed 2] [--rounds 1]
#                [--tools "civicwatch urlwatch webchanges"] [--timeout 900] [--out DIR] [--check]
#
# --rounds R repeats the three passes of every tool R times, the tools taking turns each round
# (fresh state and web every time), and reports medians: this machine's speed drifts by a
# quarter within minutes, so one round's ratios move by ±0.02 or more.
# Passes per tool: 1 baseline (fresh state), 2 nothing changed, 3 after `webgen.py mutate`
# changed round(fraction*N) sources. Each tool starts from a byte-and-mtime identical copy of
# the freshly generated web and mutates it with the same seed, so all tools' third passes
# see exactly the same changes. Prints wall, CPU (user+sys) and peak RSS per pass and the
# civicwatch/urlwatch and civicwatch/webchanges ratios; civicwatch's passes are also checked as
# in check.sh, webchanges's with bench/wcreport.py. Exit 1 when a tool exits non-zero on a
# pass, civicwatch's alerts are wrong or webchanges does not report exactly the changed
# sources (2: harness error).
# --check runs bench/check.sh (correctness only) with the remaining arguments instead.
# CIVICWATCH_BIN=path skips the build; CIVICWATCH_SCRATCH=dir builds with --scratch-path.
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"

if [ "${1:-}" = --check ]; then shift; exec "$BENCH/check.sh" "$@"; fi

N=900 PORT_ARG=0 DELAY=0 FRACTION=0.1 MSEED=2 TOOLS="civicwatch urlwatch webchanges" OUT= TIMEOUT=900 ROUNDS=1
while [ $# -gt 0 ]; do
    case $1 in
        --n) N=$2; shift 2 ;;
        --small) N=90; shift ;;
        --port) PORT_ARG=$2; shift 2 ;;
        --delay-ms) DELAY=$2; shift 2 ;;
        --fraction) FRACTION=$2; shift 2 ;;
        --seed) MSEED=$2; shift 2 ;;
        --tools) TOOLS=$2; shift 2 ;;
        --timeout) TIMEOUT=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --check) shift; exec "$BENCH/check.sh" "$@" ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
OUT=${OUT:-$BENCH/out/run-$N}
VENV=$BENCH/out/venv WCVENV=$BENCH/out/venv-webchanges

case " $TOOLS " in *" civicwatch "*) resolve_bin; log "civicwatch: $BIN" ;; esac
case " $TOOLS " in *" urlwatch "*) ensure_urlwatch "$VENV"; log "urlwatch: $("$VENV/bin/urlwatch" --version)" ;; esac
case " $TOOLS " in *" webchanges "*) ensure_webchanges "$WCVENV"
    log "webchanges: $("$WCVENV/bin/webchanges" --version 2>&1 | grep '^webchanges ')" ;; esac

rm -rf "$OUT" && mkdir -p "$OUT"
PRISTINE=$OUT/pristine WEB=$OUT/web RESULTS=$OUT/results.jsonl
trap 'stop_server' EXIT
start_server "$WEB" "$PORT_ARG" "$DELAY" "$OUT/webserve.log"
log "generating $N sources"
"$PY" "$BENCH/webgen.py" gen "$PRISTINE" --n "$N" --port "$PORT"
: >"$RESULTS"

tool_cmd() {  # tool_cmd TOOL -> sets CMD array
    case $1 in
        civicwatch) CMD=("$BIN" run --config "$WEB/feeds.yml" --state "$OUT/civicwatch-state" --json --force) ;;
        urlwatch) CMD=("$VENV/bin/urlwatch" --urls "$WEB/urls.yaml" --config "$WEB/urlwatch.yaml"
                       --cache "$OUT/urlwatch-cache.db" --hooks "$OUT/no-hooks.py") ;;
        # HOME and XDG_* point into OUT, so webchanges neither reads nor writes the user's own
        # ~/.config/webchanges (config, hooks), ~/.local/share/webchanges or legacy urlwatch files;
        # no --hooks: the default hooks file in that empty config dir is skipped silently
        webchanges) CMD=(env HOME="$OUT/webchanges-home" XDG_CONFIG_HOME="$OUT/webchanges-home/.config"
                         XDG_DATA_HOME="$OUT/webchanges-home/.local/share" XDG_CACHE_HOME="$OUT/webchanges-home/.cache"
                         "$WCVENV/bin/webchanges" --jobs "$WEB/jobs.yaml" --config "$WEB/config.yaml"
                         --database "$OUT/webchanges-snapshots.db") ;;
        *) die "unknown tool $1" ;;
    esac
}

run_pass() {  # run_pass TOOL K
    local tool=$1 k=$2 base=$OUT/$1-pass$2 m stats verdict=null
    tool_cmd "$tool"
    sync; sleep 1  # let the writes of the previous step settle before timing
    server_stats >/dev/null
    m=$("$PY" "$BENCH/measure.py" --timeout "$TIMEOUT" --label "$tool pass $k" \
        --stdout "$base.out" --stderr "$base.err" -- "${CMD[@]}")
    stats=$(server_stats)
    if [ "$tool" = civicwatch ]; then
        if [ "$k" = 3 ]; then
            "$PY" "$BENCH/checkalerts.py" match "$base.out" "$WEB/expected.json" --label "civicwatch pass 3" >"$base.check" || true
        else
            "$PY" "$BENCH/checkalerts.py" none "$base.out" --label "civicwatch pass $k" >"$base.check" || true
        fi
        verdict=$(head -n 1 "$base.check" | "$PY" -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')
    elif [ "$tool" = webchanges ]; then
        # sanity check that its jobs work: nothing reported on passes 1-2, one CHANGED job per
        # source of expected.json on pass 3 (see wcreport.py)
        "$PY" "$BENCH/wcreport.py" check "$k" "$base.out" "$WEB/expected.json" >"$base.check" || true
        verdict=$(head -n 1 "$base.check" | "$PY" -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')
    fi
    "$PY" - "$tool" "$k" "$m" "$stats" "$verdict" "$base.out" "$BENCH" "$ROUND" >>"$RESULTS" <<'EOF'
import json, re, sys
from collections import Counter
tool, k, m, stats, verdict, out, bench, round_ = sys.argv[1:]
sys.path.insert(0, bench)
r = json.loads(m)
r.update(tool=tool, pass_=int(k), server=json.loads(stats), check=json.loads(verdict), round=int(round_))
alerts = Counter()
with open(out, encoding="utf-8", errors="replace") as f:
    for line in f:
        if tool == "civicwatch":
            try:
                alerts[json.loads(line).get("kind", "?")] += 1
            except ValueError:
                alerts["non-json"] += 1
        elif tool == "webchanges":
            pass  # counted below from the per-job headers, which a one-job report also has
        else:
            mm = re.match(r"^\d+\. (CHANGED|NEW|ERROR|UNCHANGED):", line)
            if mm:
                alerts[mm.group(1).lower()] += 1
if tool == "webchanges":
    sys.dont_write_bytecode = True  # no bench/__pycache__
    import wcreport
    alerts = wcreport.count(out)
r["alerts"] = dict(alerts)
r["pass"] = r.pop("pass_")
print(json.dumps(r, ensure_ascii=False))
EOF
    log "$(tail -n 1 "$RESULTS")"
}

for ROUND in $(seq 1 "$ROUNDS"); do
    for tool in $TOOLS; do
        log "=== $tool: fresh copy of the web (round $ROUND of $ROUNDS)"
        reset_web "$PRISTINE" "$WEB"
        rm -rf "$OUT/civicwatch-state" "$OUT/urlwatch-cache.db" "$OUT/webchanges-snapshots.db" "$OUT/webchanges-home"
        run_pass "$tool" 1
        run_pass "$tool" 2
        "$PY" "$BENCH/webgen.py" mutate "$WEB" --fraction "$FRACTION" --seed "$MSEED"
        cp "$WEB/expected.json" "$OUT/$tool-expected.json"
        run_pass "$tool" 3
    done
done

"$PY" "$BENCH/report.py" "$RESULTS" --n "$N" --delay-ms "$DELAY" | tee "$OUT/report.md"

# exit 1 when a tool failed a pass or civicwatch's alerts (webchanges's changed jobs) were
# wrong: the numbers are then not a fair comparison
"$PY" - "$RESULTS" <<'EOF2'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
bad = [r for r in rows if r["rc"] != 0 or r.get("timed_out") or " FAIL" in (r.get("check") or "")]
sys.exit(1 if bad else 0)
EOF2
