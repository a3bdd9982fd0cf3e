#!/usr/bin/env bash
# The test suite: installs missing system packages, then runs every test target (unit, end-to-end
# against real loopback servers, and the parser conformance suite over ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --tests
swift build --build-tests
swift test --skip-build "$@"
