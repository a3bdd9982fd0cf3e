#!/bin/sh
# Times `civicwatch report` in every format over the demo's state grown to N alerts (default 10,000
# over 90 days). Usage: bench/report_speed.sh [BINARY] [N]
set -eu
bin=${1:-.build/release/civicwatch}
n=${2:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" demo --dir "$dir/demo" >/dev/null
python3 "$(dirname "$0")/seed_alerts.py" "$dir/demo/state/civicwatch.sqlite" --alerts "$n"
for f in md html atom json; do
    start=$(date +%s.%N)
    "$bin" report --config "$dir/demo/feeds.yml" --since 90d --format $f --out "$dir/r.$f" 2>/dev/null
    end=$(date +%s.%N)
    printf '%-5s %6.2f s  %8d bytes\n' "$f" "$(echo "$end - $start" | bc)" "$(wc -c < "$dir/r.$f")"
done
