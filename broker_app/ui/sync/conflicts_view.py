"""Conflicts the server knows of in this station's area: which value won, which lost.

Deciding a conflict is the township's or county's job on the server; the decision
reaches this station with the next sync. Here they can only be read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.sync.runner import KnownConflict
from broker_app.ui.context import AppContext
from broker_app.ui.sync.labels import (
    conflict_kind_label,
    field_name_label,
    record_type_label,
    value_text,
)
from broker_app.ui.sync.record_names import record_name
from broker_app.ui.sync.scheduler import SyncScheduler

_DUPLICATE_PERSON = "duplicate_person"


class ConflictsView(QWidget):
    #: The number of conflicts listed.
    count_changed = Signal(int)

    def __init__(
        self, ctx: AppContext, scheduler: SyncScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = scheduler
        self.conflicts: list[KnownConflict] = []
        note = QLabel(
            self.tr(
                "两个驿站同时修改了同一项，服务器按修改时间采用了较晚的值。"
                "冲突由镇街或县人社局在同步服务器上处理（可改为采用未采用的值），"
                "处理结果会在下次同步时自动下载；本机只能查看。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("类型"),
                self.tr("记录"),
                self.tr("项目"),
                self.tr("采用的值"),
                self.tr("未采用的值"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.table.itemSelectionChanged.connect(self._show_detail)

    def reload(self) -> None:
        self.conflicts = self.scheduler.runner.conflicts()
        store = self.ctx.store
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            name = record_name(store, conflict.record_type, conflict.record_id)
            if conflict.kind == _DUPLICATE_PERSON and conflict.other_record_id:
                other = record_name(store, conflict.record_type, conflict.other_record_id)
                name = self.tr("{0} 与 {1}").format(name, other)
            cells = (
                conflict_kind_label(conflict.kind),
                f"{record_type_label(conflict.record_type)}：{name}",
                field_name_label(conflict.field),
                value_text(conflict.winner_value),
                value_text(conflict.loser_value),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.detail.setText(
            self.tr("选中一条冲突可查看完整的值。") if self.conflicts else self.tr("没有冲突。")
        )
        self.count_changed.emit(len(self.conflicts))

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return
        conflict = self.conflicts[rows[0].row()]
        lines = [
            self.tr("冲突编号 {0}，记录编号 {1}").format(conflict.id, conflict.record_id),
            self.tr("采用的值：{0}").format(value_text(conflict.winner_value)),
            self.tr("未采用的值：{0}").format(value_text(conflict.loser_value)),
        ]
        if conflict.other_record_id:
            lines.insert(1, self.tr("另一条记录编号 {0}").format(conflict.other_record_id))
        self.detail.setText("\n".join(lines))
