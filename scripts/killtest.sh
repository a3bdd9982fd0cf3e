#!/usr/bin/env bash
# The long crash-safety run: N passes (default 200) killed with SIGKILL at random moments, with
# sources that change every pass and webhook receivers that refuse or hang at random. After each
# pass: PRAGMA integrity_check is ok and no alert was sent under two idempotency keys; at the end,
# every alert was accepted. The same test runs 40 passes in the normal suite.
#   scripts/killtest.sh [PASSES]
set -euo pipefail
cd "$(dirname "$0")/.."
passes=${1:-200}
swift build --build-tests >&2
CIVICWATCH_KILLTEST_PASSES=$passes swift test --skip-build \
  --filter 'HostileTests.CrashSafetyTests/testRandomKillsWithChangingSourcesAndAFlakySink' 2>&1 \
  | grep -E 'kill harness:|error|failed|passed|Executed' 
