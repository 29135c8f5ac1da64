"""Phone numbers: mainland mobiles, landlines and public service numbers.

Every function returns one canonical display form, so that the same phone typed
three ways is stored, compared and printed once: a mobile as 11 digits, a
landline as "0537-5212345", a service number as its digits ("12333", "95588")
and a 400/800 hotline as "400-123-4567".
"""

from __future__ import annotations

import re
from typing import NoReturn

from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact

FIELD = "phone"
LABEL = "电话"

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Three-digit area codes are 010 and 02x; every other area code has four digits.
_AREA = r"(0(?:10|2\d|[3-9]\d{2}))"
_LOCAL = r"([2-9]\d{6,7})"
_LANDLINE_SPLIT = re.compile(_AREA + _LOCAL)
# Honour the broker's own split when it is a possible one (0537-5212345); a split
# at the wrong place (053-75212345) is redone from the digits.
_LANDLINE_GIVEN = re.compile(_AREA + "-" + _LOCAL)
# 12xxx: government hotlines (12333 人社, 12345 政务, 12315 市场监管, 12319 住建 ...);
# 95xxx..95xxxxxx: enterprise service numbers (banks, carriers, the grid).
_SERVICE = re.compile(r"12\d{3}|95\d{3,6}")
_HOTLINE = re.compile(r"([48]00)(\d{3})(\d{4})")
# Separators people put between digit groups; en/em dashes come from Chinese IMEs.
_SEPARATORS = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "―": "-", "－": "-"})
_BRACKETS = str.maketrans("", "", "()")


def normalize_mobile(raw: str) -> str:
    """The 11-digit mainland mobile number in ``raw``, or FieldError with the reason.

    Accepts +86, 86 and 0086 prefixes, spaces, dashes and full-width digits.
    """
    digits = _strip_country_code(_digits_only(raw).replace("-", ""))
    if digits.startswith("0"):
        _fail(
            "kind_not_allowed",
            f"手机号这里不能填固定电话：{digits}",
            f"a landline is not accepted as a mobile number, got {digits!r}",
        )
    _check_mobile(digits, label="手机号")
    return digits


def normalize_phone(raw: str, *, allow_landline: bool = True, allow_service: bool = True) -> str:
    """A mobile, landline or service number in canonical display form.

    ``allow_landline`` and ``allow_service`` turn off the non-mobile kinds where
    only a person's own phone makes sense. A landline must carry its area code
    (0537 for Jining and Zoucheng); a bare local number is refused rather than
    guessed, because a card printed with the wrong area code is worse than none.
    """
    text = _digits_only(raw)
    given = _LANDLINE_GIVEN.fullmatch(text)
    digits = text.replace("-", "")
    if digits.startswith(("+86", "0086")) or (len(digits) == 13 and digits.startswith("86")):
        digits = _strip_country_code(digits)
        if not digits.startswith("1"):
            # International form drops the trunk 0 of the area code: +86 537 5212345.
            digits = "0" + digits
            given = None
    if digits.startswith("1") and len(digits) == 11:
        _check_mobile(digits, label="手机号")
        return digits
    if allow_service and _SERVICE.fullmatch(digits):
        return digits
    hotline = _HOTLINE.fullmatch(digits)
    if allow_service and hotline:
        return "-".join(hotline.groups())
    if digits.startswith("0") and allow_landline:
        match = given or _LANDLINE_SPLIT.fullmatch(digits)
        if match:
            return f"{match.group(1)}-{match.group(2)}"
        _fail(
            "landline_format",
            f"{LABEL}格式不对：{text}（固定电话应为区号加7到8位号码，如 0537-5212345）",
            f"landline {text!r} is not an area code plus a 7-8 digit number",
        )
    if digits.startswith("0") or _looks_like_service(digits):
        kind, kind_en = (
            ("固定电话", "landline") if digits.startswith("0") else ("服务号码", "service")
        )
        _fail(
            "kind_not_allowed",
            f"{LABEL}这里不能填{kind}：{text}",
            f"a {kind_en} number is not accepted here, got {text!r}",
        )
    if len(digits) in (7, 8) and digits[0] in "23456789":
        _fail(
            "no_area_code",
            f"{LABEL}缺少区号：{text}（固定电话请写成 0537-{digits} 这样的格式）",
            f"landline {text!r} has no area code",
        )
    _check_mobile(digits, label=LABEL)
    return digits


def mask_phone(phone: str) -> str:
    """Phone for display with the middle hidden: first 3 digits, '****', last 4.

    Numbers of seven digits or fewer (service numbers) are public and shown whole.
    """
    text = compact(phone)
    digits = text if text.isdigit() else "".join(ch for ch in text if ch.isdigit())
    if len(digits) <= 7:
        return digits
    return digits[:3] + "****" + digits[-4:]


def _digits_only(raw: str) -> str:
    """``raw`` folded and without spaces or brackets; FieldError if anything but
    digits, dashes and one leading '+' is left."""
    text = compact(raw).translate(_SEPARATORS).translate(_BRACKETS)
    if not text:
        _fail("empty", f"{LABEL}为空", "phone number is empty")
    body = text[1:] if text.startswith("+") else text
    bad = [ch for ch in body if not (ch.isascii() and ch.isdigit()) and ch != "-"]
    if bad:
        shown = "、".join(dict.fromkeys(bad))
        _fail(
            "not_digits",
            f"{LABEL}含非数字字符：{shown}",
            f"phone number contains non-digit characters: {shown!r}",
        )
    return text


def _strip_country_code(digits: str) -> str:
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            return digits[len(prefix) :]
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    return digits


def _looks_like_service(digits: str) -> bool:
    return bool(_SERVICE.fullmatch(digits) or _HOTLINE.fullmatch(digits))


def _check_mobile(digits: str, *, label: str) -> None:
    if "+" in digits:
        _fail("not_digits", f"{label}含非数字字符：+", "phone number has a misplaced '+'")
    if len(digits) != 11:
        _fail(
            "length",
            f"{label}位数不对（手机号应为11位，实为{len(digits)}位）",
            f"mobile number has {len(digits)} digits, expected 11",
        )
    if not _MOBILE.fullmatch(digits):
        _fail(
            "mobile_prefix",
            f"{label}号段不对：{digits}（手机号应以13到19开头）",
            f"mobile number {digits} does not start with 13-19",
        )


def _fail(reason: str, message: str, message_en: str) -> NoReturn:
    raise FieldError(FIELD, message, message_en, reason=reason)
