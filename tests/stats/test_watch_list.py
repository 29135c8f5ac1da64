"""帮扶预警: who is on the list and why, the rules, the filters, and the workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.common.errors import FieldError
from broker_app.services.assistance.watch_export import export_watch_list
from broker_app.services.assistance.watch_list import (
    RULES_SETTING,
    WatchReason,
    WatchRules,
    load_rules,
    save_rules,
    watch_list,
)
from broker_app.store.repositories.station import put_setting
from broker_app.store.store import Store
from tests.dispatch.builders import read_sheets
from tests.stats.builders import TODAY

U, J, F = WatchReason.UNEMPLOYED, WatchReason.JOB_ENDED, WatchReason.NO_FOLLOW_UP


def reasons_by_worker(
    store: Store, ids: dict[str, str], **kwargs: object
) -> dict[str, tuple[WatchReason, ...]]:
    names = {worker_id: key for key, worker_id in ids.items()}
    rules = kwargs.pop("rules", WatchRules())
    listed = watch_list(store, rules, today=kwargs.pop("today", TODAY), **kwargs)  # type: ignore[arg-type]
    return {names[e.worker_id]: e.reasons for e in listed.entries}


def test_who_is_on_the_list_and_why(store: Store, ids: dict[str, str]) -> None:
    assert reasons_by_worker(store, ids) == {
        "w6": (U, J, F),  # 脱贫, 未就业, left 甲公司 10 days ago, never followed up
        "w1": (F,),  # 脱贫, working, last follow-up 109 days ago
        "w2": (U,),  # 监测对象, followed up 47 days ago
        "w3": (F,),  # 大龄, working, never followed up
        "w11": (U, F),  # 65 today: still 大龄
        "w5": (F,),  # 残疾, last follow-up 91 days ago
    }
    # Not listed: w4 (followed up exactly 90 days ago), w7 (无劳动能力), w8 (no group),
    # w9 (archived), w10 (working, job ended 78 days ago, followed up recently).


def test_each_row_says_why_in_chinese(store: Store, ids: dict[str, str]) -> None:
    listed = watch_list(store, WatchRules(), today=TODAY)
    entries = {e.worker_id: e for e in listed.entries}
    assert entries[ids["w6"]].why == "未就业；10天前离岗（2025-03-10，甲公司）；从未跟踪服务"
    assert entries[ids["w1"]].why == "109天未跟踪服务（上次2024-12-01）"
    assert entries[ids["w2"]].why == "未就业"
    six = entries[ids["w6"]]
    assert six.groups == (PriorityGroup.POVERTY_ALLEVIATED,) and six.group_text == "脱贫户"
    assert six.place == "太平镇 / 中陶城村"
    assert entries[ids["w11"]].group_text == "大龄"
    assert (listed.count(U), listed.count(J), listed.count(F)) == (3, 1, 5)


def test_first_priority_and_most_reasons_come_first(store: Store, ids: dict[str, str]) -> None:
    order = list(reasons_by_worker(store, ids))
    assert order[0] == "w6"
    assert set(order[:3]) == {"w6", "w1", "w2"}  # 脱贫人口（含监测对象） first
    assert order[3] == "w11"  # then two reasons before one


def test_the_rules_are_configurable(store: Store, ids: dict[str, str]) -> None:
    rules = WatchRules(job_end_days=5, follow_up_days=120)
    assert reasons_by_worker(store, ids, rules=rules) == {
        "w6": (U, F),  # left 10 days ago: beyond 5
        "w2": (U,),
        "w3": (F,),
        "w11": (U, F),
    }
    assert load_rules(store) == WatchRules(30, 90)  # the defaults until saved
    save_rules(store, rules)
    assert load_rules(store) == rules
    with pytest.raises(FieldError):
        save_rules(store, WatchRules(0, 90))
    with store.write() as session:
        put_setting(session, RULES_SETTING, '{"job_end_days": "x", "follow_up_days": 60}')
    assert load_rules(store) == WatchRules(30, 60)


def test_a_later_day_changes_the_ages_and_the_days(store: Store, ids: dict[str, str]) -> None:
    later = reasons_by_worker(store, ids, today=date(2025, 4, 2))
    assert "w11" not in later  # 66 on 1 April
    assert later["w6"] == (U, J, F)  # 23 days after the job ended
    assert later["w4"] == (F,)  # now more than 90 days since the follow-up


def test_filters_by_reason_and_group(store: Store, ids: dict[str, str]) -> None:
    assert reasons_by_worker(store, ids, reason=J) == {"w6": (U, J, F)}
    assert reasons_by_worker(store, ids, reason=U).keys() == {"w6", "w2", "w11"}
    low = frozenset({PriorityGroup.LOW_INCOME, PriorityGroup.DISABLED})
    assert reasons_by_worker(store, ids, groups=low) == {"w5": (F,)}


def test_the_workbook_masks_id_numbers_unless_asked(
    store: Store, ids: dict[str, str], tmp_path: Path
) -> None:
    masked = export_watch_list(store, tmp_path / "masked.xlsx", WatchRules(), today=TODAY)
    assert masked.people == 6
    rows = read_sheets(masked.path)["帮扶预警"]
    assert rows[0][0] == "重点群体帮扶预警名单"
    assert "30天内离岗" in rows[1][0] and "超过90天未跟踪服务" in rows[1][0]
    header = rows[2]
    first = dict(zip(header, rows[3], strict=True))
    assert first["姓名"] == "测试庚"  # w6
    assert first["身份证号"].count("*") == 8
    assert first["人员类别"] in ("重点帮扶", "重点帮扶、大龄", "大龄")
    assert all(
        "脱贫" not in row[header.index("人员类别")] for row in rows[3:-1]
    )  # the category is not written unless asked
    assert first["预警原因"] == "未就业；10天前离岗（2025-03-10，甲公司）；从未跟踪服务"
    assert first["原务工单位"] == "甲公司"
    assert rows[-1][0] == "合计" and rows[-1][header.index("姓名")] == "共 6 人"
    assert first["紧急程度"] == "紧急"  # a job lost 10 days ago, never followed up
    assert "建议本周先处理前 6 人" in rows[1][0]
    full = export_watch_list(
        store, tmp_path / "full.xlsx", WatchRules(), reason=J, full=True, today=TODAY
    )
    rows = read_sheets(full.path)["帮扶预警"]
    assert full.people == 1 and "仅列：近期离岗" in rows[1][0]
    assert "*" not in rows[3][3] and len(rows[3][3]) == 18


def test_the_list_is_ranked_and_says_what_fits_in_a_week(store: Store, ids: dict[str, str]) -> None:
    listed = watch_list(store, WatchRules(weekly_capacity=3), today=TODAY)
    scores = [e.score for e in listed.entries]
    assert scores == sorted(scores, reverse=True)
    names = {worker_id: key for key, worker_id in ids.items()}
    # A job lost 10 days ago beats unemployment (w2), which beats a missed follow-up (w1).
    assert [names[e.worker_id] for e in listed.entries[:3]] == ["w6", "w2", "w1"]
    assert [names[e.worker_id] for e in listed.this_week] == ["w6", "w2", "w1"]
    assert listed.entries[0].urgency.label == "紧急" and listed.entries[0].why
    save_rules(store, WatchRules(weekly_capacity=3))
    assert load_rules(store).weekly_capacity == 3
