"""The 欠薪线索 sheet of the monthly statistics workbook: the month's clue and site
inspection figures per unit and in total (``services.arrears.month``), with the deadlines they were
judged against."""

from __future__ import annotations

from datetime import date

from broker_app.services.arrears.month import FIGURE_HEADERS, FIGURE_NAMES, month_clues
from broker_app.services.excel.specs import ColumnSpec
from broker_app.services.excel.writer import XlsxWriter
from broker_app.store.store import Store

SHEET_TITLE = "欠薪线索"


def write_clue_sheet(
    book: XlsxWriter,
    store: Store,
    first: date,
    last: date,
    label: str,
    station: str,
    today: date,
) -> None:
    """Adds the sheet for the month ``first``..``last`` (``label``: 2026年11月)."""
    figures = month_clues(store, first, last, today)
    limits = figures.deadlines
    titles = [
        "欠薪线索办理和项目检查情况",
        *([f"驿站：{station}"] if station else []),
        f"统计月份：{label}",
        f"时限：受理{limits.accept_days}天、办结{limits.resolve_days}天（自收到之日起）；"
        f"超期按{figures.as_of.isoformat()}计",
        f"制表日期：{today.isoformat()}",
    ]
    columns = [
        ColumnSpec("单位", width=24),
        *(ColumnSpec(header, width=12, kind="int", total=True) for header in FIGURE_HEADERS),
    ]
    sheet = book.add_sheet(SHEET_TITLE, columns, title_rows=titles, paper=True)
    for unit in figures.units:
        sheet.append([unit.name, *(getattr(unit, name) for name in FIGURE_NAMES)])
    sheet.append_total_row("合计")
