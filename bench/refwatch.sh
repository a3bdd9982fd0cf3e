#!/usr/bin/env bash
# Runs refwatch.py with the venv that has lxml and PyYAML (see refwatch.py).
D=$(cd "$(dirname "$0")" && pwd)
exec "$D/out/venv/bin/python" "$D/refwatch.py" "$@"
