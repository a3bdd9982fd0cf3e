#!/usr/bin/env bash
# Issue 3 point 7: parsing a 20 MB RSS file should take no more than twice `xmllint --noout`.
# Generates bench/out/big20.xml (30,033 mixed Chinese/English items, escaped HTML descriptions)
# if missing, builds the release binary, then reports the best of N runs (wall and CPU = user+sys)
# of:
#   xmllint --noout FILE
#   civicwatch parse FILE --stats         (parse only: decode, libxml2 tree, every item's fields)
#   civicwatch parse FILE --json          (parse and print every item as JSON to /dev/null)
# and, when valgrind is installed, the instruction counts (stable on a busy machine).
# Usage: bench/parse-speed.sh [runs]   (CIVICWATCH_BIN=... to use another binary, SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
mkdir -p bench/out
file=bench/out/big20.xml
[ -f "$file" ] || python3 bench/gen-big-rss.py "$file" >/dev/null
bin=${CIVICWATCH_BIN:-.build/release/civicwatch}
if [ -z "${CIVICWATCH_BIN:-}" ] && [ -z "${SKIP_BUILD:-}" ]; then bin=$(scripts/release-build.sh); fi

best() { # prints "wall cpu" (seconds), each the minimum over $runs runs of "$@"
  local bw=999 bc=999 line w c
  for _ in $(seq "$runs"); do
    /usr/bin/time -o bench/out/time.txt -f "%e %U %S" "$@" >/dev/null 2>&1
    line=$(tail -1 bench/out/time.txt)
    w=$(echo "$line" | cut -d' ' -f1); c=$(echo "$line" | awk '{print $2 + $3}')
    (( $(echo "$w < $bw" | bc) )) && bw=$w
    (( $(echo "$c < $bc" | bc) )) && bc=$c
  done
  echo "$bw $bc"
}
instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $4); print $4}'; }

printf 'file: %s, %.1f MB; %s\n' "$file" "$(echo "$(stat -c %s "$file") / 1000000" | bc -l)" "$("$bin" parse "$file" --stats)"
read -r xw xc < <(best xmllint --noout "$file")
read -r sw sc < <(best "$bin" parse "$file" --stats)
read -r jw jc < <(best "$bin" parse "$file" --json)
printf '%-34s %8s %8s %8s\n' "best of $runs" "wall s" "cpu s" "cpu ×"
printf '%-34s %8s %8s %8s\n' "xmllint --noout" "$xw" "$xc" "1.00"
printf '%-34s %8s %8s %8.2f\n' "civicwatch parse --stats" "$sw" "$sc" "$(echo "$sc / $xc" | bc -l)"
printf '%-34s %8s %8s %8.2f\n' "civicwatch parse --json >/dev/null" "$jw" "$jc" "$(echo "$jc / $xc" | bc -l)"
if command -v valgrind >/dev/null; then
  # valgrind 3.19 cannot read Swift 6's DWARF 5: count a copy without debug info.
  strip --strip-debug -o bench/out/civicwatch-nodebug "$bin"
  xi=$(instr xmllint --noout "$file"); si=$(instr bench/out/civicwatch-nodebug parse "$file" --stats)
  printf 'instructions: xmllint %s, civicwatch --stats %s (%.2f×)\n' "$xi" "$si" "$(echo "$si / $xi" | bc -l)"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
