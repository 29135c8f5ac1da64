"""Issue 16, item 9: on a 1366x768 screen (1366x728 above the Windows taskbar), at
100%, 125% and 150% scaling, the main window opens maximised, every page and every
dialog fits the screen, nothing is squeezed below what its text needs, and the
settings show all seven sections. Each scaling runs in a process of its own
(``tests.ui.fit_review``), because Qt fixes the screen and the scaling at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from broker_app.services.demo.data import DemoDataService
from broker_app.services.settings.station import StationService
from broker_app.store.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ["本驿站", "同步", "维权卡", "工资", "语言", "备份与恢复", "隐私与安全"]


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A village with some of every record, so lists and dialogs show real rows."""
    data = tmp_path_factory.mktemp("small_screen")
    store = open_store(data)
    try:
        StationService(store).configure("370883107218", operator_name="王秀兰")
        DemoDataService(store).generate(60, seed=7)
    finally:
        store.close()
    return data


def review(data: Path, scale: str) -> dict[str, object]:
    # The review is of the Chinese interface, whatever language an earlier test chose.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
        "LABOR_STATION_LANG": "zh_CN",
    }
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.fit_review", str(data), "1366x728"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_page_and_dialog_fits_a_1366x768_screen(demo_station: Path, scale: str) -> None:
    report = review(demo_station, scale)
    assert report["scale"] == float(scale)
    assert report["maximised"] is True
    results = report["results"]
    assert isinstance(results, dict)
    pages = [key for key in results if key.startswith("page:")]
    assert len(pages) == 8
    assert len(results) - len(pages) > 20  # every dialog, and the settings' sections
    problems = {key: value["problems"] for key, value in results.items()
                if isinstance(value, dict) and value["problems"]}  # fmt: skip
    assert problems == {}
    assert results["settings_sections"] == SECTIONS
