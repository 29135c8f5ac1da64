"""Edits the server refused: kept on this PC, not sent again until 重试."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.sync.runner import QuarantinedItem
from broker_app.ui.context import AppContext
from broker_app.ui.sync.labels import op_label, record_type_label, rejection_reason
from broker_app.ui.sync.record_names import record_name
from broker_app.ui.sync.scheduler import SyncScheduler


class QuarantineView(QWidget):
    #: The number of refused edits listed.
    count_changed = Signal(int)

    def __init__(
        self, ctx: AppContext, scheduler: SyncScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler
        self.items: list[QuarantinedItem] = []
        note = QLabel(
            self.tr(
                "服务器拒收的修改仍保存在本机，但不再自动上传。请按原因处理"
                "（如辖区不符，请联系镇街或县人社局），处理后点“重试”重新上传。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("类型"), self.tr("记录"), self.tr("操作"), self.tr("原因")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.retry_selected_button = QPushButton(self.tr("重试所选"), self)
        self.retry_all_button = QPushButton(self.tr("全部重试"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_selected_button)
        buttons.addWidget(self.retry_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retry_selected_button.clicked.connect(self.retry_selected)
        self.retry_all_button.clicked.connect(self.retry_all)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def reload(self) -> None:
        self.items = self.scheduler.runner.quarantined()
        self.table.setRowCount(len(self.items))
        store = self.ctx.store
        for row, item in enumerate(self.items):
            cells = (
                record_type_label(item.record_type),
                record_name(store, item.record_type, item.record_id),
                op_label(item.op),
                rejection_reason(item.reason),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.record_id if column == 1 else text)
                self.table.setItem(row, column, cell)
        self._update_buttons()
        self.count_changed.emit(len(self.items))

    def selected_seqs(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.items[row].seq for row in sorted(rows) if row < len(self.items)]

    def retry_selected(self) -> None:
        seqs = self.selected_seqs()
        if seqs:
            self._release(seqs)

    def retry_all(self) -> None:
        if self.items:
            self._release(None)

    def _release(self, seqs: list[int] | None) -> None:
        runner = self.scheduler.runner
        self.ctx.runner.run_db(lambda: runner.release_quarantined(seqs), self._released, owner=self)

    def _released(self, _count: int) -> None:
        self.reload()
        self.scheduler.refresh_status()
        self.scheduler.sync_now()

    def _update_buttons(self) -> None:
        self.retry_all_button.setEnabled(bool(self.items))
        self.retry_selected_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
