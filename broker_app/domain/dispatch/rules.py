"""What makes a 劳务输出批次 acceptable: one validator for the editor and the command
line. Takes loosely typed input (labels or codes, dates as typed) and returns the
stored values or the reasons it failed, field by field.

Input keys are the DispatchBatch fields. ``status`` is not edited here: it moves
through ``dispatch_status``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from broker_app.domain.common import coerce
from broker_app.domain.common.cleaning import Cleaned, Cleaner
from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import normalize_phone
from broker_app.domain.org.place import locate_place

LABELS: Final = {
    "name": "批次名称",
    "employer": "务工单位",
    "project": "项目",
    "destination": "务工地点",
    "place_tier": "务工地域",
    "departure_date": "出发日期",
    "transport": "交通方式",
    "leader_name": "带队人",
    "leader_phone": "带队人电话",
    "notes": "备注",
    "project_id": "工程项目",
}
EDITABLE_FIELDS: Final = tuple(LABELS)

_TEXT_LIMITS: Final = {
    "name": 128,
    "employer": 128,
    "project": 128,
    "destination": 128,
    "transport": 64,
    "leader_name": 64,
}
_SPACES = re.compile(r"\s+")


class CleanBatch(Cleaned):
    """The outcome of validating one batch: stored values, or why it failed."""


def default_batch_name(employer: str, departure: date | None) -> str:
    """The name a batch gets when none is typed: departure day, then the employer."""
    return f"{departure.isoformat()} {employer}" if departure else employer


def clean_batch(
    raw: Mapping[str, Any],
    *,
    partial: bool = False,
    current: Mapping[str, Any] | None = None,
) -> CleanBatch:
    """Validate ``raw``. With ``partial`` only the fields present are checked and
    returned (edits); ``current`` holds the stored values then, so the default name
    and the tier derived from the destination see the whole batch."""
    out = CleanBatch()
    values = out.values
    c = Cleaner(raw, out, partial=partial)
    c.field("employer", _employer)
    for name in ("project", "destination", "transport", "leader_name"):
        c.field(name, lambda v, n=name: _limited(n, _one_line(v)))
    c.field("departure_date", lambda v: coerce.day(v, "departure_date", LABELS["departure_date"]))
    c.field("leader_phone", _leader_phone)
    c.field("notes", coerce.text)
    # A reference chosen from the projects; the service checks that it exists.
    c.field("project_id", lambda v: coerce.text(v) or None)
    whole = {**(current or {}), **values}
    if c.present("place_tier") or "destination" in values:
        c.run(lambda: values.update(place_tier=_tier(raw, whole)))
    c.field("name", lambda _v: _name(raw, whole))
    return out


def _employer(value: Any) -> str:
    text = _one_line(value)
    if not text:
        raise FieldError("employer", "务工单位不能为空", "employer: required", reason="required")
    return _limited("employer", text)


def _leader_phone(value: Any) -> str:
    text = coerce.text(value)
    try:
        return normalize_phone(text, allow_service=False) if text else ""
    except FieldError as err:
        raise FieldError(
            "leader_phone", f"带队人电话：{err.message}", err.message_en, reason=err.reason
        ) from None


def _tier(raw: Mapping[str, Any], whole: Mapping[str, Any]) -> str:
    """The typed 务工地域, else what the destination says, else the stored one."""
    typed = coerce.choice(raw.get("place_tier"), PlaceTier, "place_tier", LABELS["place_tier"])
    if typed is PlaceTier.NONE:
        raise FieldError(
            "place_tier", "批次的务工地域不能是“未就业”", "place_tier: none", reason="choice"
        )
    if typed is not None:
        return typed.value
    destination = str(whole.get("destination") or "")
    found = locate_place(destination).tier
    stored = whole.get("place_tier")
    if found is None and stored and "place_tier" not in raw:
        return str(stored)
    if found is None:
        shown = f"“{destination}”" if destination else ""
        raise FieldError(
            "place_tier",
            f"无法判断务工地点{shown}属于县内、县外省内、省外还是境外，请选择务工地域",
            f"cannot tell the place tier of {destination!r}",
            reason="required",
        )
    return found.value


def _name(raw: Mapping[str, Any], whole: Mapping[str, Any]) -> str:
    typed = _one_line(raw.get("name"))
    if typed:
        return _limited("name", typed)
    # Without an employer the employer's own error says what is missing.
    employer = str(whole.get("employer") or "")
    return _limited("name", default_batch_name(employer, whole.get("departure_date")))


def _one_line(value: Any) -> str:
    return _SPACES.sub(" ", coerce.text(value))


def _limited(name: str, text: str) -> str:
    limit = _TEXT_LIMITS.get(name)
    if limit is not None and len(text) > limit:
        raise FieldError(
            name,
            f"{LABELS[name]}太长（最多{limit}个字）",
            f"{name}: longer than {limit}",
            reason="length",
        )
    return text
