#!/usr/bin/env bash
# Build the Windows installer LaborStation-Setup-<version>.exe on Linux with NSIS.
#
#     bash scripts/windows/build_installer.sh DIST_FOLDER OUT_FOLDER [VERSION]
#
# DIST_FOLDER is the Windows one-folder build (dist/LaborStation, made under Wine by
# check.sh or on Windows by scripts/build_app.py). VERSION defaults to the app's own
# (broker_app/version.py). Needs makensis (Debian package nsis). Prints the file made.
# NSIS_COMPRESSOR=zlib makes it several times faster and some 30 % bigger (default LZMA).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIST=$(cd "$1" && pwd)
mkdir -p "$2"
OUT=$(cd "$2" && pwd)
VERSION=${3:-$(sed -n 's/^VERSION = "\(.*\)"$/\1/p' "$ROOT/broker_app/version.py")}
[ -n "$VERSION" ] || { echo "no VERSION in broker_app/version.py" >&2; exit 1; }
[ -f "$DIST/LaborStation.exe" ] || { echo "$DIST has no LaborStation.exe" >&2; exit 1; }
SETUP=$OUT/LaborStation-Setup-$VERSION.exe
makensis -V2 -DCOMPRESSOR="${NSIS_COMPRESSOR:-/SOLID lzma}" -DVERSION="$VERSION" -DDIST="$DIST" -DICON="$ROOT/resources/icons/labor-station.ico" \
    -DOUTFILE="$SETUP" "$HERE/installer.nsi" >&2
echo "$SETUP"
