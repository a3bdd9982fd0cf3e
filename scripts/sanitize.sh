#!/usr/bin/env bash
# The test suite under a sanitizer: scripts/sanitize.sh address|thread [swift test arguments]
#
# Builds into its own scratch path (.build-asan / .build-tsan, so .build is untouched) and runs
# every test; the civicwatch binary the tests start is built with the same sanitizer, so each
# pass a test runs is checked too. A first build takes 10-15 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-}
case $kind in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "usage: $0 address|thread [swift test arguments]" >&2; exit 2 ;;
esac
shift
source scripts/setup.sh --tests
swift build --build-tests --sanitize="$kind" --scratch-path "$scratch"
swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" "$@"
