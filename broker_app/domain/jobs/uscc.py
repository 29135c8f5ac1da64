"""统一社会信用代码 (unified social credit code) per GB 32100-2015.

18 characters: registering department (1), entity kind (1), division code (6),
subject code (9, the former GB 11714 organization code) and a check character.
The alphabet is the digits and the capitals without I, O, S, V, Z; each
character's value is its index in that alphabet, the weights of positions 1-17
are 3^(i-1) mod 31, and the check character's value added to the weighted sum
gives a multiple of 31.

What is deliberately not checked:
- that positions 3-8 are a current division code and positions 1-2 a known
  department and kind: those lists change, letters do occur in positions 1-2
  (N for rural collective economic organisations), and the check character
  already catches a mistyped character;
- the GB 11714 check digit of positions 9-17: widely used open-source
  validators do not check it, and no source says that every genuine code
  satisfies it.

Genuine codes whose own check character is wrong exist too (some issued in
Xiamen before 2016, e.g. 91350203M0001QKT19), so ``verify_check=False`` lets a
caller accept a code after the broker has confirmed it against the licence.
"""

from __future__ import annotations

from typing import NoReturn

from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact

FIELD = "credit_code"
LABEL = "统一社会信用代码"
LENGTH = 18

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {ch: index for index, ch in enumerate(ALPHABET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(LENGTH - 1))
_EXCLUDED = frozenset("IOSVZ")


def uscc_check_char(first17: str) -> str:
    """The 18th character for the first 17 characters of a code (GB 32100 mod 31)."""
    if len(first17) != LENGTH - 1 or any(ch not in _VALUES for ch in first17):
        raise ValueError(f"expected 17 characters of the code alphabet, got {first17!r}")
    total = sum(_VALUES[ch] * weight for ch, weight in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[-total % 31]


def normalize_uscc(raw: str, *, verify_check: bool = True) -> str:
    """The 18-character code in ``raw`` (upper-cased, spaces and dashes removed,
    full-width folded), or FieldError saying what is wrong.

    With ``verify_check=False`` the check character is not compared (see the
    module notes); everything else still is.
    """
    code = compact(raw).upper().replace("-", "")
    if not code:
        _fail("empty", f"{LABEL}为空", "credit code is empty")
    if len(code) != LENGTH:
        _fail(
            "length",
            f"{LABEL}位数不对（应为18位，实为{len(code)}位）",
            f"credit code has {len(code)} characters, expected 18",
        )
    excluded = [ch for ch in code if ch in _EXCLUDED]
    if excluded:
        shown = "、".join(dict.fromkeys(excluded))
        _fail(
            "excluded_letter",
            f"{LABEL}含不允许的字母：{shown}（代码中不使用 I、O、S、V、Z，"
            "可能把数字 1、0、5、2 看成了字母）",
            f"credit code contains letters that are never used: {shown!r}",
        )
    bad = [ch for ch in code if ch not in _VALUES]
    if bad:
        shown = "、".join(dict.fromkeys(bad))
        _fail(
            "bad_char",
            f"{LABEL}含非法字符：{shown}（只能是数字和大写字母）",
            f"credit code contains invalid characters: {shown!r}",
        )
    expected = uscc_check_char(code[:17])
    if verify_check and code[17] != expected:
        _fail(
            "check_char",
            f"{LABEL}校验码错误：按前17位算最后一位应为 {expected}，实为 {code[17]}；"
            "请对照营业执照逐位核对",
            f"credit code check character is {code[17]}, expected {expected}",
        )
    return code


def _fail(reason: str, message: str, message_en: str) -> NoReturn:
    raise FieldError(FIELD, message, message_en, reason=reason)
