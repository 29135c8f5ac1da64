"""年龄要求: "18-55周岁", "55周岁以下", "18岁以上", "不限" as an inclusive age range,
and the birth dates a range admits on a given day.

Chinese law counts "以上、以下、以内、届满" as including the number and "不满、超过、
以外" as excluding it (民法典 第一千二百五十九条), so "55周岁以下" admits 55-year-olds
and "不满55周岁" does not.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NoReturn

from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact
from broker_app.domain.people.idcard import years_before

FIELD = "age"
LABEL = "年龄要求"
MAX_AGE = 100

_UNLIMITED = ("不限", "无要求", "无限制", "年龄不限", "无")
_RANGE = re.compile(r"(\d{1,3})(?:周?岁)?(?:-|~|至|到|—|－)(\d{1,3})")
_NUMBER = re.compile(r"\d{1,3}")
# Checked in this order: 不超过 contains 超过, and 不满 contains 满.
_WORDS: tuple[tuple[tuple[str, ...], str, int], ...] = (
    (("不满", "未满", "小于", "低于"), "max", -1),
    (("不超过", "以下", "以内", "之内"), "max", 0),
    (("超过", "大于", "高于"), "min", 1),
    (("以上", "届满", "年满", "满"), "min", 0),
)


def parse_age_range(raw: str) -> tuple[int | None, int | None]:
    """(minimum, maximum) full years, both inclusive; None where the text sets no limit."""
    text = compact(raw)
    if not text or text in _UNLIMITED:
        return None, None
    found = _RANGE.search(text)
    if found:
        low, high = int(found.group(1)), int(found.group(2))
        return check_age_range(low, high, raw)
    numbers = _NUMBER.findall(text)
    if len(numbers) > 1 and "男" in text and "女" in text:
        raise FieldError(
            FIELD,
            f"{LABEL}“{raw}”按性别分别限定了年龄，请只填一个范围（如 18-55周岁），"
            "把男女的差别写在岗位要求里",
            f"age range {raw!r} differs by gender",
            reason="by_gender",
        )
    if len(numbers) != 1:
        _unreadable(raw)
    value = int(numbers[0])
    for words, bound, shift in _WORDS:
        if any(word in text for word in words):
            if bound == "max":
                return check_age_range(None, value + shift, raw)
            return check_age_range(value + shift, None, raw)
    _unreadable(raw)


def format_age_range(minimum: int | None, maximum: int | None) -> str:
    if minimum is None and maximum is None:
        return "不限"
    if minimum is None:
        return f"{maximum}周岁以下"
    if maximum is None:
        return f"{minimum}周岁以上"
    return f"{minimum}-{maximum}周岁"


def check_age_range(
    minimum: int | None, maximum: int | None, raw: str = ""
) -> tuple[int | None, int | None]:
    shown = raw or format_age_range(minimum, maximum)
    for value in (minimum, maximum):
        if value is not None and not 0 <= value <= MAX_AGE:
            raise FieldError(
                FIELD,
                f"{LABEL}“{shown}”不合理（应在0到{MAX_AGE}周岁之间）",
                f"age range {shown!r} outside 0-{MAX_AGE}",
                reason="range",
            )
    if minimum is not None and maximum is not None and minimum > maximum:
        raise FieldError(
            FIELD,
            f"{LABEL}“{shown}”的最低年龄大于最高年龄",
            f"age range {shown!r}: minimum above maximum",
            reason="order",
        )
    return minimum, maximum


def birth_bounds(
    minimum: int | None, maximum: int | None, on: date
) -> tuple[date | None, date | None]:
    """(earliest, latest) birth dates, both inclusive, of people aged within
    [minimum, maximum] full years on day ``on``; None where unbounded.

    Age >= m exactly when birth <= ``years_before(on, m)``; age <= M exactly when
    birth > ``years_before(on, M + 1)``, so the earliest admitted birth is the day
    after that.
    """
    latest = years_before(on, minimum) if minimum is not None else None
    earliest = None
    if maximum is not None:
        earliest = date.fromordinal(years_before(on, maximum + 1).toordinal() + 1)
    return earliest, latest


def _unreadable(raw: str) -> NoReturn:
    raise FieldError(
        FIELD,
        f"{LABEL}“{raw}”无法识别（例：18-55周岁、55周岁以下、18周岁以上、不限）",
        f"age range {raw!r} not understood",
        reason="format",
    )
