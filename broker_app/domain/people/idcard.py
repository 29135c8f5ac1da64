"""公民身份号码 (resident ID number) per GB 11643-1999.

Only the structure is checked: length, digits, birth date and the ISO 7064
MOD 11-2 check character. The 6-digit address code is deliberately not checked
against today's division lists: the number is issued for life, so people from
abolished or renamed counties keep codes that no longer exist.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from broker_app.domain.common.coerce import spreadsheet_general
from broker_app.domain.common.enums import Gender
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact

FIELD = "id_number"
LABEL = "身份证号"

# W_i = 2^(18-i) mod 11 for positions i = 1..17.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
# Index Y = S mod 11 gives the check character.
_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)
# Excel keeps 15 significant digits of any number it stores.
_EXCEL_DIGITS = 15
# Excel's General display of a long number: 3.70883E+17.
_SHOWN_NUMBER = re.compile(r"\d(?:\.\d+)?E\+(\d{2})")
# Apostrophes that spreadsheets and exports put in front of a number to keep it text.
_TEXT_PREFIXES = ("'", "‘", "’")
_MASK = "*" * 8


def check_char(first17: str) -> str:
    """The 18th character (0-9 or X) for the 17 digits given (ISO 7064 MOD 11-2)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


_CHINESE_COUNT = "零一二三四五六七八九十"


def _stored_as_number(digit_count: int, shown: str) -> NoReturn:
    lost = digit_count - _EXCEL_DIGITS
    count = _CHINESE_COUNT[lost] if lost < len(_CHINESE_COUNT) else str(lost)
    # The same words whether the cell is still a number or is the text Excel showed
    # for it (an errors workbook written back and imported again).
    _fail(
        "spreadsheet_number",
        f"{LABEL}以数字形式保存，后{count}位已丢失，请把该列设为文本后重新填写"
        f"（表格显示为 {shown}，Excel 只保留15位有效数字）",
        f"ID number was stored as a spreadsheet number (shown as {shown}); "
        "Excel keeps only 15 significant digits, so the last digits are lost",
    )


def id_number_from_shown_number(raw: str) -> None:
    """Refuse text that is what Excel showed for an ID stored as a number
    (``3.70883E+17``), with the reason the number itself would get."""
    match = _SHOWN_NUMBER.fullmatch(compact(raw).upper())
    if match is not None:
        _stored_as_number(int(match.group(1)) + 1, compact(raw).upper())


def normalize_id_number(raw: str, *, today: date | None = None) -> str:
    """The 18-character ID number in ``raw``, or FieldError saying what is wrong.

    Accepts spaces anywhere (including full-width and no-break ones), full-width
    digits, a lowercase or full-width x, a leading text-marking apostrophe, and the
    legacy 15-digit form (upgraded to 18). ``today`` bounds the birth date and
    defaults to the real date.
    """
    number = compact(raw).upper()
    if number.startswith(_TEXT_PREFIXES):
        number = number[1:]
    id_number_from_shown_number(number)
    if not number:
        _fail("empty", f"{LABEL}为空", "ID number is empty")
    bad = [ch for ch in number if not ("0" <= ch <= "9" or ch == "X")]
    if bad:
        shown = "、".join(dict.fromkeys(bad))
        _fail(
            "not_digits",
            f"{LABEL}含非数字字符：{shown}（只能是数字，最后一位可以是 X）",
            f"ID number contains non-digit characters: {shown!r}",
        )
    if len(number) not in (15, 18):
        _fail(
            "length",
            f"{LABEL}位数不对（应为18位，实为{len(number)}位）",
            f"ID number has {len(number)} characters, expected 18 (or legacy 15)",
        )
    if "X" in number[:-1] or (len(number) == 15 and number.endswith("X")):
        _fail(
            "x_position",
            f"{LABEL}含非数字字符：X 只能出现在18位号码的最后一位",
            "ID number has an X outside the 18th position",
        )
    if len(number) == 15:
        # GB 11643-1989 numbers carry a 2-digit year and no check character.
        first17 = number[:6] + "19" + number[6:]
        _check_birth(first17[6:14], today)
        return first17 + check_char(first17)
    _check_birth(number[6:14], today)
    expected = check_char(number[:17])
    if number[17] != expected:
        _fail(
            "check_char",
            f"{LABEL}校验码错误：按前17位算最后一位应为 {expected}，实为 {number[17]}；"
            "多半是前面某一位输错了，请对照证件逐位核对，不要只改最后一位",
            f"ID number check character is {number[17]}, expected {expected} "
            "from the first 17 digits",
        )
    return number


def id_number_from_spreadsheet_number(value: float | int) -> str:
    """An ID number read from a spreadsheet cell that holds a number, not text.

    Excel stores numbers with 15 significant digits, so an 18-digit ID typed into
    a General/Number cell has already lost its last digits (and the X cannot be
    stored at all): this always raises, telling the broker to format the column as
    text and re-enter the numbers. The one exception is a 15-digit integer, which
    is a complete legacy number and is upgraded to 18 characters.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail("not_a_number", f"{LABEL}格式无法识别", f"unsupported cell value {value!r}")
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        _fail(
            "spreadsheet_number",
            f"{LABEL}被表格存成了小数（{value!r}），不是身份证号；请把这一列设置为“文本”格式后重新录入",
            f"ID number cell holds a non-integer number {value!r}",
        )
    digits = str(int(value))
    if len(digits) == _EXCEL_DIGITS:
        return normalize_id_number(digits)
    if len(digits) > _EXCEL_DIGITS:
        _stored_as_number(len(digits), spreadsheet_general(value))
    _fail(
        "length",
        f"{LABEL}位数不对（应为18位，实为{len(digits)}位）；"
        "如果是在 Excel 里录入的，请把这一列设置为“文本”格式",
        f"ID number cell holds a {len(digits)}-digit number",
    )


@dataclass(frozen=True)
class IdInfo:
    """What an ID number says about its holder."""

    number: str
    birth_date: date
    gender: Gender
    address_code: str


def parse_id_number(raw: str, *, today: date | None = None) -> IdInfo:
    """Normalize ``raw`` and read birth date, gender and address code from it."""
    number = normalize_id_number(raw, today=today)
    stamp = number[6:14]
    birth = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:]))
    # The 17th digit is the last of the sequence code: odd for men, even for women.
    gender = Gender.MALE if int(number[16]) % 2 else Gender.FEMALE
    return IdInfo(number=number, birth_date=birth, gender=gender, address_code=number[:6])


def age_on(birth: date, on: date) -> int:
    """Age in full years (周岁) on day ``on``.

    Someone born on 29 February turns a year older on 1 March in common years.
    """
    if on < birth:
        raise ValueError(f"date {on} is before birth date {birth}")
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    return on.year - birth.year - int(before_birthday)


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 29 February becomes the 28th.

    The one bound for ages in queries: on day ``on`` someone is at least ``n`` full years
    old exactly when born on or before ``years_before(on, n)`` (as ``age_on`` counts).
    """
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def mask_id_number(number: str) -> str:
    """Number for display with the middle hidden: first 6, eight '*', last 4.

    Never fails: short or malformed input shows at most a quarter of its
    characters at each end, so masking a typo cannot leak a whole number.
    """
    text = compact(number).upper()
    if not text:
        return ""
    if len(text) >= 11:
        head, tail = 6, 4
    else:
        head = tail = len(text) // 4
    return text[:head] + _MASK + (text[-tail:] if tail else "")


def _check_birth(stamp: str, today: date | None) -> None:
    try:
        birth = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:]))
    except ValueError:
        _fail(
            "birth_date_invalid",
            f"{LABEL}出生日期无效：{stamp[:4]}年{stamp[4:6]}月{stamp[6:]}日不存在",
            f"ID number birth date {stamp} is not a calendar date",
        )
    if birth < _EARLIEST_BIRTH:
        _fail(
            "birth_date_too_early",
            f"{LABEL}出生日期无效：{_chinese_date(birth)}早于1900年",
            f"ID number birth date {birth} is before 1900",
        )
    if birth > (today or date.today()):
        _fail(
            "birth_date_future",
            f"{LABEL}出生日期在未来：{_chinese_date(birth)}",
            f"ID number birth date {birth} is in the future",
        )


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _fail(reason: str, message: str, message_en: str) -> NoReturn:
    raise FieldError(FIELD, message, message_en, reason=reason)
