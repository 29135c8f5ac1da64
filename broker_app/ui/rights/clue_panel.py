"""The 欠薪线索 tab of the 维权 page: the wage-arrears clues of this station's scope
(a village its own, a township its villages', the county all), their next deadline,
overdue ones tinted;
register a clue taken by phone or at the station, accept, close with the note the
worker reads, or refuse with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.arrears.clues import ClueFilter, ClueRow, ClueService
from broker_app.services.audit import WAGE_CLUE, AuditService
from broker_app.services.changes import Change, RecordKind
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.flow_layout import wrapping_row
from broker_app.ui.rights.clue_dialog import RegisterClueDialog
from broker_app.ui.rights.clue_model import ClueTableModel
from broker_app.ui.rights.text_dialog import ClueTextDialog

_RELOAD_ON = (RecordKind.WAGE_CLUE, RecordKind.PROJECT, RecordKind.STATION)


class CluePanel(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.service = ClueService(ctx.store)
        self.filter_box = QComboBox(self)
        self.filter_box.addItem(self.tr("未办结"), ClueFilter.OPEN.value)
        self.filter_box.addItem(self.tr("已超期"), ClueFilter.OVERDUE.value)
        self.filter_box.addItem(self.tr("全部"), ClueFilter.ALL.value)
        self.count_label = QLabel(self)
        self.register_button = QPushButton(self.tr("登记线索…"), self)
        self.register_button.setToolTip(self.tr("登记电话或来访反映的欠薪线索"))
        self.accept_button = QPushButton(self.tr("受理"), self)
        self.close_button = QPushButton(self.tr("办结…"), self)
        self.reject_button = QPushButton(self.tr("不予受理…"), self)
        self.note_button = QPushButton(self.tr("群众可见说明…"), self)
        self.note_button.setToolTip(self.tr("反映人扫码“查询进度”时看到的说明"))
        self.reveal_button = QPushButton(self.tr("显示电话"), self)
        self.reveal_button.setToolTip(self.tr("显示反映人的完整电话以便回访（记入审计日志）"))
        self.model = ClueTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # what workers typed
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("欠薪线索"), self))
        top.addWidget(self.filter_box)
        top.addWidget(self.count_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(
            wrapping_row(
                self,
                [
                    self.register_button,
                    self.accept_button,
                    self.close_button,
                    self.reject_button,
                    self.note_button,
                    self.reveal_button,
                ],
            )
        )
        self.filter_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.register_button.clicked.connect(self.register_clue)
        self.accept_button.clicked.connect(self.accept_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.note_button.clicked.connect(self.write_note)
        self.reveal_button.clicked.connect(self.reveal_phone)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        ctx.changed.connect(self._on_change)
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        which = ClueFilter(self.filter_box.currentData())
        today = self.today()
        self.ctx.runner.run_db(
            lambda: self.service.clues(which, today=today),
            self._show,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def selected(self) -> ClueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_clue(self, clue_id: str) -> bool:
        for row, clue in enumerate(self.model.rows()):
            if clue.id == clue_id:
                self.table.selectRow(row)
                return True
        return False

    # -- actions -------------------------------------------------------------------------
    def register_clue(self) -> None:
        RegisterClueDialog(self.ctx, self).exec()

    def accept_selected(self) -> None:
        clue = self.selected()
        if clue is not None:
            today = self.today()
            self._write(lambda: self.service.accept(clue.id, today=today))

    def close_selected(self) -> None:
        clue = self.selected()
        if clue is None:
            return
        note = self._ask(
            self.tr("办结"),
            self.tr("办理结果（反映人扫码查询进度时能看到，请写清楚，不写个人信息）："),
            clue.public_note,
        )
        if note is not None:
            today = self.today()
            self._write(lambda: self.service.close(clue.id, note, today=today))

    def reject_selected(self) -> None:
        clue = self.selected()
        if clue is None:
            return
        reason = self._ask(
            self.tr("不予受理"),
            self.tr("不予受理的理由（反映人能看到；如属其他部门管辖，请写明去哪里反映）："),
        )
        if reason is not None:
            today = self.today()
            self._write(lambda: self.service.reject(clue.id, reason, today=today))

    def write_note(self) -> None:
        clue = self.selected()
        if clue is None:
            return
        note = self._ask(
            self.tr("群众可见说明"),
            self.tr("反映人扫码查询进度时看到的说明："),
            clue.public_note,
            required=False,
        )
        if note is not None:
            self._write(lambda: self.service.write_note(clue.id, note))

    def reveal_phone(self) -> None:
        """The selected reporter's full phone, to call back; written to the audit log."""
        clue = self.selected()
        if clue is None:
            return
        AuditService(self.ctx.store).record_reveal(clue.id, subject=WAGE_CLUE)
        self.model.reveal(clue.id)
        self._selection_changed()

    # -- plumbing ------------------------------------------------------------------------
    def _ask(self, title: str, prompt: str, text: str = "", *, required: bool = True) -> str | None:
        dialog = ClueTextDialog(title, prompt, text=text, required=required, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text()

    def _write(self, fn: Callable[[], Change]) -> None:
        self.ctx.runner.run_db(
            fn, self.ctx.broadcast, lambda exc: show_error(self, exc), owner=self
        )

    def _show(self, rows: list[ClueRow]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        overdue = sum(1 for row in rows if row.overdue)
        text = self.tr("共 {0} 条").format(len(rows))
        if overdue:
            text += self.tr("，其中 {0} 条已超期").format(overdue)
        self.count_label.setText(text)
        if keep is None or not self.select_clue(keep.id):
            self._selection_changed()

    def _selection_changed(self) -> None:
        clue = self.selected()
        status = clue.status if clue is not None else ""
        self.accept_button.setEnabled(status == "received")
        self.reject_button.setEnabled(status == "received")
        self.close_button.setEnabled(status == "accepted")
        self.note_button.setEnabled(clue is not None)
        self.reveal_button.setEnabled(clue is not None and clue.id not in self.model.revealed)
        self.details.setText(self._details(clue) if clue is not None else "")

    def _details(self, clue: ClueRow) -> str:
        parts = [
            self.tr("电话：{0}").format(self.model.phone(clue)),
            self.tr("查询码：{0}").format(clue.query_code),
        ]
        if clue.amount_owed is not None:
            parts.append(self.tr("欠薪 {0} 元").format(clue.amount_owed))
        if clue.months_owed is not None:
            parts.append(self.tr("{0} 个月").format(clue.months_owed))
        if clue.accepted_on is not None:
            parts.append(self.tr("受理：{0}").format(clue.accepted_on.isoformat()))
        if clue.closed_on is not None:
            parts.append(self.tr("办结：{0}").format(clue.closed_on.isoformat()))
        lines = ["　".join(parts)]
        if clue.description:
            lines.append(self.tr("情况：{0}").format(clue.description))
        if clue.reject_reason:
            lines.append(self.tr("不予受理理由：{0}").format(clue.reject_reason))
        if clue.public_note:
            lines.append(self.tr("群众可见说明：{0}").format(clue.public_note))
        return "\n".join(lines)

    def _on_change(self, change: Change) -> None:
        if change.touches(*_RELOAD_ON):
            self.reload()
