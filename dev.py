#!/usr/bin/env python3
"""Set up and run 劳务驿站 from a fresh checkout, with nothing but Python 3.11+.

    python3 dev.py run  [APP ARGS...]    set everything up, then open the app
    python3 dev.py test [PYTEST ARGS...] set everything up, then run the whole test suite
    python3 dev.py setup                 set everything up, nothing more (CI, before
                                         it runs the tests and the Windows check at once)

Setting up means: on Debian/Ubuntu run as root, install the system libraries Qt
needs and a CJK font with apt-get (only the missing ones); create ``.venv`` and
install the project with its extras into it (again only when pyproject.toml
changed); build the translation catalogues (``.qm``, from the ``.ts`` kept under
resources/translations) when a ``.ts`` is newer. Standard library only, so it runs
before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".setup-stamp"
TRANSLATIONS = ROOT / "resources" / "translations"

# Debian packages: the libraries the Qt xcb/offscreen platforms load, and a CJK font
# so Chinese is not drawn as boxes.
SYSTEM_PACKAGES = (
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "fonts-wqy-microhei",
    "poppler-utils",  # pdftoppm: tests rasterise the card PDFs and decode every QR
    # Tests print every workbook to PDF as a clerk would (tests/excel/test_paper.py);
    # Carlito has Calibri's metrics, the workbooks' font in Excel and WPS.
    "libreoffice-calc-nogui",
    "fonts-crosextra-carlito",
    "postgresql-client",  # pg_dump/pg_restore: the channel server's restore drill test
    # The card service's end-to-end test: a real headless browser (selenium drives it
    # through /usr/bin/chromedriver; nothing is downloaded at run time).
    "chromium",
    "chromium-driver",
)


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def missing_system_packages() -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in SYSTEM_PACKAGES:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def install_system_packages() -> None:
    missing = missing_system_packages()
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        say("missing system packages (install them as root): " + " ".join(missing))
        return
    say("installing system packages: " + " ".join(missing))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def setup_venv() -> Path:
    python = venv_python()
    if not python.exists():
        say(f"creating virtual environment {VENV.name}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("installing the project and its dependencies")
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        subprocess.run([*pip, "install", "-e", f"{ROOT}[server,dev]"], check=True)
        STAMP.write_text(wanted)
    return python


def build_translations(python: Path) -> None:
    """``.qm`` beside each ``.ts`` that is newer than it (built, never committed)."""
    folder = python.parent
    lrelease = next(
        (p for p in (folder / "pyside6-lrelease", folder / "pyside6-lrelease.exe") if p.exists()),
        None,
    )
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        if lrelease is None:
            say("pyside6-lrelease missing: the interface stays Chinese")
            return
        say(f"building {target.relative_to(ROOT)}")
        subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(target)], check=True)


def run_app(python: Path, args: list[str]) -> int:
    return subprocess.call([str(python), "-m", "broker_app", *args], cwd=ROOT)


def parallel_args(args: list[str]) -> list[str]:
    """pytest-xdist on every core, unless the caller chose the workers (``-n 0`` runs in
    one process) or switched xdist off. Which tests go together to one worker is
    tests/xdist_scheduling.py's choice."""
    chosen = any(
        arg in ("-n", "--numprocesses", "no:xdist") or arg.startswith(("-n", "--numprocesses="))
        for arg in args
    )
    return [] if chosen else ["-n", "auto"]


# lint-imports through the venv's Python, so it needs no script on PATH (Windows too).
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def run_tests(python: Path, args: list[str]) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    steps = [
        ("ruff", [str(python), "-m", "ruff", "check", "."]),
        ("ruff format", [str(python), "-m", "ruff", "format", "--check", "."]),
        ("mypy", [str(python), "-m", "mypy"]),
        # the layers of shared/DESIGN.md, as contracts in pyproject.toml
        ("lint-imports", [str(python), "-c", LINT_IMPORTS]),
        ("pytest", [str(python), "-m", "pytest", *parallel_args(args), *args]),
    ]
    started = time.monotonic()
    for name, command in steps:
        say(f"{name}: {' '.join(command[2:])}")
        began = time.monotonic()
        code = subprocess.call(command, cwd=ROOT, env=env)
        if code != 0:
            say(f"{name} failed (exit {code})")
            return code
        say(f"{name} passed in {time.monotonic() - began:.0f} s")
    # The suite's own time, set-up excluded: what the suite's speed is judged by.
    say(f"all checks passed in {time.monotonic() - started:.0f} s")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "setup"):
        print(__doc__)
        return 2
    install_system_packages()
    python = setup_venv()
    build_translations(python)
    if argv[0] == "setup":
        return 0
    if argv[0] == "run":
        return run_app(python, argv[1:])
    return run_tests(python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
