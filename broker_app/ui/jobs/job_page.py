"""岗位 page: search and filters above the table of postings; add, edit, import,
recommend workers, and mark a posting 已满员, closed or open again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.jobs.query import JobFilter
from broker_app.services.changes import Change, RecordKind
from broker_app.services.jobs.importing import JobImportService
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.settings.station import StationService
from broker_app.services.workbook_import import ImportResult
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_open_file
from broker_app.ui.jobs.job_filters import JobFilterBar
from broker_app.ui.jobs.job_model import COLUMNS, JobTableModel
from broker_app.ui.progress import run_with_progress
from broker_app.ui.shortcuts import add_find_shortcut


class JobsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = JobPostingService(ctx.store)
        self.last_import: ImportResult | None = None
        station_org = StationService(ctx.store).info().org_code
        self.filters = JobFilterBar(self)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("新增岗位"), self)
        self.recommend_button = QPushButton(self.tr("推荐劳动力"), self)
        self.recommend_button.setToolTip(
            self.tr("按工种、意向、就近和重点群体为所选岗位推荐劳动力")
        )
        self.import_button = QPushButton(self.tr("从表格导入…"), self)
        for widget in (self.count_label, self.new_button, self.recommend_button,
                       self.import_button):  # fmt: skip
            self.filters.trailing.addWidget(widget)
        self.model = JobTableModel(self.service, station_org, self)
        self.model.job_filter = self.filters.current_filter()
        self.table = QTableView(self)
        self._setup_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        self.filters.filter_changed.connect(self._filter_changed)
        self.model.count_changed.connect(self._show_count)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.recommend_button.clicked.connect(self._recommend_current)
        self.import_button.clicked.connect(self.choose_workbook)
        ctx.changed.connect(self._on_change)
        add_find_shortcut(self, self.filters.search_box)
        self.model.reload()

    # -- actions -----------------------------------------------------------------------
    def current_job_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def open_editor(self, job_id: str | None) -> None:
        from broker_app.ui.jobs.job_editor import JobEditorDialog

        dialog = JobEditorDialog(self.ctx, job_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_recommendations(self, job_id: str) -> None:
        from broker_app.ui.jobs.recommend_view import WorkersForJobDialog

        dialog = WorkersForJobDialog(self.ctx, job_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def set_status(self, job_id: str, status: JobStatus) -> None:
        actions: dict[JobStatus, Callable[[str], Change]] = {
            JobStatus.FILLED: self.service.mark_filled,
            JobStatus.CLOSED: self.service.close,
            JobStatus.OPEN: self.service.reopen,
        }
        act = actions[status]
        self.ctx.runner.run_db(
            lambda: act(job_id), self.ctx.broadcast, lambda exc: show_error(self, exc), owner=self
        )

    def choose_workbook(self) -> None:
        name = ask_open_file(
            self, FileKind.JOBS, self.tr("选择岗位表格"), self.tr("Excel 工作簿 (*.xlsx *.xlsm)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, *, show_result: bool = True) -> None:
        """Import in the background with a progress dialog, then show what happened."""
        service = JobImportService(self.ctx.store)

        def done(result: ImportResult) -> None:
            self.last_import = result
            self.ctx.broadcast(result.changes)
            if show_result:
                from broker_app.ui.jobs.import_result import ImportResultDialog

                dialog = ImportResultDialog(result, self.window())
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.open()

        run_with_progress(
            self.ctx.runner,
            self,
            self.tr("导入岗位"),
            lambda progress, cancel: service.run(path, progress=progress, cancel=cancel),
            done,
            lambda exc: show_error(self, exc, self.tr("导入失败")),
        )

    # -- setup -------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.activated.connect(self._row_activated)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, spec in enumerate(COLUMNS):
            header.resizeSection(column, round(spec.width * char) + 16)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_requested)

    # -- reactions ---------------------------------------------------------------------
    def _filter_changed(self, flt: JobFilter) -> None:
        self.model.set_filter(flt)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.is_sortable(column):
            self.model.sort(column, order)

    def _on_change(self, change: Change) -> None:
        if change.touches(RecordKind.JOB, RecordKind.MATCH):
            self.model.apply_change(change)

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("共 {0} 个岗位").format(QLocale().toString(count)))

    def _row_activated(self, index: QModelIndex) -> None:
        job_id = self.model.record_id(index.row())
        if job_id:
            self.open_editor(job_id)

    def _recommend_current(self) -> None:
        job_id = self.current_job_id()
        if job_id:
            self.open_recommendations(job_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        job_id = self.model.record_id(index.row()) if index.isValid() else None
        if job_id is None:
            return
        row = self.model.row_at(index.row())
        status = row.status if row is not None else None
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self.open_editor(job_id))
        menu.addAction(self.tr("推荐劳动力…"), lambda: self.open_recommendations(job_id))
        menu.addSeparator()
        if status == JobStatus.OPEN.value:
            menu.addAction(self.tr("标为已满员"), lambda: self.set_status(job_id, JobStatus.FILLED))
            menu.addAction(self.tr("关闭岗位"), lambda: self.set_status(job_id, JobStatus.CLOSED))
        else:
            menu.addAction(self.tr("重新招聘"), lambda: self.set_status(job_id, JobStatus.OPEN))
            if status == JobStatus.FILLED.value:
                menu.addAction(
                    self.tr("关闭岗位"), lambda: self.set_status(job_id, JobStatus.CLOSED)
                )
        menu.exec(self.table.viewport().mapToGlobal(pos))
