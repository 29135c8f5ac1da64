"""The list of one kind of record (跟踪服务记录 or 培训记录) on a worker's page."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import LabeledEnum
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.changes import Change
from broker_app.ui.context import AppContext
from broker_app.ui.i18n import enum_label
from broker_app.ui.worker_editor.record_dialog import RecordDialog
from broker_app.ui.worker_editor.record_kinds import RecordForm


class RecordsPanel(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        kind: RecordForm,
        parent: QWidget | None = None,
        *,
        defaults: Callable[[], Mapping[str, Any]] = dict,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.service = AssistanceService(ctx.store)
        self.worker_id: str | None = None
        self.records: list[dict[str, Any]] = []
        self._defaults = defaults
        self.table = QTableWidget(0, len(kind.columns), self)
        self.table.setHorizontalHeaderLabels([kind.spec(name).shown_label for name in kind.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, name in enumerate(kind.columns):
            wide = kind.spec(name).kind in ("multiline", "text")
            header.resizeSection(column, char * (12 if wide else 6) + 12)
        self.table.activated.connect(lambda index: self.edit_record(index.row()))
        self.add_button = QPushButton(self.tr("新增记录…"), self)
        self.edit_button = QPushButton(self.tr("修改…"), self)
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(lambda: self.edit_record(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        ctx.changed.connect(self._on_change)
        self.set_worker(None)

    def set_worker(self, worker_id: str | None) -> None:
        self.worker_id = worker_id
        self.add_button.setEnabled(worker_id is not None)
        self.reload()

    def reload(self) -> None:
        self.records = self.kind.list(self.service, self.worker_id) if self.worker_id else []
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            for column, name in enumerate(self.kind.columns):
                item = QTableWidgetItem(self._cell(name, record.get(name)))
                item.setToolTip(item.text())
                self.table.setItem(row, column, item)
        self.edit_button.setEnabled(bool(self.records))

    def add_record(self) -> None:
        if self.worker_id is not None:
            self._open(None)

    def edit_record(self, row: int) -> None:
        if 0 <= row < len(self.records):
            self._open(self.records[row])

    def _open(self, record: Mapping[str, Any] | None) -> None:
        assert self.worker_id is not None
        dialog = RecordDialog(
            self.ctx, self.kind, self.worker_id, record, defaults=self._defaults(), parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_change(self, change: Change) -> None:
        if change.touches(self.kind.record_kind) and self.worker_id:
            self.reload()

    def _cell(self, name: str, value: Any) -> str:
        spec = self.kind.spec(name)
        if value is None:
            return ""
        if spec.choices is not None:
            member = next((m for m in spec.choices if m.value == value), None)
            return enum_label(member) if isinstance(member, LabeledEnum) else str(value)
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if isinstance(value, date):
            return value.isoformat()
        return str(value).replace("\n", " ")
