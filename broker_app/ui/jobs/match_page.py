"""匹配 page: matches by status (with counts), searchable; move a match to its next
status (the worker's employment record follows on 已上岗 and 离岗), and offer to mark
the posting 已满员 when its places are taken."""

from __future__ import annotations

import functools
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.jobs.query import MatchFilter
from broker_app.domain.matching.status import match_status, next_statuses
from broker_app.services.changes import Change, RecordKind
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.matching.workflow import MatchWorkflowService, StatusChanged
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.i18n import enum_label
from broker_app.ui.jobs.match_model import COLUMNS, MatchTableModel
from broker_app.ui.privacy.reveal import audit_reveal
from broker_app.ui.shortcuts import add_find_shortcut

SEARCH_DELAY_MS = 200
_ACTIVE = "active"


class MatchesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = MatchWorkflowService(ctx.store)
        self.jobs = JobPostingService(ctx.store)
        self.last_change: StatusChanged | None = None
        #: Answer to "mark the posting 已满员?"; None asks the broker.
        self.auto_mark_filled: bool | None = None

        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("搜索：劳动力姓名、岗位名称或用工单位"))
        self.status = QComboBox(self)
        self.archived = QCheckBox(self.tr("含已归档"), self)
        self.count_label = QLabel(self)
        self.change_button = QPushButton(self.tr("更改状态…"), self)
        # The broker's next act here is a call: the phone is one audited click away.
        self.reveal_button = QPushButton(self.tr("显示完整信息"), self)
        self.reveal_button.setToolTip(self.tr("显示选中劳动力的完整电话（记入审计日志）"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._apply_filter)
        self.search_box.textEdited.connect(lambda _t: self._timer.start())
        self.search_box.returnPressed.connect(self._apply_filter)
        self.search_box.textChanged.connect(lambda t: None if t else self._apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.archived.toggled.connect(lambda _b: self._apply_filter())
        self.change_button.clicked.connect(self._change_current)
        self.reveal_button.clicked.connect(self._reveal_current)
        add_find_shortcut(self, self.search_box)

        self.model = MatchTableModel(self.service, self)
        self.table = QTableView(self)
        self._setup_table()
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.status)
        top.addWidget(self.archived)
        top.addWidget(self.count_label)
        top.addWidget(self.reveal_button)
        top.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.model.count_changed.connect(self._show_count)
        ctx.changed.connect(self._on_change)
        self._fill_statuses()
        self.model.match_filter = self.current_filter()
        self.model.reload()

    # -- filter --------------------------------------------------------------------------
    def current_filter(self) -> MatchFilter:
        # Combo boxes hand enum members back as plain text: keep values, look them up.
        choice = self.status.currentData()
        return MatchFilter(
            text=self.search_box.text().strip(),
            status=match_status(choice) if isinstance(choice, str) else None,
            active_only=choice == _ACTIVE,
            include_archived=self.archived.isChecked(),
        )

    def show_status(self, status: MatchStatus | None) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(status.value if status else None)))

    # -- status changes ------------------------------------------------------------------
    def current_match_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def ask_status_change(self, row: int, preset: MatchStatus | None = None) -> None:
        """The status dialog for the match in ``row``, with ``preset`` chosen; every
        path to a new status passes here, so each move carries its date and note."""
        from broker_app.ui.jobs.status_dialog import StatusDialog

        record = self.model.row_at(row)
        if record is None:
            return
        choices = next_statuses(record.status)
        if not choices:
            QMessageBox.information(self, self.tr("更改匹配状态"), self.tr("这条匹配已结束。"))
            return
        dialog = StatusDialog(
            record.worker_name,
            record.job_title,
            choices,
            self,
            preset=preset,
        )
        if dialog.exec() == StatusDialog.DialogCode.Accepted:
            status, day, note = dialog.chosen()
            self.change_status(record.id, status, day, note)

    def change_status(self, match_id: str, status: MatchStatus, day: date, note: str) -> None:
        self.ctx.runner.run_db(
            lambda: self.service.change_status(match_id, status.value, day, note),
            self._status_changed,
            lambda exc: show_error(self, exc, self.tr("不能更改状态")),
            owner=self,
        )

    def _status_changed(self, result: StatusChanged) -> None:
        self.last_change = result
        self.ctx.broadcast(result.changes)
        if not result.job_full:
            return
        details = self.service.details(result.match_id)
        mark = self.auto_mark_filled
        if mark is None:
            answer = QMessageBox.question(
                self,
                self.tr("岗位已满员"),
                self.tr("这个岗位的录用和已上岗人数已达到招聘人数，是否标为“已满员”？"),
            )
            mark = answer == QMessageBox.StandardButton.Yes
        if mark:
            job_id = str(details["job_id"])
            self.ctx.runner.run_db(
                lambda: self.jobs.mark_filled(job_id),
                self.ctx.broadcast,
                lambda exc: show_error(self, exc),
                owner=self,
            )

    # -- setup and reactions -------------------------------------------------------------
    def _fill_statuses(self) -> None:
        counts = self.service.status_counts(MatchFilter(include_archived=self.archived.isChecked()))
        current = self.status.currentData()
        self.status.blockSignals(True)
        self.status.clear()
        total = sum(counts.values())
        self.status.addItem(self.tr("全部状态（{0}）").format(total), None)
        active = sum(n for s, n in counts.items() if s not in ("left", "rejected"))
        self.status.addItem(self.tr("进行中（{0}）").format(active), _ACTIVE)
        for status in MatchStatus:
            label = self.tr("{0}（{1}）").format(enum_label(status), counts.get(status.value, 0))
            self.status.addItem(label, status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)

    def _apply_filter(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.current_filter())

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, spec in enumerate(COLUMNS):
            header.resizeSection(column, round(spec.width * char) + 16)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.activated.connect(lambda index: self.ask_status_change(index.row()))

    def _on_change(self, change: Change) -> None:
        if change.touches(RecordKind.MATCH, RecordKind.JOB, RecordKind.WORKER):
            selected = self.current_match_id()
            self.model.apply_change(change)
            if change.touches(RecordKind.MATCH):
                self._fill_statuses()
            if selected is not None:
                row = self.model.row_of(selected)
                if row is not None:
                    self.table.selectRow(row)

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("共 {0} 条").format(count))

    def _change_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.ask_status_change(index.row())

    def reveal_row(self, row: int) -> None:
        """Show the full phone of the worker in ``row``, written to the audit log."""
        record = self.model.row_at(row)
        if record is not None:
            audit_reveal(self.ctx, record.worker_id)
            self.model.set_revealed(row)

    def _reveal_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.reveal_row(index.row())

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(pos)
        if index.isValid():
            self.context_menu(index.row()).exec(self.table.viewport().mapToGlobal(pos))

    def context_menu(self, row: int) -> QMenu:
        """The menu of the match in ``row``."""
        menu = QMenu(self)
        # A shortcut only preselects the status: the date and note are still asked,
        # as through 更改状态….
        record = self.model.row_at(row)
        for status in next_statuses(record.status) if record is not None else ():
            menu.addAction(
                self.tr("改为“{0}”…").format(enum_label(status)),
                functools.partial(self.ask_status_change, row, status),
            )
        menu.addSeparator()
        menu.addAction(self.tr("更改状态…"), lambda: self.ask_status_change(row))
        worker_id = record.worker_id if record is not None else None
        if worker_id and worker_id not in self.model.revealed:
            menu.addAction(self.tr("显示完整信息"), lambda: self.reveal_row(row))
        if worker_id:
            menu.addAction(
                self.tr("为其推荐其他岗位…"), lambda: self._jobs_for_worker(str(worker_id))
            )
        return menu

    def _jobs_for_worker(self, worker_id: str) -> None:
        from broker_app.ui.jobs.worker_recommend import open_jobs_for_worker

        open_jobs_for_worker(self.ctx, worker_id, self.window())
