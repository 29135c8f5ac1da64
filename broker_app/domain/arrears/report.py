"""What a broker types for a clue taken by phone or at the station, and the steps a
clue may take: the checks, with a Chinese reason for each refusal.

A worker's report needs only a phone to call back; name, amount, months owed, a
description and the project are welcome but optional (a worker on the phone often
knows the site but not the project's registered name).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from broker_app.domain.arrears.clues import ClueSource, ClueStatus
from broker_app.domain.common import coerce
from broker_app.domain.common.errors import FieldError, InvalidInput, UserError
from broker_app.domain.common.phone import normalize_phone

#: Longest texts, as ``sync.record_fields`` carries them.
NAME_MAX: Final = 64
DESCRIPTION_MAX: Final = 2_000
NOTE_MAX: Final = 500
#: A worker owed more than this (yuan) or for longer (months) has mistyped.
AMOUNT_MAX: Final = 100_000_000
MONTHS_MAX: Final = 600
#: Sources a broker registers in the app (card-page clues arrive by sync).
BROKER_SOURCES: Final = (ClueSource.PHONE, ClueSource.VISIT)


class InvalidClue(InvalidInput):
    """The clue's input breaks one or more rules; ``errors`` says which."""


class ClueStepRefused(UserError):
    """A step the clue's status does not allow (closing a clue not yet accepted)."""


def clean_report(raw: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The stored form of a phone or visit report (no project or unit: the caller
    checks the project against the station's), or InvalidClue."""
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    source = raw.get("source") or ClueSource.PHONE.value
    if source not in {s.value for s in BROKER_SOURCES}:
        errors.append(
            FieldError("source", "来源应为电话或来访", f"source {source!r}", reason="choice")
        )
    values["source"] = source
    phone = coerce.text(raw.get("reporter_phone"))
    if not phone:
        errors.append(
            FieldError("reporter_phone", "请填写反映人的电话", "phone required", reason="required")
        )
    else:
        try:
            values["reporter_phone"] = normalize_phone(phone, allow_service=False)
        except FieldError as err:
            errors.append(
                FieldError("reporter_phone", err.message, err.message_en, reason=err.reason)
            )
    name = coerce.text(raw.get("reporter_name"))
    values["reporter_name"] = name or None
    _length(errors, "reporter_name", "姓名", name, NAME_MAX)
    description = coerce.text(raw.get("description"))
    values["description"] = description
    _length(errors, "description", "情况描述", description, DESCRIPTION_MAX)
    try:
        values["amount_owed"] = coerce.whole_number(
            raw.get("amount_owed"), "amount_owed", "欠薪金额（元）", maximum=AMOUNT_MAX
        )
    except FieldError as err:
        errors.append(err)
    try:
        values["months_owed"] = coerce.whole_number(
            raw.get("months_owed"), "months_owed", "欠薪月数", maximum=MONTHS_MAX
        )
    except FieldError as err:
        errors.append(err)
    try:
        received = coerce.day(raw.get("received_on"), "received_on", "反映日期") or today
        if received > today:
            raise FieldError("received_on", "反映日期不能晚于今天", "received_on in the future")
        values["received_on"] = received
    except FieldError as err:
        errors.append(err)
    if errors:
        raise InvalidClue(errors)
    return values


def clean_text(raw: Any, field: str, label: str, *, required: bool) -> str:
    """A note or a reason: trimmed, at most ``NOTE_MAX`` characters."""
    text = coerce.text(raw)
    errors: list[FieldError] = []
    if required and not text:
        errors.append(FieldError(field, f"请填写{label}", f"{field} required", reason="required"))
    _length(errors, field, label, text, NOTE_MAX)
    if errors:
        raise InvalidClue(errors)
    return text


def check_step(status: str, wanted: ClueStatus) -> None:
    """Refuse a step the clue's status does not allow: 已接收 -> 已受理 or 不予受理,
    已受理 -> 已办结; a finished clue stays finished."""
    allowed = {
        ClueStatus.ACCEPTED: {ClueStatus.RECEIVED.value},
        ClueStatus.REJECTED: {ClueStatus.RECEIVED.value},
        ClueStatus.CLOSED: {ClueStatus.ACCEPTED.value},
    }[wanted]
    if status in allowed:
        return
    member = ClueStatus.from_value(status)
    current = member.label if member is not None else status
    raise ClueStepRefused(
        f"这条线索现在是“{current}”，不能改为“{wanted.label}”",
        f"clue is {status}, cannot become {wanted.value}",
    )


def _length(errors: list[FieldError], field: str, label: str, text: str, limit: int) -> None:
    if len(text) > limit:
        errors.append(
            FieldError(
                field,
                f"{label}太长（最多{limit}个字，实为{len(text)}个）",
                f"{field}: {len(text)} characters, at most {limit}",
                reason="length",
            )
        )
