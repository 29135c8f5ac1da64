"""``settings show [--json]`` and ``settings set KEY VALUE``: checked like the dialog,
a Chinese message and exit code 2 for a bad value, nothing stored then."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broker_app.cli.main import main
from broker_app.services.settings.storage import load_settings
from broker_app.store.store import open_store
from tests.conftest import VILLAGE


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_show_lists_every_setting_with_its_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE, "--operator", "王经纪")
    capsys.readouterr()
    assert run(tmp_path, "settings", "show") == 0
    out = capsys.readouterr().out
    assert "backup.keep_days = 14\t# 自动备份保留天数" in out
    assert "cards.complaint_phone_national = 12333" in out
    assert f"station.org_code = {VILLAGE}" in out
    assert run(tmp_path, "settings", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["wages"] == {"min_wage": None, "pay_day": None, "welfare_exit_threshold": 2000}
    assert shown["station"]["operator_name"] == "王经纪"
    assert shown["ui"] == {"language": "zh_CN"}


def test_set_stores_a_checked_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE)
    capsys.readouterr()
    assert run(tmp_path, "settings", "set", "cards.complaint_phone_hrss", "0537 5219999") == 0
    assert "已保存：cards.complaint_phone_hrss = 0537-5219999" in capsys.readouterr().out
    assert run(tmp_path, "settings", "set", "wages.min_wage", "2010") == 0
    assert run(tmp_path, "settings", "set", "ui.language", "en") == 0
    assert run(tmp_path, "settings", "set", "wages.min_wage", "") == 0  # cleared
    store = open_store(tmp_path)
    try:
        settings = load_settings(store)
    finally:
        store.close()
    assert settings.cards.complaint_phone_hrss == "0537-5219999"
    assert settings.wages.min_wage is None
    assert settings.ui.language == "en"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("backup.keep_days", "-3", "自动备份保留天数应为1到365之间的整数"),
        ("backup.keep_days", "两周", "不是数字"),
        ("wages.min_wage", "20100", "应在 1000 到 10000 之间"),
        ("sync.server_url", "not a url", "服务器地址不正确"),
        ("cards.complaint_phone_housing", "abc", "住建部门投诉电话含非数字字符"),
        ("station.operator_phone", "1234", "手机号位数不对"),
        ("backup.nothing", "1", "没有这项设置"),
    ],
)
def test_a_bad_value_is_refused_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: str, message: str
) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE)
    capsys.readouterr()
    assert run(tmp_path, "settings", "set", key, value) == 2
    assert message in capsys.readouterr().err
    assert run(tmp_path, "settings", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["backup"]["keep_days"] == 14 and shown["wages"]["min_wage"] is None
