#!/usr/bin/env bash
# Installs what CivicWatch needs to build and test on Debian (run as root, or with sudo available).
# Quiet and quick when everything is already there.
set -euo pipefail

need=()
for pkg in libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config python3 ca-certificates; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ "${1:-}" = "--tests" ]; then
    for pkg in python3-venv libxml2-utils; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
    done
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "setup: installing ${need[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        [ -x "$d/swift" ] && export PATH="$d:$PATH"
    done
fi
command -v swift >/dev/null 2>&1 || { echo "setup: Swift 6 is required (swift not found on PATH)" >&2; exit 2; }

if [ "${1:-}" = "--tests" ]; then
    # The SMTP tests talk to a real server (aiosmtpd) from a venv kept under .build/, so the system
    # Python stays untouched; nothing is downloaded once it is there.
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    venv="$root/.build/test-venv"
    if ! "$venv/bin/python3" -c "import aiosmtpd" >/dev/null 2>&1; then
        echo "setup: creating $venv with aiosmtpd" >&2
        mkdir -p "$root/.build"
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q --disable-pip-version-check aiosmtpd
    fi
fi
