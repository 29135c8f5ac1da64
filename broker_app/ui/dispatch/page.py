"""劳务输出 page: the batches (search, status, departure dates) above the selected
batch with its members; create, edit, add and remove people, move the batch along,
and export dispatch lists, the 就业帮扶台账 and the monthly statistics."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.dispatch.query import BatchFilter
from broker_app.services.changes import Change, RecordKind
from broker_app.services.dispatch.batches import BatchStatusChanged, DispatchService
from broker_app.services.dispatch.members import DispatchMemberService, MembersAdded
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch import export_actions
from broker_app.ui.dispatch.batch_model import COLUMNS, BatchTableModel
from broker_app.ui.dispatch.batch_panel import BatchPanel
from broker_app.ui.dispatch.filters import BatchFilterBar
from broker_app.ui.errors import show_error
from broker_app.ui.shortcuts import add_find_shortcut

#: Record kinds whose changes can alter what the page shows.
_WATCHED = (RecordKind.BATCH, RecordKind.BATCH_MEMBER, RecordKind.WORKER, RecordKind.MATCH)


class DispatchPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = DispatchService(ctx.store)
        self.members = DispatchMemberService(ctx.store)
        self.filters = BatchFilterBar(self)
        add_find_shortcut(self, self.filters.search)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("新建批次"), self)
        self.export_button = QPushButton(self.tr("导出名单…"), self)
        self.export_button.setToolTip(
            self.tr("导出所选批次的人员名单；未选择时导出列表中的全部批次")
        )
        self.reports_button = QToolButton(self)
        self.reports_button.setText(self.tr("其他报表"))
        self.reports_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Room for the text and the menu arrow the style draws over it.
        text_width = self.fontMetrics().horizontalAdvance(self.reports_button.text())
        self.reports_button.setMinimumWidth(text_width + 32)
        reports = QMenu(self.reports_button)
        reports.addAction(
            self.tr("就业帮扶台账…"), lambda: export_actions.ask_ledger_export(ctx, self)
        )
        reports.addAction(
            self.tr("月度统计表…"), lambda: export_actions.ask_stats_export(ctx, self)
        )
        self.reports_button.setMenu(reports)
        for widget in (self.count_label, self.new_button, self.export_button, self.reports_button):
            self.filters.trailing.addWidget(widget)

        self.model = BatchTableModel(self)
        self.table = QTableView(self)
        self._setup_table()
        self.panel = BatchPanel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

        self.filters.filter_changed.connect(lambda _f: self.reload())
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.export_button.clicked.connect(self.export_lists)
        self.panel.edit_requested.connect(lambda: self.open_editor(self.current_batch_id()))
        self.panel.add_requested.connect(self.add_members)
        self.panel.remove_requested.connect(self.remove_members)
        self.panel.status_requested.connect(self.change_status)
        self.panel.cancel_requested.connect(self.cancel_batch)
        self.panel.export_requested.connect(self.export_current)
        self.panel.cards_requested.connect(self.print_cards)
        ctx.changed.connect(self._on_change)
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Search again, keeping the current batch selected when it is still listed."""
        current = self.current_batch_id()
        self.model.set_rows(self.service.list_batches(self.filters.current_filter()))
        count = QLocale().toString(self.model.rowCount())
        self.count_label.setText(self.tr("共 {0} 批").format(count))
        row = self.model.row_of(current) if current else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_current()

    def current_batch_id(self) -> str | None:
        index = self.table.currentIndex()
        batch = self.model.batch(index.row()) if index.isValid() else None
        return batch.id if batch else None

    def selected_batch_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        batches = [self.model.batch(row) for row in rows]
        return [b.id for b in batches if b is not None]

    # -- actions -------------------------------------------------------------------------
    def open_editor(self, batch_id: str | None) -> None:
        from broker_app.ui.dispatch.batch_editor import BatchEditorDialog

        dialog = BatchEditorDialog(self.ctx, batch_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_members(self) -> None:
        from broker_app.ui.dispatch.member_picker import MemberPickerDialog

        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        dialog = MemberPickerDialog(self.members, self.window())
        if dialog.exec() != MemberPickerDialog.DialogCode.Accepted:
            return
        picks = dialog.picks()
        if picks:
            self.ctx.runner.run_db(
                lambda: self.members.add_members(batch_id, picks),
                self._members_added,
                self._failed,
                owner=self,
            )

    def remove_members(self, member_ids: list[str]) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None or not member_ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("移除人员"),
            self.tr("从本批次移除所选的 {0} 人？").format(len(member_ids)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.runner.run_db(
                lambda: self.members.remove_members(batch_id, member_ids),
                self.ctx.broadcast,
                self._failed,
                owner=self,
            )

    def change_status(self, target: BatchStatus) -> None:
        from broker_app.ui.dispatch.status_dialog import BatchStatusDialog

        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        name = self.service.batch(batch_id)["name"]
        dialog = BatchStatusDialog(name, target, self.window())
        if dialog.exec() != BatchStatusDialog.DialogCode.Accepted:
            return
        day = dialog.chosen_day()
        self.ctx.runner.run_db(
            lambda: self.service.change_status(batch_id, target.value, day),
            self._status_changed,
            self._failed,
            owner=self,
        )

    def cancel_batch(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("取消批次"),
            self.tr("取消这个未成行的批次？批次和人员名单将归档，不再计入统计。"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.runner.run_db(
                lambda: self.service.cancel_batch(batch_id),
                self.ctx.broadcast,
                self._failed,
                owner=self,
            )

    def export_lists(self) -> None:
        chosen = self.selected_batch_ids()
        several = len(chosen) > 1
        flt = BatchFilter(batch_ids=tuple(chosen)) if several else self._listed_filter()
        count = len(chosen) if several else self.model.rowCount()
        if count:
            export_actions.ask_dispatch_export(self.ctx, self, flt, count)

    def export_current(self) -> None:
        batch_id = self.current_batch_id()
        if batch_id is not None:
            export_actions.ask_dispatch_export(
                self.ctx, self, BatchFilter(batch_ids=(batch_id,)), 1
            )

    def print_cards(self) -> None:
        """Rights cards for everyone in the batch, through the 维权卡 print preview;
        members still without the project's card are issued one first, if the broker
        agrees."""
        batch_id = self.current_batch_id()
        if batch_id is None:
            return
        # Imported here: the card printing code loads only when first used.
        from broker_app.printing.sheets import LAYOUTS
        from broker_app.services.cards.print_jobs import CardSelection, batch_cards
        from broker_app.ui.cards.print_actions import CardPrintActions

        plan = batch_cards(self.ctx.store, batch_id)
        title = self.tr("打印维权卡")
        if plan.members == 0:
            QMessageBox.information(self, title, self.tr("这个批次还没有人员。"))
            return
        if plan.project_id is None:
            QMessageBox.information(
                self,
                title,
                self.tr(
                    "这个批次还没有关联工程项目。请在“编辑批次”中选择工程项目"
                    "（没有的先在“维权卡”页新建），再打印维权卡。"
                ),
            )
            self.open_editor(batch_id)
            return
        issue = True
        if plan.missing:
            answer = QMessageBox.question(
                self,
                title,
                self.tr("本批 {0} 人中有 {1} 人还没有“{2}”的维权卡。现在为他们发卡并打印吗？")
                .format(plan.members, plan.missing, plan.project_name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Cancel:
                return
            issue = answer == QMessageBox.StandardButton.Yes
        selection = CardSelection(batch_id=batch_id, project_id=plan.project_id, issue=issue)
        CardPrintActions(self.ctx, self).preview(selection, LAYOUTS["card"])

    # -- reactions ------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.touches(*_WATCHED):
            self.reload()

    def _members_added(self, result: MembersAdded) -> None:
        self.ctx.broadcast(result.changes)
        if result.skipped:
            lines = [f"{s.name or s.worker_id}：{s.reason}" for s in result.skipped]
            QMessageBox.information(
                self,
                self.tr("添加人员"),
                self.tr("已加入 {0} 人；以下人员未加入：\n{1}").format(
                    len(result.member_ids), "\n".join(lines)
                ),
            )

    def _status_changed(self, result: BatchStatusChanged) -> None:
        self.ctx.broadcast(result.changes)
        report = result.report
        if report.worker_ids or report.skipped:
            text = self.tr("已更新 {0} 人的就业信息，{1} 条匹配改为“已上岗”。").format(
                len(report.worker_ids), len(report.match_ids)
            )
            if report.skipped:
                text += "\n" + "\n".join(report.skipped)
            QMessageBox.information(self, self.tr("批次状态已更改"), text)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _listed_filter(self) -> BatchFilter:
        """Exactly the batches listed now (the filter the list was searched with)."""
        ids = [b.id for b in (self.model.batch(n) for n in range(self.model.rowCount())) if b]
        return BatchFilter(batch_ids=tuple(ids))

    def _show_current(self, *_args: Any) -> None:
        batch_id = self.current_batch_id()
        if batch_id is None:
            self.panel.show_batch(None, [])
            return
        self.panel.show_batch(self.service.batch(batch_id), self.service.members(batch_id))

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, (_title, width) in enumerate(COLUMNS):
            header.resizeSection(column, round(width * char) + 16)
        table.selectionModel().currentRowChanged.connect(self._show_current)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(lambda _i: self.open_editor(self.current_batch_id()))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = len(self.selected_batch_ids())
        if chosen > 1:
            self.export_button.setText(self.tr("导出所选 {0} 批名单…").format(chosen))
        else:
            self.export_button.setText(self.tr("导出名单…"))
