"""Batch validation, the status machine and what a journey writes into a worker's record."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.dispatch.employment import arrival_changes, departure_changes
from broker_app.domain.dispatch.query import BatchFilter
from broker_app.domain.dispatch.rules import clean_batch, default_batch_name
from broker_app.domain.dispatch.status import (
    check_batch_transition,
    check_members_editable,
    next_batch_statuses,
)


def test_clean_batch_normalises_and_derives() -> None:
    out = clean_batch(
        {
            "employer": "  江苏苏州精密电子有限公司 ",
            "destination": "江苏苏州工业园区",
            "departure_date": "2025/3/18",
            "leader_phone": "138 1234 5678",
        }
    )
    assert out.ok, out.errors
    values = out.values
    assert values["employer"] == "江苏苏州精密电子有限公司"
    assert values["place_tier"] == "out_of_province"  # from the destination
    assert values["departure_date"] == date(2025, 3, 18)
    assert values["leader_phone"] == "13812345678"
    assert values["name"] == "2025-03-18 江苏苏州精密电子有限公司"
    assert values["notes"] == "" and values["transport"] == ""


def test_clean_batch_reasons() -> None:
    out = clean_batch(
        {"employer": "", "destination": "某地", "departure_date": "明天", "leader_phone": "123"}
    )
    assert {e.field for e in out.errors} == {
        "employer",
        "departure_date",
        "leader_phone",
        "place_tier",
    }
    assert clean_batch({"employer": "甲公司", "place_tier": "未就业"}).errors[0].reason == "choice"
    typed = clean_batch({"employer": "甲公司", "place_tier": "县外省内", "destination": "某地"})
    assert typed.ok and typed.values["place_tier"] == "in_province"


def test_partial_edit_keeps_stored_tier_unless_destination_says_otherwise() -> None:
    current = {"employer": "甲公司", "destination": "某工地", "place_tier": "in_province"}
    same = clean_batch({"destination": "另一工地"}, partial=True, current=current)
    assert same.values == {"destination": "另一工地", "place_tier": "in_province"}
    moved = clean_batch({"destination": "北京市海淀区"}, partial=True, current=current)
    assert moved.values["place_tier"] == "out_of_province"
    notes = clean_batch({"notes": "补充说明"}, partial=True, current=current)
    assert notes.values == {"notes": "补充说明"}


def test_default_name() -> None:
    assert default_batch_name("甲公司", None) == "甲公司"
    assert default_batch_name("甲公司", date(2025, 1, 2)) == "2025-01-02 甲公司"


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        ("preparing", "departed", True),
        ("筹备", "已到岗", False),
        ("preparing", "finished", False),
        ("departed", "arrived", True),
        ("departed", "finished", True),
        ("departed", "preparing", False),
        ("arrived", "finished", True),
        ("arrived", "departed", False),
        ("finished", "arrived", False),
        ("finished", "finished", False),
    ],
)
def test_transitions(source: str, target: str, ok: bool) -> None:
    if ok:
        assert check_batch_transition(source, target).value == target
    else:
        with pytest.raises(FieldError) as err:
            check_batch_transition(source, target)
        assert err.value.reason == "move"


def test_transition_messages_and_next() -> None:
    with pytest.raises(FieldError, match="不能退回"):
        check_batch_transition("departed", "筹备")
    with pytest.raises(FieldError, match="已结束"):
        check_batch_transition("finished", "arrived")
    with pytest.raises(FieldError) as err:
        check_batch_transition("preparing", "飞走")
    assert err.value.reason == "unknown"
    assert next_batch_statuses("departed") == [BatchStatus.ARRIVED, BatchStatus.FINISHED]
    assert next_batch_statuses("finished") == []


def test_members_editable_until_arrival() -> None:
    check_members_editable("preparing")
    check_members_editable("departed")
    for status in ("arrived", "finished"):
        with pytest.raises(FieldError):
            check_members_editable(status)


BATCH = {"employer": "甲公司", "destination": "江苏苏州", "place_tier": "out_of_province"}


def test_departure_marks_mode_only_for_people_on_duty_at_the_employer() -> None:
    working_there = {
        "employment_status": "employed",
        "employer": " 甲公司",
        "employment_mode": None,
    }
    assert departure_changes(working_there, BATCH) == {"employment_mode": "organised_export"}
    already = {**working_there, "employment_mode": "organised_export"}
    assert departure_changes(already, BATCH) == {}
    elsewhere = {"employment_status": "employed", "employer": "乙公司", "employment_mode": "x"}
    assert departure_changes(elsewhere, BATCH) == {}
    idle = {"employment_status": "unemployed", "employer": "甲公司", "employment_mode": None}
    assert departure_changes(idle, BATCH) == {}


def test_arrival_places_everyone_not_yet_working_there() -> None:
    idle = {"employment_status": "unemployed", "employer": "", "employment_mode": None}
    assert arrival_changes(idle, BATCH, date(2025, 3, 19)) == {
        "employment_status": "employed",
        "employment_mode": "organised_export",
        "employer": "甲公司",
        "work_place": "江苏苏州",
        "place_tier": "out_of_province",
        "job_start": date(2025, 3, 19),
        "job_end": None,
    }
    gig = {"employment_status": "flexible", "employer": "甲公司", "employment_mode": "flexible"}
    assert arrival_changes(gig, BATCH, date(2025, 3, 19)) == {"employment_mode": "organised_export"}


def test_batch_filter_refuses_an_empty_range() -> None:
    with pytest.raises(FieldError):
        BatchFilter(date_from=date(2025, 3, 2), date_to=date(2025, 3, 1))
    assert BatchFilter(date_to=date(2025, 3, 1)).has_range
    assert not BatchFilter().has_range
