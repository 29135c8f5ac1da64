"""``site-lists``, ``inspection add`` and ``problem close`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broker_app.cli.main import main
from tests.conftest import VILLAGE


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_record_a_visit_and_close_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "init-station", "--org", VILLAGE, "--operator", "王经纪") == 0
    assert run(tmp_path, "demo-data", "--workers", "5", "--seed", "2") == 0
    capsys.readouterr()
    assert run(tmp_path, "site-lists", "--json") == 0
    lists = json.loads(capsys.readouterr().out)
    project = lists["projects_not_visited"][0]["id"]
    assert lists["open_problems"] == []
    assert run(tmp_path, "inspection", "add", "--project", project, "--workers", "2",
               "--valid", "3") == 2  # fmt: skip
    assert "多于在场工人" in capsys.readouterr().err
    assert run(tmp_path, "inspection", "add", "--project", project, "--workers", "20",
               "--valid", "18", "--missing", "2", "--problem", "两人未持卡",
               "--problem", "告示牌缺失") == 0  # fmt: skip
    assert "发现问题 2 个" in capsys.readouterr().out
    assert run(tmp_path, "site-lists", "--json") == 0
    lists = json.loads(capsys.readouterr().out)
    assert project not in {p["id"] for p in lists["projects_not_visited"]}
    problems = {p["description"]: p["id"] for p in lists["open_problems"]}
    assert set(problems) == {"两人未持卡", "告示牌缺失"}
    assert run(tmp_path, "problem", "close", problems["两人未持卡"], "--note", "已补发") == 0
    capsys.readouterr()
    assert run(tmp_path, "site-lists") == 0
    out = capsys.readouterr().out
    assert "未整改的问题（1 个）" in out and "告示牌缺失" in out
