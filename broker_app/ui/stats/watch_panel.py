"""The 帮扶预警 tab: priority-group workers who need attention, each with the reason
in words. Double-click or Enter opens the worker; the list exports to a workbook.

The rules (days since a job ended, days without a follow-up) are the station's
settings, changed in the page's settings dialog; the group and reason lists
narrow what is shown and exported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import PriorityGroup
from broker_app.services.assistance.watch_list import (
    ALL_GROUPS,
    WatchList,
    WatchReason,
    load_rules,
    watch_list,
)
from broker_app.ui.charts.scale import count_text
from broker_app.ui.context import AppContext
from broker_app.ui.errors import user_message
from broker_app.ui.flow_layout import wrapping_row
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.stats.watch_model import COLUMNS, WatchTableModel

log = logging.getLogger(__name__)

_CONTEXT = "WatchPanel"
_FIRST: Final = frozenset({PriorityGroup.POVERTY_ALLEVIATED, PriorityGroup.MONITORED})
#: (name, groups) of the group list.
_GROUP_CHOICES: Final = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "全部重点群体"), ALL_GROUPS),
    (QT_TRANSLATE_NOOP(_CONTEXT, "脱贫人口（含监测对象）"), _FIRST),
)


class WatchPanel(QWidget):
    #: The list was loaded: number of people on it.
    loaded = Signal(int)
    #: The broker asked to change the rules.
    settings_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self._generation = 0
        self.watch: WatchList | None = None

        self.rules_label = QLabel(self)
        self.rules_label.setWordWrap(True)
        self.rules_button = QPushButton(self.tr("修改规则…"), self)
        self.rules_button.clicked.connect(self.settings_requested)
        self.group_box = QComboBox(self)
        for name, groups in _GROUP_CHOICES:
            self.group_box.addItem(self.tr(name), groups)
        for group in PriorityGroup:
            self.group_box.addItem(enum_label(group), frozenset({group}))
        self.reason_box = QComboBox(self)
        self.reason_box.addItem(self.tr("全部原因"), None)
        for reason in WatchReason:
            self.reason_box.addItem(enum_label(reason), reason)
        self.count_label = QLabel(self)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setToolTip(self.tr("打开所选人员的资料（也可双击或按回车）"))
        self.export_button = QPushButton(self.tr("导出表格…"), self)
        self.export_button.setToolTip(self.tr("把当前列表导出为 Excel 工作簿"))

        self.model = WatchTableModel(self)
        self.table = QTableView(self)
        self._setup_table()

        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules_label, 1)
        rules_row.addWidget(self.rules_button)
        # Wraps at 1366x768 and 150%, where the row is wider than the page.
        filter_row = wrapping_row(
            self,
            [QLabel(self.tr("群体"), self), self.group_box, QLabel(self.tr("原因"), self),
             self.reason_box, self.count_label, self.open_button, self.export_button],
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(rules_row)
        layout.addWidget(filter_row)
        layout.addWidget(self.table, 1)

        self.group_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.reason_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.open_button.clicked.connect(self.open_current)
        self.export_button.clicked.connect(self.export)
        self.count_label.setText(self.tr("正在查找…"))

    # -- what is shown ------------------------------------------------------------------
    def groups(self) -> frozenset[PriorityGroup]:
        chosen = self.group_box.currentData()
        return chosen if isinstance(chosen, frozenset) else ALL_GROUPS

    def reason(self) -> WatchReason | None:
        chosen = self.reason_box.currentData()
        return chosen if isinstance(chosen, WatchReason) else None

    def reload(self) -> None:
        """Find the list again (off the GUI thread); the old list stays until then."""
        self._generation += 1
        generation = self._generation
        store, groups, reason, today = self.ctx.store, self.groups(), self.reason(), self._today()

        def find() -> WatchList:
            return watch_list(store, load_rules(store), groups=groups, reason=reason, today=today)

        def done(found: WatchList) -> None:
            if generation == self._generation:
                self._show(found)

        def failed(exc: BaseException) -> None:
            log.error("watch list failed", exc_info=exc)
            if generation == self._generation:
                self.count_label.setText(user_message(exc))

        self.ctx.runner.run_db(find, done, failed, owner=self)

    def _show(self, found: WatchList) -> None:
        self.watch = found
        self.model.set_entries(found.entries)
        rules = found.rules
        self.rules_label.setText(
            self.tr(
                "列出重点群体中：未就业的；{0} 天内离岗的；超过 {1} 天未跟踪服务的"
                "（无劳动能力者除外）。"
            ).format(rules.job_end_days, rules.follow_up_days)
        )
        counts = "　".join(
            f"{enum_label(reason)} {count_text(found.count(reason))}" for reason in WatchReason
        )
        self.count_label.setText(
            self.tr("共 {0} 人（{1}）").format(count_text(len(found.entries)), counts)
            + self.tr("；按紧急程度排序，本周先处理前 {0} 人").format(
                count_text(len(found.this_week))
            )
        )
        self.export_button.setEnabled(bool(found.entries))
        self.loaded.emit(len(found.entries))

    # -- actions ------------------------------------------------------------------------
    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

    def open_worker(self, worker_id: str) -> None:
        from broker_app.ui.worker_editor.dialog import WorkerEditorDialog

        dialog = WorkerEditorDialog(self.ctx, worker_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export(self) -> None:
        # The Excel writer is loaded on first export, not with the page.
        from broker_app.ui.stats import watch_export

        people = len(self.watch.entries) if self.watch else 0
        watch_export.ask_watch_export(self.ctx, self, people, self.groups(), self.reason())

    # -- setup --------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        char = self.fontMetrics().horizontalAdvance("中")
        for column, (_title, _cell, width) in enumerate(COLUMNS):
            header.resizeSection(column, round(width * char) + 16)
        # Double-click, or Enter on the selected row.
        table.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        worker_id = self.model.worker_id(index.row())
        if worker_id:
            self.open_worker(worker_id)
