"""Turns any text into a sheet title Excel accepts.

Excel refuses a workbook whose sheet title is empty, longer than 31 characters,
contains [ ] : * ? / \\, starts or ends with an apostrophe, is "History", or repeats
another title ignoring case. Titles come from user data (township names, dates like
"2024/05"), so the forbidden characters become their full-width look-alikes, which
keeps the title readable in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Collection

MAX_SHEET_TITLE = 31
DEFAULT_SHEET_TITLE = "工作表"

_LOOKALIKES = str.maketrans(
    {"[": "【", "]": "】", ":": "：", "*": "＊", "?": "？", "/": "／", "\\": "＼"}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RESERVED = frozenset({"history"})


def sanitize_sheet_title(title: str, taken: Collection[str] = ()) -> str:
    """A valid title close to ``title`` that differs (ignoring case) from all ``taken``."""
    cleaned = _CONTROL.sub("", title.translate(_LOOKALIKES)).strip().strip("'").strip()
    base = _truncate(cleaned, MAX_SHEET_TITLE) or DEFAULT_SHEET_TITLE
    used = {t.casefold() for t in taken} | _RESERVED
    if base.casefold() not in used:
        return base
    number = 2
    while True:
        suffix = f"({number})"
        candidate = _truncate(base, MAX_SHEET_TITLE - len(suffix)) + suffix
        if candidate.casefold() not in used:
            return candidate
        number += 1


def _truncate(text: str, limit: int) -> str:
    # Excel counts UTF-16 code units: a rare CJK extension character counts as two.
    units = 0
    for index, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:index].rstrip().rstrip("'")
    return text
