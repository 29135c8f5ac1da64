"""Search, status and departure-date range above the batch list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.dispatch.query import BatchFilter
from broker_app.domain.dispatch.status import batch_status
from broker_app.ui.flow_layout import FlowLayout
from broker_app.ui.i18n import enum_label

_TYPING_DELAY_MS = 250


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class BatchFilterBar(QWidget):
    filter_changed = Signal(object)  # BatchFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索批次、单位、地点、带队人"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), None)
        for status in BatchStatus:
            self.status.addItem(enum_label(status), status.value)
        self.use_range = QCheckBox(self.tr("出发日期"), self)
        today = date.today()
        self.date_from = self._date_edit(to_qdate(today.replace(day=1)))
        self.date_to = self._date_edit(to_qdate(today))
        # The page's own buttons and count go here.
        trailing = QWidget(self)
        self.trailing = QHBoxLayout(trailing)
        self.trailing.setContentsMargins(0, 0, 0, 0)
        # One row on a wide window; wraps at 1366x768 and 150%, where the search box
        # would otherwise shrink to a few letters and the last button leave the page.
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 14)
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.status, self.use_range, self.date_from,
                       QLabel(self.tr("至"), self), self.date_to, trailing):  # fmt: skip
            layout.addWidget(widget)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_TYPING_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self._emit())
        self.use_range.toggled.connect(self._range_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._emit())
        self.date_to.dateChanged.connect(lambda _d: self._emit())
        self._range_toggled(False)

    def current_filter(self) -> BatchFilter:
        start, end = to_date(self.date_from.date()), to_date(self.date_to.date())
        if self.use_range.isChecked():
            start, end = min(start, end), max(start, end)
        return BatchFilter(
            text=self.search.text().strip(),
            status=batch_status(self.status.currentData() or ""),
            date_from=start if self.use_range.isChecked() else None,
            date_to=end if self.use_range.isChecked() else None,
        )

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _range_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit()

    def _emit(self) -> None:
        self.filter_changed.emit(self.current_filter())
