"""``backup --daily``: once a day, with the station's retention."""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_app import paths
from broker_app.cli.main import main
from tests.conftest import VILLAGE


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_backup_daily_runs_once_a_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE)
    capsys.readouterr()
    assert run(tmp_path, "backup", "--daily") == 0
    assert "已备份到" in capsys.readouterr().out
    assert run(tmp_path, "backup", "--daily") == 0
    assert "今天已有自动备份" in capsys.readouterr().out
    assert len(list(paths.backups_dir(tmp_path).glob("*-daily.sqlite3"))) == 1
