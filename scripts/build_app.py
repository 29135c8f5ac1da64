#!/usr/bin/env python3
"""Build the one-folder desktop app, dist/LaborStation/, and self-test the result.

    python scripts/build_app.py [--distpath DIR] [--workpath DIR]

Run it with the project's virtual environment (after ``python3 dev.py test`` or
``dev.py run`` has set it up, with the ``dev`` extra that brings PyInstaller). Steps:
build the translation catalogues (``.qm``) as dev.py does, run PyInstaller with
pyinstaller.spec, then run the built ``labor-station-cli --self-test``. Exit 0 only
when the build and the self-test both passed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "pyinstaller.spec"
APP_FOLDER = "LaborStation"
CLI_NAME = "labor-station-cli"

sys.path.insert(0, str(ROOT))
import dev  # noqa: E402  (the project root is on the path only from here on)


def cli_executable(dist: Path) -> Path:
    """The console executable inside the built folder."""
    suffix = ".exe" if os.name == "nt" else ""
    return dist / APP_FOLDER / f"{CLI_NAME}{suffix}"


def build(dist: Path, work: Path) -> None:
    dev.build_translations(Path(sys.executable))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def self_test(dist: Path) -> int:
    return subprocess.call([str(cli_executable(dist)), "--self-test"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        build(args.distpath.resolve(), args.workpath.resolve())
    except subprocess.CalledProcessError as exc:
        print(f"[build] PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
        return exc.returncode or 1
    print(f"[build] built {args.distpath / APP_FOLDER} in {time.monotonic() - started:.0f} s")
    code = self_test(args.distpath.resolve())
    if code != 0:
        print(f"[build] the built app failed its self-test (exit {code})", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
