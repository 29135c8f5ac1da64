"""Site inspections (项目检查) and problems found (发现问题): the checks on what a
broker records after a visit, and the two lists (双清单) the city's plan asks for:
projects nobody visited this month, and problems not yet rectified.

Each project is visited at least once a month by whoever is responsible for it
(包保). A visit records the workers on site and their rights cards as found: valid,
missing (a worker without a card) and invalid (revoked, expired, forged). Pure: the
day is always a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any, Final

from broker_app.domain.arrears.report import InvalidClue
from broker_app.domain.common import coerce
from broker_app.domain.common.errors import FieldError

INSPECTOR_MAX: Final = 64
TEXT_MAX: Final = 2_000
#: More workers than this on one site is a typing mistake.
WORKERS_MAX: Final = 100_000
CARD_COUNTS: Final = ("cards_valid", "cards_missing", "cards_invalid")


class InvalidInspection(InvalidClue):
    """The inspection's or the problem's input breaks one or more rules."""


def clean_inspection(raw: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The stored form of one visit (no project: the caller checks it)."""
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    try:
        day = coerce.day(raw.get("inspected_on"), "inspected_on", "检查日期") or today
        if day > today:
            raise FieldError("inspected_on", "检查日期不能晚于今天", "inspection in the future")
        values["inspected_on"] = day
    except FieldError as err:
        errors.append(err)
    values["inspector"] = _text(raw, "inspector", "检查人", INSPECTOR_MAX, errors)
    values["notes"] = _text(raw, "notes", "检查情况", TEXT_MAX, errors)
    labels = {
        "workers_on_site": "在场工人数",
        "cards_valid": "维权卡有效",
        "cards_missing": "未持卡",
        "cards_invalid": "卡无效",
    }
    for name, label in labels.items():
        try:
            values[name] = coerce.whole_number(raw.get(name), name, label, maximum=WORKERS_MAX)
        except FieldError as err:
            errors.append(err)
    on_site = values.get("workers_on_site")
    checked = sum(values.get(name) or 0 for name in CARD_COUNTS)
    if on_site is not None and checked > on_site:
        errors.append(
            FieldError(
                "workers_on_site",
                f"查验的卡（{checked}）多于在场工人（{on_site}）",
                f"{checked} cards checked, {on_site} workers on site",
                reason="order",
            )
        )
    if errors:
        raise InvalidInspection(errors)
    return values


def clean_problem(raw: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The stored form of one problem found (description required; the deadline, if
    given, not before the day it was found)."""
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    values["description"] = _text(raw, "description", "问题描述", TEXT_MAX, errors)
    if not values["description"]:
        errors.append(
            FieldError("description", "请填写发现的问题", "description required", reason="required")
        )
    try:
        found = coerce.day(raw.get("found_on"), "found_on", "发现日期") or today
        if found > today:
            raise FieldError("found_on", "发现日期不能晚于今天", "found_on in the future")
        values["found_on"] = found
        deadline = coerce.day(raw.get("deadline"), "deadline", "整改期限")
        if deadline is not None and deadline < found:
            raise FieldError("deadline", "整改期限早于发现日期", "deadline before found_on")
        values["deadline"] = deadline
    except FieldError as err:
        errors.append(err)
    if errors:
        raise InvalidInspection(errors)
    return values


def clean_closing(raw: Any) -> str:
    """The note a problem is closed with (required: what was rectified)."""
    errors: list[FieldError] = []
    note = _text({"closing_note": raw}, "closing_note", "整改情况", TEXT_MAX, errors)
    if not note:
        errors.append(
            FieldError("closing_note", "请填写整改情况", "closing note required", reason="required")
        )
    if errors:
        raise InvalidInspection(errors)
    return note


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of ``day``'s month."""
    first = day.replace(day=1)
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    return first, following - timedelta(days=1)


def not_visited(
    project_ids: Iterable[str], visits: Iterable[tuple[str, date]], day: date
) -> list[str]:
    """The projects (in the given order) with no visit in ``day``'s month."""
    first, last = month_of(day)
    visited = {pid for pid, on in visits if first <= on <= last}
    return [pid for pid in project_ids if pid not in visited]


def problem_overdue(deadline: date | None, closed_on: date | None, day: date) -> bool:
    """An open problem whose rectification deadline has passed by ``day``."""
    return closed_on is None and deadline is not None and day > deadline


def _text(
    raw: Mapping[str, Any], name: str, label: str, limit: int, errors: list[FieldError]
) -> str:
    text = coerce.text(raw.get(name))
    if len(text) > limit:
        errors.append(
            FieldError(
                name,
                f"{label}太长（最多{limit}个字，实为{len(text)}个）",
                f"{name}: {len(text)} characters, at most {limit}",
                reason="length",
            )
        )
    return text
