"""The match state machine and what it writes into a worker's record."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.matching.status import (
    TRANSITIONS,
    check_transition,
    departure,
    employment_mode_for,
    history_entry,
    next_statuses,
    placement,
    status_date,
)

S = MatchStatus


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.RECOMMENDED, S.CONTACTED),
        (S.CONTACTED, S.INTERVIEW),
        (S.INTERVIEW, S.HIRED),
        (S.HIRED, S.ON_DUTY),
        (S.ON_DUTY, S.LEFT),
        (S.RECOMMENDED, S.REJECTED),
        (S.CONTACTED, S.REJECTED),
        (S.INTERVIEW, S.REJECTED),
        (S.CONTACTED, S.ON_DUTY),  # a 零工 goes to work after one call
    ],
)
def test_allowed_moves(source: MatchStatus, target: MatchStatus) -> None:
    assert check_transition(source.value, target.label) is target


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        (S.HIRED, S.REJECTED, "“录用”的匹配不能再改为“未录用”"),
        (S.INTERVIEW, S.LEFT, "只有“已上岗”的匹配才能改为“离岗”（当前为“面试”）"),
        (S.ON_DUTY, S.CONTACTED, "匹配状态不能从“已上岗”退回到“已联系”"),
        (S.LEFT, S.ON_DUTY, "匹配已是“离岗”，不能再改为“已上岗”"),
        (S.REJECTED, S.CONTACTED, "匹配已是“未录用”，不能再改为“已联系”"),
        (S.CONTACTED, S.CONTACTED, "匹配已是“已联系”"),
    ],
)
def test_refused_moves_say_why_in_chinese(
    source: MatchStatus, target: MatchStatus, message: str
) -> None:
    with pytest.raises(FieldError) as info:
        check_transition(source.value, target.value)
    assert info.value.message == message


def test_rejected_only_from_early_steps_and_left_only_from_on_duty() -> None:
    into_rejected = {s for s, targets in TRANSITIONS.items() if S.REJECTED in targets}
    into_left = {s for s, targets in TRANSITIONS.items() if S.LEFT in targets}
    assert into_rejected == {S.RECOMMENDED, S.CONTACTED, S.INTERVIEW}
    assert into_left == {S.ON_DUTY}
    assert next_statuses("left") == [] and next_statuses("rejected") == []
    assert next_statuses("hired") == [S.ON_DUTY]


def test_history_dates_in_order_and_not_in_future() -> None:
    today = date(2025, 6, 1)
    history = [{"status": "recommended", "date": "2025-05-20", "note": ""}]
    entry = history_entry(history, S.CONTACTED, date(2025, 5, 21), " 电话联系 ", today)
    assert entry == {"status": "contacted", "date": "2025-05-21", "note": "电话联系"}
    with pytest.raises(FieldError, match="不能早于上一步"):
        history_entry(history, S.CONTACTED, date(2025, 5, 19), "", today)
    with pytest.raises(FieldError, match="不能晚于今天"):
        history_entry(history, S.CONTACTED, date(2025, 6, 2), "", today)
    assert status_date([*history, entry], "contacted") == date(2025, 5, 21)


def test_placement_follows_the_job_kind() -> None:
    job = {"kind": "public_welfare", "place_tier": "in_county", "employer_name": "某村委"}
    values = placement(job, "太平镇", date(2025, 5, 1))
    assert values == {
        "employment_status": "employed",
        "employment_mode": "public_welfare_post",
        "employer": "某村委",
        "work_place": "太平镇",
        "place_tier": "in_county",
        "job_start": date(2025, 5, 1),
        "job_end": None,
    }
    gig = placement({**job, "kind": "gig"}, "", date(2025, 5, 1))
    assert gig["employment_status"] == "flexible" and gig["employment_mode"] == "flexible"
    assert employment_mode_for("full_time", "in_county") == "local_industry"
    assert employment_mode_for("full_time", "out_of_province") == "organised_export"
    assert departure(date(2025, 6, 1))["employment_status"] == "unemployed"
