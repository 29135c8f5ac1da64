"""Offscreen pictures with text on a PC without CJK fonts (issue 19, bug 3).

Qt's offscreen platform on Windows finds no system font, so the self-test's window
picture was empty boxes, and the self-test passed because it only checked that a PNG
was written. Here a fontconfig with no font folder gives the same empty font list.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def run_without_system_fonts(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "fonts.conf"
    config.write_text(NO_FONTS.format(cache=tmp_path / "fontcache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )


def test_the_window_draws_chinese_with_no_system_font(tmp_path: Path) -> None:
    result = run_without_system_fonts(
        tmp_path,
        "from broker_app.ui.application import chinese_is_drawn, create_application\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "app = create_application([])\n"
        "print('families', '|'.join(QFontDatabase.families()))\n"
        "print('drawn', chinese_is_drawn(app))\n",
    )
    assert result.returncode == 0, result.stderr
    # The system's CJK font is out of sight: only the bundled font draws Chinese.
    assert "WenQuanYi" not in result.stdout
    assert "Labor Station Sans SC" in result.stdout
    assert "drawn True" in result.stdout


def test_self_test_passes_with_no_system_font(tmp_path: Path) -> None:
    result = run_without_system_fonts(
        tmp_path,
        "import sys\nfrom broker_app.cli.main import main\nsys.exit(main(['--self-test']))",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "中文字形正常" in result.stdout


def test_self_test_fails_when_the_window_shows_empty_boxes(tmp_path: Path) -> None:
    # The bundled font taken away as well: nothing can draw Chinese, the check must say so.
    result = run_without_system_fonts(
        tmp_path,
        "import sys\n"
        "import broker_app.ui.application as application\n"
        "application._bundled_family = lambda: []\n"
        "from broker_app.cli.main import main\n"
        "sys.exit(main(['--self-test']))",
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "失败  主窗口：界面上的中文画不出来" in result.stdout
