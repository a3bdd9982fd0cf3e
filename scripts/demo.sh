#!/usr/bin/env bash
# The offline demo on a fresh machine: installs missing system packages, builds a release binary,
# runs `civicwatch demo` (sample sources on 127.0.0.1, no network needed). Extra arguments go to
# `civicwatch demo` (e.g. --dir /tmp/cw-demo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
BIN=$(scripts/release-build.sh)
exec "$BIN" demo "$@"
