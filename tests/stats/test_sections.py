"""A section registered on the 统计 page (``ui.stats.sections``) is counted with the
page's parts and drawn below its charts; a sheet registered in the 月度统计表
(``services.stats.export.MONTHLY_SHEETS``) is written after the others."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from broker_app.services.excel.specs import ColumnSpec
from broker_app.services.station_data import Store
from broker_app.services.stats.export import (
    MONTHLY_SHEETS,
    MonthlySheet,
    SheetContext,
    StatsExportService,
)
from broker_app.services.stats.monthly import Month
from broker_app.services.stats.training import trainings_by_kind
from broker_app.services.stats.trends import recent_months
from broker_app.ui.charts.bar import BarChart
from broker_app.ui.charts.chart import ChartView
from broker_app.ui.charts.data import ChartData, Series
from broker_app.ui.charts.palette import BLUE
from broker_app.ui.context import AppContext
from broker_app.ui.stats.chart_card import ChartCard
from broker_app.ui.stats.page import StatsPage
from broker_app.ui.stats.sections import StatsSection
from tests.dispatch.builders import read_sheets
from tests.stats.builders import TODAY


class TrainingKinds:
    """A section of its own: the year's trainings by kind, one bar each."""

    def __init__(self, parent: QWidget, image_note: Callable[[], str]) -> None:
        self.card = ChartCard("培训种类", BarChart(), parent, image_note=image_note)
        self.shown: dict[str, int] | None = None

    def show_figures(self, figures: Any) -> None:
        self.shown = dict(figures)
        values = tuple(float(n) for n in self.shown.values())
        self.card.chart.set_data(
            ChartData(tuple(self.shown), (Series("人次", values, BLUE),), keys=tuple(self.shown))
        )

    def charts(self) -> list[ChartView]:
        return [self.card.chart]

    def widget(self) -> QWidget:
        return self.card


def count_kinds(store: Store, today: date) -> dict[str, int]:
    return trainings_by_kind(store, today.year)


def test_a_registered_section_is_counted_and_drawn(
    ctx: AppContext, store: Store, ids: dict[str, str], qtbot: QtBot
) -> None:
    section = StatsSection("kinds", count_kinds, TrainingKinds)
    page = StatsPage(ctx, today=lambda: TODAY, sections=[section])
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    assert not page.loading
    (widget,) = page.section_widgets
    assert isinstance(widget, TrainingKinds)
    assert widget.shown == trainings_by_kind(store, 2025)
    assert widget.card.chart in page.charts.charts()
    assert widget.card.chart.chart_data() is not None and widget.card.isVisibleTo(page)
    generation = page.generation
    page.reload()
    assert page.generation == generation + 1 and not page.loading


def write_months(ctx: SheetContext) -> None:
    """A sheet of its own: the month and the eleven before it, one row each."""
    sheet = ctx.book.add_sheet(
        "近12个月", [ColumnSpec("月份", width=10)], title_rows=ctx.titles("近12个月")
    )
    for month in recent_months(ctx.statistics.month.last):
        sheet.append([month.label])


def test_a_registered_sheet_is_written_last(
    store: Store, ids: dict[str, str], tmp_path: Path
) -> None:
    sheets = (*MONTHLY_SHEETS, MonthlySheet("近12个月", write_months))
    out = tmp_path / "stats.xlsx"
    StatsExportService(store, sheets).export(out, Month(2025, 3), TODAY)
    book = read_sheets(out)
    assert list(book) == [sheet.name for sheet in sheets]
    rows = book["近12个月"]
    assert rows[0][0] == "2025年3月近12个月统计表"
    assert [row[0] for row in rows[-12:]][-1] == "2025年3月"
