# Shared helpers for bench/run.sh and bench/check.sh (sourced, not run).
# Expects BENCH (the bench/ folder) and ROOT (the repo root) to be set.

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 2; }

PY=${PYTHON:-python3}

# Install the Debian packages a build/run needs, only those missing, only as root.
ensure_debs() {
    local missing=() p
    command -v dpkg >/dev/null 2>&1 || return 0
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        log "missing Debian packages: ${missing[*]} (not root: install them yourself)"
        return 0
    fi
    log "apt-get install -y ${missing[*]}"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

# Sets BIN to the civicwatch binary: $CIVICWATCH_BIN, or a release build of this checkout.
# CIVICWATCH_SCRATCH=DIR builds with --scratch-path DIR instead of .build.
# SKIP_BUILD=1 uses the existing release binary without building.
resolve_bin() {
    if [ -n "${CIVICWATCH_BIN:-}" ]; then
        BIN=$CIVICWATCH_BIN
        [ -x "$BIN" ] || die "CIVICWATCH_BIN=$BIN is not an executable"
        return 0
    fi
    local scratch=()
    [ -n "${CIVICWATCH_SCRATCH:-}" ] && scratch=(--scratch-path "$CIVICWATCH_SCRATCH")
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        ensure_debs libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config
        command -v swift >/dev/null 2>&1 || die "swift not found on PATH (or set CIVICWATCH_BIN)"
        log "building: scripts/release-build.sh ${scratch[*]}"
        BIN=$("$ROOT/scripts/release-build.sh" "${scratch[@]}") || die "swift build failed"
    else
        BIN="$(cd "$ROOT" && swift build -c release "${scratch[@]}" --show-bin-path)/civicwatch"
    fi
    [ -x "$BIN" ] || die "no binary at $BIN"
}

# Creates $OUT_BASE/venv with urlwatch 2.29 and the libraries its filters need.
ensure_urlwatch() {
    local venv=$1
    if [ -x "$venv/bin/urlwatch" ] && "$venv/bin/urlwatch" --version 2>/dev/null | grep -q '2\.29'; then
        return 0
    fi
    if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        ensure_debs python3-venv
    fi
    log "creating $venv with urlwatch==2.29 lxml cssselect html2text"
    "$PY" -m venv "$venv" || { ensure_debs python3-venv; "$PY" -m venv --clear "$venv"; } || die "python3 -m venv failed"
    "$venv/bin/pip" install -q --disable-pip-version-check urlwatch==2.29 lxml cssselect html2text >&2 \
        || die "pip install urlwatch failed"
}

# The webchanges release the benchmark is pinned to (the maintained urlwatch fork).
WEBCHANGES_VERSION=3.37.0

# Creates $OUT_BASE/venv-webchanges with webchanges $WEBCHANGES_VERSION and the libraries its
# xpath/css/html2text filters use (all of them are also webchanges's own requirements; listed
# so that the venv does not depend on that staying true). No extras: no browser, no bs4.
ensure_webchanges() {
    local venv=$1
    if [ -x "$venv/bin/webchanges" ] \
        && "$venv/bin/webchanges" --version 2>/dev/null | grep -q "^webchanges ${WEBCHANGES_VERSION//./\\.}\$"; then
        return 0
    fi
    if ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        ensure_debs python3-venv
    fi
    log "creating $venv with webchanges==$WEBCHANGES_VERSION lxml cssselect html2text"
    "$PY" -m venv --clear "$venv" || { ensure_debs python3-venv; "$PY" -m venv --clear "$venv"; } || die "python3 -m venv failed"
    "$venv/bin/pip" install -q --disable-pip-version-check "webchanges==$WEBCHANGES_VERSION" lxml cssselect html2text >&2 \
        || die "pip install webchanges failed"
}

# start_server DIR PORT DELAY_MS LOGFILE -> sets SERVER_PID and PORT
start_server() {
    local dir=$1 port=$2 delay=$3 logf=$4 i
    mkdir -p "$dir"
    "$PY" -u "$BENCH/webserve.py" "$dir" --port "$port" --delay-ms "$delay" >"$logf" 2>&1 &
    SERVER_PID=$!
    for i in $(seq 1 300); do
        if grep -q '^ready ' "$logf" 2>/dev/null; then
            PORT=$(awk '/^ready /{print $2; exit}' "$logf")
            log "webserve pid $SERVER_PID listening on 127.0.0.1-16:$PORT"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$logf" >&2; die "webserve exited"; }
        sleep 0.1
    done
    die "webserve did not become ready"
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}

# server_stats: prints the server's counters as JSON and zeroes them
server_stats() {
    "$PY" -c 'import sys,urllib.request; print(urllib.request.urlopen("http://127.0.0.1:%s/__stats?reset=1" % sys.argv[1], timeout=120).read().decode())' "$PORT"
}

# reset_web PRISTINE WEB: make WEB an exact copy (bytes and mtimes) of PRISTINE
reset_web() {
    rm -rf "$2.tmp" && cp -a "$1" "$2.tmp" && rm -rf "$2" && mv "$2.tmp" "$2"
}

# For scripts whose only option is the web's size: sets N from `--n N` (default 900).
size_argument() {
    N=900
    while [ $# -gt 0 ]; do
        case $1 in
            --n) N=$2; shift 2 ;;
            *) die "unknown argument $1" ;;
        esac
    done
}

# serve_fresh_web OUT N -> empties OUT, serves OUT/web on the loopback addresses (stopped on exit)
# and generates N sources there; sets WEB and STATE (OUT/state, not created).
serve_fresh_web() {
    local out=$1 n=$2
    rm -rf "$out" && mkdir -p "$out"
    WEB=$out/web STATE=$out/state
    trap 'stop_server' EXIT
    start_server "$WEB" 0 0 "$out/webserve.log"
    "$PY" "$BENCH/webgen.py" gen "$WEB" --n "$n" --port "$PORT" >/dev/null
}
