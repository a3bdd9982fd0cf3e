#!/usr/bin/env bash
# Builds the release binary the way every script runs it (scripts/run.sh, scripts/demo.sh, bench/)
# and prints its path on stdout. Build output goes to stderr. Extra arguments go to `swift build`
# (e.g. --scratch-path DIR).
#
# Why these flags (docs/performance.md, "Binary layout"):
#   --static-swift-stdlib       the Swift runtime linked in: less memory and a faster start
#   -function-sections (Swift and C) and lld's --symbol-ordering-file with scripts/hot-symbols.txt:
#                               the functions a pass runs sit together, so the kernel maps ~6 MB of
#                               code instead of ~13 MB scattered over a 20 MB text
#   -z pack-relative-relocs     2 MB of relocation records become 18 KB (DT_RELR, glibc >= 2.36)
#   --no-export-dynamic         the toolchain's default exports every symbol of the executable;
#                               nothing looks them up, and the table cost 1 MB of memory
# Without ld.lld next to swift the binary is built with the toolchain's defaults, and says so.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
flags=(-c release --product civicwatch --static-swift-stdlib)
# lld ships beside swift in the toolchain; swift on the PATH may be a symlink to it.
if [ -x "$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld" ]; then
    flags+=(-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
            -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic
            -Xlinker "--symbol-ordering-file=$ROOT/scripts/hot-symbols.txt" -Xlinker --no-warn-symbol-ordering)
else
    echo "release-build: no ld.lld beside swift; building with the default linker (more memory per pass)" >&2
fi
swift build "${flags[@]}" "$@" >&2
echo "$(swift build -c release "$@" --show-bin-path)/civicwatch"
