"""Style objects and number formats of exported sheets, built once per process.

openpyxl style objects are immutable values, so sharing them across sheets and
workbooks is safe and keeps per-cell work to a reference.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MONEY_FORMAT = "#,##0.00"
INT_FORMAT = "0"

KIND_FORMATS: dict[str, str | None] = {
    "text": None,
    "id_text": TEXT_FORMAT,
    "int": None,
    "money": MONEY_FORMAT,
    "date": DATE_FORMAT,
    "datetime": DATETIME_FORMAT,
}

_THIN = Side(style="thin", color="808080")

TITLE_FONT = Font(size=16, bold=True)
TITLE_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
SUBTITLE_FONT = Font(size=11)
SUBTITLE_ALIGNMENT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TITLE_ROW_HEIGHT = 28.0
SUBTITLE_ROW_HEIGHT = 18.0

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill(fill_type="solid", fgColor="D9E1F2")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)

# Data cells of a sheet meant for paper: thin lines, text wrapped within its column.
GRID_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
GRID_ALIGNMENT = Alignment(vertical="center", wrap_text=True)

TOTAL_FONT = Font(bold=True)
TOTAL_BORDER = Border(top=_THIN, bottom=_THIN)

FOOTER_PAGE_NUMBERS = "第 &P 页，共 &N 页"
PAPER_SIZES = {"A4": 9, "A3": 8}  # codes from the OOXML paperSize table
