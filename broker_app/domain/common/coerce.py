"""Turning what people type (or what a spreadsheet holds) into typed values, with a
Chinese reason when that is impossible."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from broker_app.domain.common.enums import LabeledEnum
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.written_forms import Unmapped, read_choice, read_flag

#: ``FieldError.reason`` of a value nobody can map: an import may keep the row and
#: leave that (optional) field empty with a warning.
UNMAPPED = "unmapped"
_LIST_SPLIT = re.compile(r"[、,，;；/／\s]+")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日", "%Y-%m", "%Y年%m月")
# Excel's day zero (the 1900 system counts a fictitious 1900-02-29, hence 30 Dec 1899).
_EXCEL_EPOCH = date(1899, 12, 30)

E = TypeVar("E", bound=LabeledEnum)


def text(value: Any) -> str:
    """Trimmed text as typed ('' for empty). Free text keeps its Chinese punctuation:
    "，" stays "，"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def spreadsheet_general(value: float | int) -> str:
    """What Excel's General format shows for a number in a column of default width:
    up to 11 characters, so 370883198301137216 shows as 3.70883E+17."""
    if float(value).is_integer() and len(str(abs(int(value)))) <= 11:
        return str(int(value))
    if abs(value) >= 1e11:
        mantissa, exponent = f"{value:.5E}".split("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}E{exponent[0]}{int(exponent[1:]):02d}"
    return f"{value:.10G}"[:11]


def cell_text(value: Any, field: str, label: str) -> str:
    """``text`` for a field that must hold typed text (a name, a phone number): a
    yes/no or date cell there is a mistake in the sheet, said so rather than
    stored as "True" or read as a number."""
    if isinstance(value, bool):
        raise FieldError(
            field,
            f"{label}应为文字，单元格里却是是/否值（{'TRUE' if value else 'FALSE'}）",
            f"{field}: expected text, got a boolean cell",
            reason="type",
        )
    if isinstance(value, date | datetime):
        raise FieldError(
            field,
            f"{label}应为文字，单元格里却是日期（{value:%Y-%m-%d}），请把该列设为文本后重填",
            f"{field}: expected text, got a date cell",
            reason="type",
        )
    return text(value)


def folded(value: Any) -> str:
    """Trimmed text with full-width letters, digits and punctuation folded to ASCII,
    for values that are parsed (numbers, dates, yes/no, choices)."""
    return unicodedata.normalize("NFKC", text(value)).strip()


def is_blank(value: Any) -> bool:
    return text(value) == ""


def flag(value: Any, field: str, label: str) -> bool | None:
    """是/否 style answers, as rosters write them (see ``written_forms``); None when
    blank."""
    if isinstance(value, bool):
        return value
    raw = folded(value)
    try:
        return read_flag(raw, field)
    except Unmapped:
        raise FieldError(
            field,
            f"{label}应填“是”或“否”，而不是“{raw}”",
            f"{field}: expected yes/no, got {raw!r}",
            reason=UNMAPPED,
        ) from None


def day(value: Any, field: str, label: str) -> date | None:
    """A date from a date cell, an Excel serial number or common written forms."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric and 1 <= value < 2_958_466:  # Excel serials up to 9999-12-31
        return _EXCEL_EPOCH + timedelta(days=int(value))
    raw = folded(value)
    if not raw:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise FieldError(
        field,
        f"{label}“{raw}”不是有效日期（例：2024-03-15）",
        f"{field}: not a date: {raw!r}",
    )


def whole_number(
    value: Any, field: str, label: str, *, minimum: int = 0, maximum: int = 10**9
) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise FieldError(field, f"{label}应为数字", f"{field}: boolean is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        raw = folded(value).replace(",", "").removesuffix("元").removesuffix("周岁")
        raw = raw.removesuffix("岁").strip()
        if not raw:
            return None
        try:
            number = float(raw)
        except ValueError:
            raise FieldError(
                field, f"{label}“{raw}”不是数字", f"{field}: not a number: {raw!r}"
            ) from None
    if not number.is_integer():
        number = round(number)
    result = int(number)
    if not minimum <= result <= maximum:
        raise FieldError(
            field,
            f"{label}应在 {minimum} 到 {maximum} 之间，实为 {result}",
            f"{field}: {result} outside [{minimum}, {maximum}]",
        )
    return result


def words(value: Any) -> list[str]:
    """A list typed as 焊工、电工 or 焊工,电工 (any common separator), de-duplicated."""
    if isinstance(value, list | tuple):
        items = [text(v) for v in value]
    else:
        items = _LIST_SPLIT.split(text(value))
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


def choice(value: Any, enum: type[E], field: str, label: str) -> E | None:
    """An enum member from its Chinese label, its code or any way rosters write it
    (the table in ``written_forms``); None when blank or written as 无."""
    if isinstance(value, enum):
        return value
    raw = folded(value)
    try:
        member = read_choice(raw, enum)
    except Unmapped:
        allowed = "、".join(m.label for m in enum)
        raise FieldError(
            field,
            f"{label}“{raw}”无法识别，可填：{allowed}",
            f"{field}: unknown value {raw!r}",
            reason=UNMAPPED,
        ) from None
    return member  # type: ignore[return-value]  # the table holds the base type
