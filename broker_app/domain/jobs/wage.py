"""岗位薪资: what postings write ("4000-6000元/月", "面议", "150元/天") as numbers.

A posting keeps its wage in the unit the employer used, so nothing is lost in
conversion; ``monthly_equivalent`` turns it into a monthly figure only where a
comparison needs one (a worker's 期望月薪 is monthly). The conversion uses the
official 月计薪天数 21.75 and 月计薪小时数 174 (人社部 2008 notice on working days),
which is how a monthly wage and a day or hour wage are converted in labour law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NoReturn

from broker_app.domain.common.enums import LabeledEnum
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact

FIELD = "wage"
LABEL = "薪资待遇"
MAX_WAGE: Final = 10_000_000

DAYS_PER_MONTH: Final = 21.75
HOURS_PER_MONTH: Final = 174


class WageUnit(LabeledEnum):
    MONTH = "month", "元/月"
    DAY = "day", "元/天"
    HOUR = "hour", "元/小时"
    YEAR = "year", "元/年"
    PIECE = "piece", "计件"


@dataclass(frozen=True)
class Wage:
    """A wage offer; both amounts None means 面议 (or 计件 without a figure)."""

    minimum: int | None
    maximum: int | None
    unit: WageUnit = WageUnit.MONTH

    @property
    def negotiable(self) -> bool:
        return self.minimum is None and self.maximum is None


NEGOTIABLE = Wage(None, None)

_NEGOTIABLE_WORDS = ("面议", "面谈", "待定", "协商", "商议", "另议")
# Unit words; the one written first wins, so "150元/天（8小时）" is a day wage.
_UNIT_WORDS = re.compile(r"小时|时薪|/时|天|日|年|计件|月")
_UNIT_OF_WORD = {
    "小时": WageUnit.HOUR,
    "时薪": WageUnit.HOUR,
    "/时": WageUnit.HOUR,
    "天": WageUnit.DAY,
    "日": WageUnit.DAY,
    "年": WageUnit.YEAR,
    "计件": WageUnit.PIECE,
    "月": WageUnit.MONTH,
}
# After a single amount: it is a floor (4000元以上, 底薪3000+提成) or a ceiling.
_FLOOR_WORDS = ("以上", "起", "+", "提成", "加班费另计")
_CEILING_WORDS = ("以下", "以内", "封顶")
_NUMBER = r"(\d+(?:\.\d+)?)\s*(万|千|k)?"
_RANGE = re.compile(_NUMBER + r"\s*(?:-|~|至|到|—|－)\s*" + _NUMBER)
_SINGLE = re.compile(_NUMBER)
_MULTIPLIERS = {"万": 10_000, "千": 1_000, "k": 1_000, None: 1, "": 1}


def parse_wage(raw: str) -> Wage:
    """The wage written in ``raw``; NEGOTIABLE for blank or 面议.

    Understands ranges (4000-6000, 4000至6000, 4k-6k, 0.8万-1万), single amounts
    (150元/天 is both minimum and maximum; "4000元以上" is a minimum, "6000以内" a
    maximum) and the unit words 月 / 天 / 日 / 小时 / 年 / 计件; no unit means a month.
    """
    text = compact(raw).lower().replace("，", ",").replace(",", "")
    if not text or any(word in text for word in _NEGOTIABLE_WORDS):
        return NEGOTIABLE
    unit = _unit_of(text)
    found = _RANGE.search(text)
    if found:
        low = _amount(found.group(1), found.group(2) or found.group(4))
        high = _amount(found.group(3), found.group(4))
        if low > high:
            _fail(
                "order",
                f"{LABEL}“{raw}”的最低值大于最高值",
                f"wage {raw!r}: minimum above maximum",
            )
        return _checked(Wage(low, high, unit), raw)
    single = _SINGLE.search(text)
    if single is None:
        if unit is WageUnit.PIECE:
            return Wage(None, None, WageUnit.PIECE)
        _fail(
            "format",
            f"{LABEL}“{raw}”无法识别（例：4000-6000元/月、150元/天、面议）",
            f"wage {raw!r}: no amount found",
        )
    value = _amount(single.group(1), single.group(2))
    rest = text[single.end() :]
    if any(word in rest for word in _FLOOR_WORDS):
        return _checked(Wage(value, None, unit), raw)
    if any(word in rest for word in _CEILING_WORDS):
        return _checked(Wage(None, value, unit), raw)
    return _checked(Wage(value, value, unit), raw)


def format_wage(minimum: int | None, maximum: int | None, unit: str) -> str:
    """The written form of a stored wage: 4000-6000元/月, 150元/天, 面议."""
    member = WageUnit.from_label(unit) or WageUnit.MONTH
    if minimum is None and maximum is None:
        return "计件" if member is WageUnit.PIECE else "面议"
    label = "元(计件)" if member is WageUnit.PIECE else member.label
    if minimum is not None and maximum is not None:
        amount = f"{minimum}" if minimum == maximum else f"{minimum}-{maximum}"
        return f"{amount}{label}"
    if minimum is not None:
        return f"{minimum}{label}以上"
    return f"{maximum}{label}以下"


def monthly_equivalent(amount: int | None, unit: str) -> int | None:
    """``amount`` in ``unit`` as a monthly figure (None for 计件 or no amount)."""
    if amount is None:
        return None
    if unit == WageUnit.MONTH:
        return amount
    if unit == WageUnit.DAY:
        return round(amount * DAYS_PER_MONTH)
    if unit == WageUnit.HOUR:
        return round(amount * HOURS_PER_MONTH)
    if unit == WageUnit.YEAR:
        return round(amount / 12)
    return None


def _unit_of(text: str) -> WageUnit:
    found = _UNIT_WORDS.search(text)
    return _UNIT_OF_WORD[found.group(0)] if found else WageUnit.MONTH


def _amount(number: str, multiplier: str | None) -> int:
    return round(float(number) * _MULTIPLIERS[multiplier or ""])


def _checked(wage: Wage, raw: str) -> Wage:
    for value in (wage.minimum, wage.maximum):
        if value is not None and not 0 < value <= MAX_WAGE:
            _fail("range", f"{LABEL}“{raw}”金额不合理", f"wage {raw!r}: amount out of range")
    return wage


def _fail(reason: str, message: str, message_en: str) -> NoReturn:
    raise FieldError(FIELD, message, message_en, reason=reason)
