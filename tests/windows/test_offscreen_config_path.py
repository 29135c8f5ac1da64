"""The offscreen screen's config file when its path has a colon (issue 19, bug 1).

Qt splits QT_QPA_PLATFORM at every ':'. On Windows the temporary folder is
``C:\\Users\\...\\Temp``, so ``offscreen:configfile=C:\\...\\screen.json`` made Qt look
for a config file named ``C`` and abort: ``--self-test`` and ``screenshot`` crashed
with no message. A temporary folder with a colon in its name does the same here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def run_app(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    temp = tmp_path / "C:"
    temp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "broker_app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )


def test_screenshot_with_a_colon_in_the_temporary_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert (
        run_app(
            tmp_path, "--data-dir", str(data), "init-station", "--org", "370883107200"
        ).returncode
        == 0
    )
    out = tmp_path / "roster.png"
    result = run_app(tmp_path, "--data-dir", str(data), "screenshot", "--page", "roster",
                     "--size", "1366x768", str(out))  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_self_test_with_a_colon_in_the_temporary_folder(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "通过  主窗口" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("自检通过")
