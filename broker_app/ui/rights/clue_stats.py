"""The 欠薪线索 tab of the 统计 page: a month's clue figures per unit and in total
(received, accepted, closed in time or late, refused, overdue at the month's end),
and the site visits made and problems found."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.arrears.month import (
    FIGURE_HEADERS,
    FIGURE_NAMES,
    MonthClues,
    month_clues,
)
from broker_app.services.changes import Change, RecordKind
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "ClueStatsPanel"
#: The headers, marked for translation (``FIGURE_HEADERS`` is what the workbook prints).
_HEADERS = (
    QT_TRANSLATE_NOOP(_CONTEXT, "单位"),
    QT_TRANSLATE_NOOP(_CONTEXT, "收到线索"),
    QT_TRANSLATE_NOOP(_CONTEXT, "受理"),
    QT_TRANSLATE_NOOP(_CONTEXT, "按期办结"),
    QT_TRANSLATE_NOOP(_CONTEXT, "逾期办结"),
    QT_TRANSLATE_NOOP(_CONTEXT, "不予受理"),
    QT_TRANSLATE_NOOP(_CONTEXT, "月末超期未办"),
    QT_TRANSLATE_NOOP(_CONTEXT, "项目检查"),
    QT_TRANSLATE_NOOP(_CONTEXT, "发现问题"),
)
MONTHS_SHOWN = 12


def _months(today: date) -> list[tuple[date, date]]:
    """(first, last) of this month and the 11 before it, newest first."""
    months = []
    first = today.replace(day=1)
    for _ in range(MONTHS_SHOWN):
        following = (first + timedelta(days=32)).replace(day=1)
        months.append((first, following - timedelta(days=1)))
        first = (first - timedelta(days=1)).replace(day=1)
    return months


class ClueStatsPanel(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        assert len(_HEADERS) == len(FIGURE_HEADERS) + 1
        self.month_box = QComboBox(self)
        for first, last in _months(today()):
            self.month_box.addItem(
                self.tr("{0}年{1}月").format(first.year, first.month), (first, last)
            )
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(_HEADERS), self)
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate(_CONTEXT, text) for text in _HEADERS]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("统计月份"), self))
        top.addWidget(self.month_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.month_box.currentIndexChanged.connect(lambda _i: self.reload())
        ctx.changed.connect(self._on_change)
        self.reload()

    def reload(self) -> None:
        first, last = self.month_box.currentData()
        today = self.today()
        self.ctx.runner.run_db(
            lambda: month_clues(self.ctx.store, first, last, today),
            self._show,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def figures(self) -> dict[str, list[int]]:
        """Unit name -> its figures as shown (the total row under ``合计``)."""
        shown: dict[str, list[int]] = {}
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, col) for col in range(self.table.columnCount())]
            shown[cells[0].text() if cells[0] else ""] = [
                int(cell.text()) if cell else 0 for cell in cells[1:]
            ]
        return shown

    def _show(self, result: MonthClues) -> None:
        rows = [*result.units, result.total]
        self.table.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, unit in enumerate(rows):
            self._put(row, 0, self.tr("合计") if unit is result.total else unit.name)
            for column, name in enumerate(FIGURE_NAMES, start=1):
                self._put(row, column, str(getattr(unit, name)), number=True)
            if unit is result.total:
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    if item is not None:
                        item.setFont(bold)
        self.table.resizeColumnsToContents()
        limits = result.deadlines
        self.note.setText(
            self.tr("时限：受理{0}天、办结{1}天，自收到之日起计；超期按{2}计。").format(
                limits.accept_days, limits.resolve_days, result.as_of.isoformat()
            )
        )

    def _put(self, row: int, column: int, text: str, *, number: bool = False) -> None:
        item = QTableWidgetItem(text)
        if number:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)

    def _on_change(self, change: Change) -> None:
        if change.touches(RecordKind.WAGE_CLUE, RecordKind.STATION):
            self.reload()
