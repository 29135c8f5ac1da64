"""``screenshot``: a PNG of the right size, and a clear refusal for unfinished pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from broker_app.store.store import Store
from tests.ui.conftest import register


def run_cli(data_dir: Path, *args: str, scale: str = "1") -> subprocess.CompletedProcess[str]:
    # A process of its own: the command sets up the offscreen screen before Qt starts.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    return subprocess.run(
        [sys.executable, "-m", "broker_app", "--data-dir", str(data_dir), "screenshot", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(("size", "scale"), [("1366x768", "1"), ("1024x600", "1.25")])
def test_the_roster_page_is_written_at_the_size_asked(
    store: Store, data_dir: Path, tmp_path: Path, size: str, scale: str
) -> None:
    register(store)
    store.close()
    out = tmp_path / "roster.png"
    result = run_cli(data_dir, "--page", "roster", "--size", size, str(out), scale=scale)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert f"{image.width()}x{image.height()}" == size
    assert "已保存截图" in result.stdout
