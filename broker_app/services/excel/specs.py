"""What a caller says about an exported sheet: its columns and how it prints."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

ColumnKind = Literal["text", "id_text", "int", "money", "date", "datetime"]
COLUMN_KINDS: frozenset[str] = frozenset(get_args(ColumnKind))
PaperSize = Literal["A4", "A3"]

# Widths in Excel character units that fit typical content of each kind.
_KIND_WIDTHS: dict[str, float] = {
    "text": 10,
    "id_text": 21,  # 18-digit ID number
    "int": 8,
    "money": 12,
    "date": 12,
    "datetime": 17,
}
_MAX_AUTO_WIDTH = 40.0


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One exported column.

    ``kind`` decides how cells are stored: ``id_text`` (ID numbers, phones, bank
    cards) is always text in "@" format so Excel never shows 3.70883E+17 or drops a
    leading 0 or the X; ``date``/``datetime`` get a date format; ``money`` shows two
    decimals with thousands separators. ``total`` marks int/money columns whose
    values ``append_total_row`` sums. ``width`` is in Excel character units; None
    picks one from the header and kind.
    """

    header: str
    width: float | None = None
    kind: ColumnKind = "text"
    total: bool = False

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")
        if self.total and self.kind not in ("int", "money"):
            raise ValueError(f"column {self.header!r}: only int/money columns can be totalled")

    def effective_width(self) -> float:
        if self.width is not None:
            return self.width
        header = display_width(self.header) + 2
        return min(max(header, _KIND_WIDTHS[self.kind]), _MAX_AUTO_WIDTH)


@dataclass(frozen=True, slots=True)
class PrintSetup:
    """Page setup; the defaults print a wide roster readably on A4 paper."""

    landscape: bool = True
    paper: PaperSize = "A4"
    repeat_header: bool = True  # header row on top of every printed page
    footer_page_numbers: bool = True  # "第 1 页，共 3 页"
    fit_width: bool = True  # all columns on one page width, as many pages tall as needed


@lru_cache(maxsize=16_384)
def display_width(text: str) -> int:
    """Width of ``text`` in Excel character units: Chinese characters count double.

    Remembered per text: a paper sheet measures its first rows and every long text,
    and the same employer, village or course recurs on many rows (and sheets)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
