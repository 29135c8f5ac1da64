"""劳动力 page: search and filters above one table of the whole roster."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
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

from broker_app.services.changes import Change, RecordKind
from broker_app.services.roster.moved_out import MovedOutLine, moved_out_lines
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.privacy.reveal import audit_reveal
from broker_app.ui.roster.filters import RosterFilterBar
from broker_app.ui.roster.model import COLUMNS, RosterModel
from broker_app.ui.shortcuts import add_find_shortcut

_HEADER_KEY = "roster/header_state_v1"
_SAVE_DELAY_MS = 500


class RosterPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = WorkerService(ctx.store)
        settings = ctx.ui_settings()
        self._settings = settings
        scope = StationService(ctx.store).info().org_code

        self.filters = RosterFilterBar(scope, settings, self.service.labor_brands(), self)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("新增劳动力"), self)
        self.new_button.setToolTip(self.tr("登记一位新的劳动力（Ctrl+N）"))
        self.import_button = QPushButton(self.tr("从表格导入…"), self)
        self.import_button.setToolTip(self.tr("从 Excel 花名册批量导入劳动力"))
        self.filters.trailing.addWidget(self.count_label)
        self.filters.trailing.addWidget(self.new_button)
        self.filters.trailing.addWidget(self.import_button)

        self.model = RosterModel(self.service, self)
        self.table = QTableView(self)
        self._setup_table()
        # Workers the township or county moved to another village: their records left
        # this station; one line each (no name) says where to and when.
        self.moved_label = QLabel(self)
        self.moved_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.moved_label)
        layout.addWidget(self.table, 1)

        self._setup_actions()
        self.filters.filter_changed.connect(self.model.set_filter)
        self.filters.leave_search.connect(self._focus_table)
        self.model.count_changed.connect(self._show_count)
        self.new_button.clicked.connect(self.new_worker)
        self.import_button.clicked.connect(self.import_workbook)
        ctx.changed.connect(self._on_change)
        self._shown_once = False
        self.model.reload()
        self._show_moved_out()

    def hideEvent(self, event: QHideEvent) -> None:
        # Closing the window must not lose a column change still waiting to be saved.
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_header()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.filters.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions -----------------------------------------------------------------------
    def new_worker(self) -> None:
        self._open_editor(None)

    def import_workbook(self) -> None:
        from broker_app.ui.import_wizard.wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self.window())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def focus_search(self) -> None:
        self.filters.focus_search()

    # -- setup -------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.activated.connect(self._row_activated)
        rows = table.verticalHeader()
        rows.hide()
        # A fixed row height lets the view place 100k rows without measuring any.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, spec in enumerate(COLUMNS):
            header.resizeSection(column, round(spec.width * char) + 16)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        indicator, order = self.model.sort_column(), Qt.SortOrder.AscendingOrder
        state = self._settings.value(_HEADER_KEY)
        # The saved state brings back widths, column order and the last sort.
        restored = isinstance(state, QByteArray) and header.restoreState(state)
        if restored and self.model.is_sortable(header.sortIndicatorSection()):
            indicator, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        header.setSortIndicator(indicator, order)
        self.model.sort(indicator, order)
        header.sortIndicatorChanged.connect(self._sort_requested)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_header)
        header.sectionResized.connect(lambda *_: self._save_timer.start())
        header.sectionMoved.connect(lambda *_: self._save_timer.start())

    def _setup_actions(self) -> None:
        # Window-wide, yet live only while this page is the one shown: Qt ignores the
        # shortcuts of hidden widgets, so another page may use the same keys.
        scope = Qt.ShortcutContext.WindowShortcut
        new = QAction(self.tr("新增劳动力"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setShortcutContext(scope)
        new.triggered.connect(self.new_worker)
        self.addAction(new)
        add_find_shortcut(self, self.filters.search_box)

    # -- reactions ---------------------------------------------------------------------
    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.is_sortable(column):
            self.model.sort(column, order)
            self._save_timer.start()
            return
        # Columns the database cannot order by keep the indicator where it was.
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        current = self.model.roster_sort
        header.setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if current.descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    def _on_change(self, change: Change) -> None:
        if not change.touches(RecordKind.WORKER):
            return
        self._show_moved_out()
        current = self.table.currentIndex()
        selected = self.model.key(current.row()) if current.isValid() else None
        self.model.apply_change(change)
        row = self.model.row_of_key(selected) if selected is not None else None
        if row is not None and not self.table.currentIndex().isValid():
            # The search ran again: keep the broker on the worker they were at.
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _show_count(self, count: int) -> None:
        number = QLocale().toString(count)
        if self.filters.is_filtered():
            self.count_label.setText(self.tr("找到 {0} 人").format(number))
        else:
            self.count_label.setText(self.tr("共 {0} 人").format(number))

    def _show_moved_out(self) -> None:
        lines = moved_out_lines(self.ctx.store, limit=20)
        self.moved_label.setVisible(bool(lines))
        if not lines:
            return
        self.moved_label.setText(
            self.tr(
                "有 {0} 位劳动力已由镇街或县里调整到其他村，其信息已从本站删除。最近一位：{1}"
            ).format(len(lines), self._moved_text(lines[0]))
        )
        self.moved_label.setToolTip("\n".join(self._moved_text(line) for line in lines))

    def _moved_text(self, line: MovedOutLine) -> str:
        place = line.to_place or self.tr("其他单位")
        return self.tr("已迁出至 {0}（{1}）").format(place, line.moved_on.isoformat())

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _row_activated(self, index: QModelIndex) -> None:
        worker_id = self.model.worker_id(index.row())
        if worker_id:
            self._open_editor(worker_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        row = index.row()
        worker_id = self.model.worker_id(row)
        if worker_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("打开"), lambda: self._open_editor(worker_id))
        if self.model.is_revealed(row):
            menu.addAction(self.tr("隐藏完整信息"), lambda: self.model.set_revealed(row, False))
        else:
            menu.addAction(self.tr("显示完整信息"), lambda: self.reveal_row(row))
        menu.addSeparator()
        menu.addAction(self.tr("归档…"), lambda: self._archive(worker_id))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def reveal_row(self, row: int) -> None:
        """Show one row's ID number, phone and 帮扶身份 in full, written to the audit log."""
        worker_id = self.model.worker_id(row)
        if worker_id is None:
            return
        audit_reveal(self.ctx, worker_id)
        self.model.set_revealed(row, True)

    def _archive(self, worker_id: str) -> None:
        from broker_app.ui.worker_editor.archive import confirm_archive

        name = self.service.details(worker_id)["name"]
        if confirm_archive(self, name):
            self.ctx.runner.run_db(
                lambda: self.service.archive(worker_id), self.ctx.broadcast, owner=self
            )

    def _open_editor(self, worker_id: str | None) -> None:
        from broker_app.ui.worker_editor.dialog import WorkerEditorDialog

        dialog = WorkerEditorDialog(self.ctx, worker_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _save_header(self) -> None:
        self._settings.setValue(_HEADER_KEY, self.table.horizontalHeader().saveState())
