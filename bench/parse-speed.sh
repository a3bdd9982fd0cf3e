#!/usr/bin/env bash
# Issue 3 point 7: parsing a 20 MB RSS file takes no more than twice `xmllint --noout`.
# Generates bench/out/big20.xml (if missing), then times the best of N runs of each:
#   xmllint --noout FILE
#   civicwatch parse FILE --json > /dev/null          (release build)
# Usage: bench/parse-speed.sh [runs]   (CIVICWATCH_BIN=... to use another binary, SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mkdir -p bench/out
file=bench/out/big20.xml
[ -f "$file" ] || python3 bench/gen-big-rss.py "$file" >/dev/null
bin=${CIVICWATCH_BIN:-.build/release/civicwatch}
if [ -z "${CIVICWATCH_BIN:-}" ] && [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product civicwatch --static-swift-stdlib >/dev/null; fi

best() { # best wall time in seconds of "$@" over $runs runs
  local b=999 t s e
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc); if (( $(echo "$t < $b" | bc) )); then b=$t; fi
  done
  printf '%.3f' "$b"
}
size=$(stat -c %s "$file")
x=$(best xmllint --noout "$file")
c=$(best "$bin" parse "$file" --json)
items=$("$bin" parse "$file" --json | grep -c '"guid\|"id" :' || true)
printf 'file: %s (%.1f MB, %s items)\nxmllint --noout: %s s\ncivicwatch parse --json: %s s\nratio: %.2f (limit 2.00)\n' \
  "$file" "$(echo "$size / 1000000" | bc -l)" "$items" "$x" "$c" "$(echo "$c / $x" | bc -l)"
