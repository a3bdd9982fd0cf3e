#!/usr/bin/env bash
# Runs one libFuzzer target for a given time, seeded from ../shared/corpus (nothing copied into git).
#   fuzz/run.sh feed|html|date|config SECONDS [extra libFuzzer flags…]
# Builds fuzz/Package.swift (outside the main package graph) with -sanitize=fuzzer,address.
# New inputs go to fuzz/.work/TARGET/corpus, crashes to fuzz/.work/TARGET/ (both ignored by git);
# the last lines of libFuzzer's log (executions, coverage, crashes) are printed at the end.
# An input slower than FUZZ_TIMEOUT seconds (default 60: ASan + coverage in a debug build on a busy
# 2-core machine is 20-50x slower than a normal run) counts as a hang.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${1:?usage: fuzz/run.sh feed|html|date|config SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
corpus=${CIVICWATCH_CORPUS:-$here/../../shared/corpus}
[ -d "$corpus" ] || corpus=/work/shared/corpus
case $target in
  feed) product=FuzzFeed ;;
  html) product=FuzzHTML ;;
  date) product=FuzzDate ;;
  config) product=FuzzConfig ;;
  *) echo "unknown target $target (feed, html, date, config)" >&2; exit 2 ;;
esac
work=$here/.work/$target
mkdir -p "$work/corpus" "$work/seeds"

# The flags go on the command line so every module (Parsing, Config, Yams…) gets coverage
# instrumentation, not only the small fuzz target.
flags=(-Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xcc -fsanitize=fuzzer-no-link -Xcc -fsanitize=address)
# SwiftPM does not notice changed -X flags: a stamp of them forces a clean build when they change.
stamp=$here/.build/fuzz-flags
if [ "$(cat "$stamp" 2>/dev/null)" != "${flags[*]}" ]; then rm -rf "$here/.build/x86_64-unknown-linux-gnu"; mkdir -p "$here/.build"; echo "${flags[*]}" > "$stamp"; fi
nice -n 19 swift build --package-path "$here" --scratch-path "$here/.build" --product "$product" "${flags[@]}" >&2
bin=$(swift build --package-path "$here" --scratch-path "$here/.build" --show-bin-path "${flags[@]}")/$product

# Seeds: the corpus folders as they are for feeds and pages; dates and configs are cut out of them.
seeds=()
case $target in
  feed) seeds=("$corpus/feedparser" "$corpus/feed-rs" "$corpus/feedvalidator" "$corpus/rust-syndication-rss"
               "$corpus/rust-syndication-atom" "$corpus/feedkit" "$corpus/miniflux") ;;
  html) seeds=("$corpus/chardet" "$corpus/feedvalidator/feedfinder-tests" "$corpus/miniflux") ;;
  date)
    if [ -z "$(ls -A "$work/seeds")" ]; then
      grep -rhoE '<(pubDate|dc:date|updated|published|lastBuildDate|issued|modified|created)>[^<]{1,80}<' "$corpus" 2>/dev/null \
        | sed -E 's/^<[^>]+>//; s/<$//' | sort -u | head -3000 | split -l 1 - "$work/seeds/d" || true
      printf '2026年3月5日' > "$work/seeds/zh1"; printf '2026-03-05 08:00' > "$work/seeds/zh2"; printf '[2026-03-05]' > "$work/seeds/zh3"
    fi
    seeds=("$work/seeds") ;;
  config)
    if [ -z "$(ls -A "$work/seeds")" ]; then
      cp "$here/../feeds.yml" "$work/seeds/feeds.yml"
      n=0
      for f in "$here"/../docs/*.md; do
        awk '/^```yaml/{on=1; n++; next} /^```/{on=0} on{print > (out "-" n ".yml")}' out="$work/seeds/$(basename "$f" .md)" "$f"
      done
    fi
    seeds=("$work/seeds") ;;
esac

log=$work/fuzz-$(date -u +%Y%m%dT%H%M%S).log
echo "fuzzing $product for $seconds s; log $log" >&2
set +e
nice -n 19 "$bin" "$work/corpus" "${seeds[@]}" -max_total_time="$seconds" -max_len=65536 -timeout="${FUZZ_TIMEOUT:-60}" \
  -rss_limit_mb=2048 -artifact_prefix="$work/" -print_final_stats=1 "$@" >"$log" 2>&1
status=$?
set -e
grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss|cov:|SUMMARY|ERROR|crash-|timeout-|oom-' "$log" | tail -8
echo "exit status $status ($([ $status -eq 0 ] && echo 'no crash' || echo 'see log'))"
exit $status
