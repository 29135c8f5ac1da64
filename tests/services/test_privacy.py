"""The masking rule, the PIN hash, the audit log and the CLI's --full and audit-log."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from broker_app.cli.main import main
from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.privacy import (
    ASSISTANCE_MARK,
    HIDDEN,
    Personal,
    group_names,
    shown,
    shown_reasons,
)
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.audit import AuditService
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings import pin_lock
from broker_app.services.settings.pin_lock import PinLockService, hash_pin, pin_matches, retry_delay
from broker_app.store.store import Store
from tests.conftest import valid_id, worker_input

NUMBER = valid_id("19800101", "123")
SHORT = {
    PriorityGroup.POVERTY_ALLEVIATED: "脱贫",
    PriorityGroup.MONITORED: "监测",
    PriorityGroup.LOW_INCOME: "低收入",
    PriorityGroup.DISABLED: "残疾",
    PriorityGroup.OLDER: "大龄",
}


def test_the_one_masking_rule() -> None:
    assert shown(Personal.ID_NUMBER, NUMBER) == NUMBER[:6] + "********" + NUMBER[-4:]
    assert shown(Personal.ID_NUMBER, NUMBER, full=True) == NUMBER
    assert shown(Personal.PHONE, "13812345678") == "138****5678"
    assert shown(Personal.PHONE, "0537-5212345") == "053****2345"
    assert shown(Personal.PHONE, "12333") == "12333"  # a public service number
    assert shown(Personal.ID_NUMBER, None) == shown(Personal.PHONE, "") == ""
    # A category cell hides even whether there is a category.
    assert shown(Personal.ASSISTANCE, "是") == shown(Personal.ASSISTANCE, "") == HIDDEN
    assert shown(Personal.ASSISTANCE, "边缘易致贫户", full=True) == "边缘易致贫户"


def test_groups_fold_into_one_mark_and_older_stays() -> None:
    groups = [
        PriorityGroup.POVERTY_ALLEVIATED,
        PriorityGroup.MONITORED,
        PriorityGroup.DISABLED,
        PriorityGroup.OLDER,
    ]
    assert group_names(groups, SHORT) == [ASSISTANCE_MARK, "大龄"]
    assert group_names(groups, SHORT, full=True) == ["脱贫", "监测", "残疾", "大龄"]
    assert group_names([PriorityGroup.OLDER], SHORT) == ["大龄"]
    assert group_names([], SHORT) == []


def test_match_reasons_do_not_name_the_category() -> None:
    reasons = ["工种对口：焊工", "脱贫人口优先", "农村残疾人优先", "公益性岗位安置对象：脱贫人口"]
    assert shown_reasons(reasons) == ["工种对口：焊工", "重点帮扶对象优先", "公益性岗位安置对象"]
    assert shown_reasons(reasons, full=True) == reasons


def test_search_still_finds_people_by_the_full_values(store: Store) -> None:
    service = WorkerService(store)
    service.register(worker_input(id_number=NUMBER, phone="13912348765"))
    for text in (NUMBER, NUMBER[-4:], "8765", "13912348765"):
        assert len(service.search_keys(RosterFilter(text=text), RosterSort())) == 1, text


def test_pin_is_stored_as_a_salted_hash(store: Store) -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # salted
    # Only the scheme, its parameters, a random salt and the digest (random hex may
    # hold the digits of the PIN by chance: about one hash in 400 does).
    assert re.fullmatch(r"scrypt\$\d+\$\d+\$\d+\$[0-9a-f]{32}\$[0-9a-f]{128}", first)
    assert pin_matches("2468", first) and not pin_matches("2469", first)
    assert not pin_matches("2468", "garbage")
    service = PinLockService(store)
    assert not service.settings().enabled and not service.verify("")
    service.set_pin("2468")
    service.set_idle_minutes(7)
    assert service.settings() == pin_lock.LockSettings(True, 7)
    assert service.verify("2468") and not service.verify("1234")
    with pytest.raises(ValueError, match="只能是数字"):
        service.set_pin("12ab")
    with pytest.raises(ValueError, match="4 到 12 位"):
        service.set_pin("12")
    service.clear_pin()
    assert not service.settings().enabled and not service.verify("2468")


def test_wrong_pins_wait_longer_and_longer() -> None:
    assert [retry_delay(n) for n in range(1, 8)] == [0, 0, 5, 10, 20, 40, 80]
    assert retry_delay(30) == pin_lock.MAX_DELAY_SECONDS


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_cli_roster_export_full_flag_and_audit_log(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    WorkerService(store).register(worker_input(id_number=NUMBER, phone="13812345678"))
    store.close()
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    assert run(data_dir, "export-roster", str(masked)) == 0
    assert run(data_dir, "export-roster", str(full), "--full") == 0

    def first_row(path: Path) -> dict[str, object]:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        return dict(zip(map(str, rows[0]), rows[1], strict=True))

    assert first_row(masked)["身份证号"] == NUMBER[:6] + "********" + NUMBER[-4:]
    assert first_row(masked)["联系电话"] == "138****5678"
    assert (first_row(full)["身份证号"], first_row(full)["联系电话"]) == (NUMBER, "13812345678")
    capsys.readouterr()

    assert run(data_dir, "list", "workers", "--json") == 0  # every field: audited too
    capsys.readouterr()
    assert run(data_dir, "audit-log", "--json") == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["subject"], e["target"], e["rows"], e["full"]) for e in entries] == [
        ("劳动力列表", "list workers --json", 1, True),
        ("花名册", str(full), 1, True),
        ("花名册", str(masked), 1, False),
    ]
    assert {e["operator"] for e in entries} == {"测试经纪人"}
    assert {e["channel"] for e in entries} == {"命令行"}
    assert NUMBER not in json.dumps(entries) and "13812345678" not in json.dumps(entries)

    assert run(data_dir, "audit-log") == 0
    text = capsys.readouterr().out
    assert "测试经纪人\t导出\t花名册\t完整\t1 人" in text and "共 3 条" in text


def test_audit_entries_are_newest_first(store: Store) -> None:
    audit = AuditService(store)
    audit.record_export("花名册", "a.xlsx", 3, full=False)
    audit.record_reveal("w1")
    assert [e.target for e in audit.entries()] == ["w1", "a.xlsx"]
    assert [e.target for e in audit.entries(limit=1)] == ["w1"]
    assert audit.count() == 2
