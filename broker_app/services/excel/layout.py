"""How wide columns and how tall rows must be for a sheet to print readably.

The one place that measures text for the writer: Excel and LibreOffice size neither
columns nor (for files they did not write) rows, so a wrapped header spills over the
line above and long text runs under its neighbour unless the file says how big each
is. Widths are in Excel character units, in which a Chinese character counts two
(``specs.display_width``); heights are in points.

A column is as wide as its content (header included, wrapped onto at most two
lines) up to its limit; longer text wraps, and its row is made tall enough for the
lines it needs. ``print_scale`` says at what scale a sheet printed one page wide
comes out, so callers can keep body text at ``MIN_BODY_PT`` or more on paper.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .specs import ColumnSpec, PrintSetup, display_width

#: The writer's body font size (openpyxl's default font, Calibri 11).
BODY_PT = 11.0
#: What a clerk can read on paper.
MIN_BODY_PT = 9.0
# A line of 11 pt text, CJK fonts included, with the cell's own spacing.
LINE_PT = 15.0
_ROW_PADDING_PT = 3.0
# Characters that fit in a column of width w are about w - 1 (cell padding).
_CELL_PADDING = 1.0
# A column never narrower than this, whatever its content.
_MIN_WIDTH = 4.0
# The limit of a column that names none: past it, text wraps.
DEFAULT_LIMIT = 30.0
_KIND_MIN = {"id_text": 0.0, "int": 0.0, "money": 0.0, "date": 11.0, "datetime": 17.0}
# Page width that can be printed, in Excel character units at 100%: A4 or A3 landscape
# (or portrait) less the writer's 0.3-inch side margins, one unit being about 7 px at
# 96 dpi plus 5 px of padding per column.
_PAPER_WIDTH_PT = {("A4", True): 841.9, ("A4", False): 595.3, ("A3", True): 1190.6,
                   ("A3", False): 841.9}  # fmt: skip
_SIDE_MARGINS_PT = 2 * 0.3 * 72


def value_width(value: object) -> float:
    """Display width of a cell value as it would be shown."""
    if value is None:
        return 0.0
    if value.__class__ is str:
        text: str = value
        # Most cells are short: skip the per-character look-up when even all-wide
        # characters would fit in a typical column.
        return float(display_width(text)) if len(text) > 4 else 2.0 * len(text)
    if isinstance(value, float):
        return float(len(f"{value:,.2f}"))
    return float(len(str(value)))


def header_width(header: str) -> float:
    """The narrowest width that shows ``header`` on two lines (three for a header
    longer than its content will usually be, such as 是否脱贫人口（含监测对象）)."""
    width = display_width(header)
    lines = 3 if width > 20 else 2 if width > 4 else 1
    return math.ceil(width / lines) + _CELL_PADDING + 1


def column_widths(columns: Sequence[ColumnSpec], sample: Sequence[Sequence[object]]) -> list[float]:
    """Widths from the header and the ``sample`` rows, each within its column's limit
    (``ColumnSpec.width``, or ``DEFAULT_LIMIT``)."""
    widths: list[float] = []
    for i, spec in enumerate(columns):
        limit = spec.width if spec.width is not None else max(DEFAULT_LIMIT, spec.effective_width())
        content = max((value_width(row[i]) for row in sample if i < len(row)), default=0.0)
        wanted = max(content + _CELL_PADDING + 0.5, header_width(spec.header), _MIN_WIDTH)
        wanted = max(wanted, _KIND_MIN.get(spec.kind, 0.0))
        if spec.kind in ("id_text", "int", "money", "date", "datetime"):
            # Numbers and dates never wrap: their content is their width.
            widths.append(max(wanted, min(limit, wanted)))
        else:
            widths.append(min(limit, wanted))
    return widths


def lines_needed(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` wide."""
    usable = max(1.0, width - _CELL_PADDING)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def row_height(lines: int, font_pt: float = BODY_PT) -> float:
    """Height in points of a row of ``lines`` lines of ``font_pt`` text."""
    return round(lines * LINE_PT * font_pt / BODY_PT + _ROW_PADDING_PT, 1)


def text_height(text: str, width: float, font_pt: float = BODY_PT) -> float:
    """Height of a row holding ``text`` wrapped in ``width`` (in ``font_pt``)."""
    scaled = width * BODY_PT / font_pt  # bigger type: fewer characters per line
    return row_height(lines_needed(text, scaled), font_pt)


def header_height(header: str, width: float) -> float:
    """Height of a bold, wrapped header cell: bold type and line breaks that fall
    before a word such as 45-65 take more room than plain text, hence the margin."""
    return row_height(lines_needed(header, width * 0.85))


def printable_width(setup: PrintSetup) -> float:
    """Width of the printable area in Excel character units at 100%."""
    points = _PAPER_WIDTH_PT[(setup.paper, setup.landscape)] - _SIDE_MARGINS_PT
    return points / 0.75 / 7.0


def print_scale(widths: Sequence[float], setup: PrintSetup) -> float:
    """The scale a sheet printed one page wide comes out at (1.0: no shrinking)."""
    total = sum(widths) + len(widths) * 5 / 7  # each column's 5 px of padding
    return min(1.0, printable_width(setup) / total) if total else 1.0
