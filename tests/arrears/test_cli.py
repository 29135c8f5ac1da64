"""``clues`` and ``clue add|accept|close|reject``: the broker's steps from the command
line, with the reasons for refusals in Chinese and the phone masked in listings."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from broker_app.cli.main import main
from tests.conftest import VILLAGE


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_register_list_accept_close_and_reject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "init-station", "--org", VILLAGE, "--operator", "王经纪") == 0
    capsys.readouterr()
    early = (date.today() - timedelta(days=9)).isoformat()
    assert run(tmp_path, "clue", "add", "--phone", "13812345678", "--name", "孟庆云",
               "--amount", "9000", "--date", early) == 0  # fmt: skip
    first = capsys.readouterr().out.strip().split("：")[1]
    assert run(tmp_path, "clue", "add", "--phone", "0537-5212345", "--source", "visit") == 0
    second = capsys.readouterr().out.strip().split("：")[1]
    assert run(tmp_path, "clues") == 0
    out = capsys.readouterr().out
    assert "138****5678" in out and "13812345678" not in out
    assert "【已超期】" in out and "共 2 条，其中 1 条已超期" in out
    assert run(tmp_path, "clues", "--show", "overdue", "--json") == 0
    (overdue,) = json.loads(capsys.readouterr().out)
    assert overdue["id"] == first and overdue["amount_owed"] == 9000
    assert overdue["reporter_phone"] == "138****5678"

    assert run(tmp_path, "clue", "close", first, "--note", "已补发") == 2
    assert "不能改为“已办结”" in capsys.readouterr().err
    assert run(tmp_path, "clue", "accept", first) == 0
    assert run(tmp_path, "clue", "close", first, "--note", "施工方已补发") == 0
    assert run(tmp_path, "clue", "reject", second, "--reason", "  ") == 2
    assert "请填写不予受理的理由" in capsys.readouterr().err
    assert run(tmp_path, "clue", "reject", second, "--reason", "非工程建设领域") == 0
    capsys.readouterr()
    assert run(tmp_path, "clues") == 0
    assert "没有欠薪线索" in capsys.readouterr().out
    assert run(tmp_path, "clues", "--show", "all", "--json") == 0
    statuses = {c["id"]: c["status"] for c in json.loads(capsys.readouterr().out)}
    assert statuses == {first: "closed", second: "rejected"}


def test_a_clue_without_a_phone_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "init-station", "--org", VILLAGE) == 0
    assert run(tmp_path, "clue", "add", "--phone", "12345") == 2
    assert "电话" in capsys.readouterr().err
