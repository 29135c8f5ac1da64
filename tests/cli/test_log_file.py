"""The station's log file: one per process at a time, in the data folder's log folder."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from broker_app.cli.main import main
from broker_app.logs import LOG_FILE


def station_log_files() -> list[str]:
    return [
        str(getattr(handler, "baseFilename", ""))
        for handler in logging.getLogger().handlers
        if str(getattr(handler, "baseFilename", "")).endswith(LOG_FILE)
    ]


@pytest.fixture
def no_station_log() -> Iterator[None]:
    """Leave the process's logging as the test found it."""
    before = list(logging.getLogger().handlers)
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_each_station_logs_to_its_own_folder_only(
    tmp_path: Path, no_station_log: None, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "一号驿站", tmp_path / "二号驿站"
    assert main(["--data-dir", str(first), "init-station", "--org", "370883107200"]) == 0
    assert main(["--data-dir", str(second), "init-station", "--org", "370883107201"]) == 0
    capsys.readouterr()

    logs = station_log_files()
    assert len(logs) == 1 and Path(logs[0]).is_relative_to(second)
    first_log = next(first.rglob(LOG_FILE)).read_text(encoding="utf-8")
    second_log = next(second.rglob(LOG_FILE)).read_text(encoding="utf-8")
    assert "370883107200" in first_log and "370883107201" not in first_log
    assert "370883107201" in second_log and "370883107200" not in second_log
