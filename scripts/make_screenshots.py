#!/usr/bin/env python3
"""Make the screenshots of the documentation, docs/screenshots/*.png, in one command.

    .venv/bin/python scripts/make_screenshots.py [--out DIR] [--size 1280x800] [--no-small]

Steps: a throw-away station in a temporary folder (``init-station`` for a village of
邹城市, then ``demo-data`` with a few hundred made-up workers), then the
``screenshot`` subcommand once per page and dialog, offscreen, then each PNG
reduced to 256 colours so it stays small. Nothing is read from or written to the
broker's own data folder.

Then the same pictures on a small screen, to review that nothing is cut off: a
maximised window on a 1366x768 screen, whose client area is 1366x700 once the Windows
taskbar and the title bar are taken off, into ``1366x768/``; and the same screen at
150% scaling (``QT_SCALE_FACTOR=1.5``, taskbar and title bar 1.5 times as tall: 1366x664
pixels), into ``1366x768-150/``.

Text is drawn with the bundled font only (resources/fonts, through a fontconfig file
of its own), so the pictures come out the same on every Linux machine, whatever CJK
fonts it has. Run it again after any change to what a page shows.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
DEFAULT_OUT = ROOT / "docs" / "screenshots"

#: 太平一村 of 太平镇: a village station, the most common kind.
VILLAGE = "370883107218"
OPERATOR = ("王秀兰", "13905371234")
WORKERS = 300
SEED = 7


@dataclass(frozen=True)
class Screen:
    folder: str  # under the output folder; "" for the documentation's own pictures
    size: str
    scale: str | None = None


#: The small-screen review sets (see the module's docstring).
SMALL_SCREENS = (
    Screen("1366x768", "1366x700"),
    Screen("1366x768-150", "1366x664", "1.5"),
)


@dataclass(frozen=True)
class Shot:
    name: str
    page: str
    dialog: str | None = None
    #: Taken before the station is set up (the first start).
    fresh: bool = False


SHOTS = (
    Shot("first-run", "roster", "first-run", fresh=True),
    Shot("roster", "roster"),
    Shot("worker-editor", "roster", "editor"),
    Shot("import", "roster", "import"),
    Shot("jobs", "jobs"),
    Shot("matches", "matches"),
    Shot("dispatch", "dispatch"),
    Shot("cards", "cards"),
    Shot("sync", "sync"),
    Shot("stats", "stats"),
    Shot("settings", "roster", "settings"),
)

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def environment(scratch: Path, scale: str | None = None) -> dict[str, str]:
    """Offscreen, Chinese, 100% scaling (or ``scale``), the bundled font and nothing else."""
    config = scratch / "fonts.conf"
    config.write_text(FONTCONFIG.format(fonts=FONTS, cache=scratch / "fontcache"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(config),
        "LABOR_STATION_LANG": "zh_CN",
    }
    for name in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "LABOR_STATION_DATA_DIR"):
        env.pop(name, None)
    if scale is not None:
        env["QT_SCALE_FACTOR"] = scale
    return env


def app(env: dict[str, str], data: Path, *args: str) -> None:
    """One subcommand of the app on ``data``; stops the script if it fails."""
    command = [sys.executable, "-m", "broker_app", "--data-dir", str(data), *args]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed (exit {result.returncode}): {' '.join(args)}")
    print(f"  {result.stdout.strip()}", flush=True)


def shrink(raw: Path, out: Path) -> int:
    """``raw`` as a PNG of its 256 most used colours at the strongest compression;
    returns the new file's size."""
    from PySide6.QtGui import QImage, QImageWriter

    image = QImage(str(raw)).convertToFormat(QImage.Format.Format_RGB32)
    if image.isNull():
        raise SystemExit(f"cannot read {raw}")
    # A window has a few hundred colours at most, nearly all of them shades of text
    # edges; its most used 256 keep every fill exact (a fixed palette would shift the
    # chart colours), and Qt maps each other pixel to the nearest of them.
    counts = Counter(array("I", bytes(image.constBits())))
    table = [colour | 0xFF000000 for colour, _ in counts.most_common(256)]
    small = image.convertToFormat(QImage.Format.Format_Indexed8, table)
    writer = QImageWriter(str(out), b"png")
    writer.setQuality(0)  # for PNG: the strongest zlib compression
    if not writer.write(small):
        raise SystemExit(f"cannot write {out}: {writer.errorString()}")
    return out.stat().st_size


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder of the PNGs")
    parser.add_argument("--size", default="1280x800", help="pixels, WIDTHxHEIGHT")
    parser.add_argument(
        "--no-small", action="store_true", help="skip the 1366x768 and 150%% review sets"
    )
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    screens = [Screen("", args.size)] + ([] if args.no_small else list(SMALL_SCREENS))
    with tempfile.TemporaryDirectory(prefix="labor-station-shots-") as tmp:
        scratch = Path(tmp)
        env = environment(scratch)
        fresh, station = scratch / "fresh", scratch / "station"
        print(f"station: {VILLAGE} with {WORKERS} demo workers", flush=True)
        operator, phone = OPERATOR
        app(env, station, "init-station", "--org", VILLAGE, "--operator", operator,
            "--phone", phone)  # fmt: skip
        app(env, station, "demo-data", "--workers", str(WORKERS), "--seed", str(SEED))
        for screen in screens:
            folder = out / screen.folder
            folder.mkdir(parents=True, exist_ok=True)
            shot_env = environment(scratch, screen.scale)
            for shot in SHOTS:
                raw = scratch / "raw" / screen.folder / f"{shot.name}.png"
                command = ["screenshot", "--page", shot.page, "--size", screen.size, str(raw)]
                if shot.dialog:
                    command[1:1] = ["--dialog", shot.dialog]
                app(shot_env, fresh if shot.fresh else station, *command)
                size = shrink(raw, folder / f"{shot.name}.png")
                print(f"  -> {folder / f'{shot.name}.png'} ({size // 1024} KB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
