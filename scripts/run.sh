#!/usr/bin/env bash
# One pass over feeds.yml with state in state/: installs missing system packages, builds a release
# binary, runs `civicwatch run`. Extra arguments go to `civicwatch run` (e.g. --json, --force).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
BIN=$(scripts/release-build.sh)
exec "$BIN" run --config feeds.yml --state state "$@"
