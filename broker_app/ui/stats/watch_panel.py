"""The 帮扶预警 tab: priority-group workers who need attention, each with the reason
in words. Double-click or Enter opens the worker; the list exports to a workbook.

A village station sees its ranked list directly. A township or the county (tens of
thousands of people on the list) first sees the villages ranked by urgency, how many
on the list and how many 紧急 in each (``services.assistance.watch_summary``);
double-click, Enter or 查看名单 opens a village's ranked list, 返回各村汇总 goes back.

The rules (days since a job ended, days without a follow-up) are the station's
settings, changed in the page's settings dialog; the group and reason lists
narrow what is shown and exported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any, Final

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import OrgLevel, PriorityGroup
from broker_app.domain.org.codes import level_of
from broker_app.services.assistance.watch_list import (
    ALL_GROUPS,
    WatchList,
    WatchReason,
    WatchRules,
    load_rules,
    place_name,
    watch_list,
)
from broker_app.services.assistance.watch_summary import WatchSummary, watch_summary
from broker_app.services.settings.station import StationService
from broker_app.ui.charts.scale import count_text
from broker_app.ui.context import AppContext
from broker_app.ui.errors import user_message
from broker_app.ui.flow_layout import wrapping_row
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.stats import watch_model, watch_village_model
from broker_app.ui.stats.watch_model import WatchTableModel
from broker_app.ui.stats.watch_village_model import WatchVillageModel

log = logging.getLogger(__name__)

_CONTEXT = "WatchPanel"
_FIRST: Final = frozenset({PriorityGroup.POVERTY_ALLEVIATED, PriorityGroup.MONITORED})
#: (name, groups) of the group list.
_GROUP_CHOICES: Final = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "全部重点群体"), ALL_GROUPS),
    (QT_TRANSLATE_NOOP(_CONTEXT, "脱贫人口（含监测对象）"), _FIRST),
)


class WatchPanel(QWidget):
    #: The list (or the summary by village) was loaded: number of people on it.
    loaded = Signal(int)
    #: A village's own list was loaded on drill-down: its code, its people.
    village_loaded = Signal(str, int)
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
        self.summary: WatchSummary | None = None
        #: The village whose list is shown (drilled into from the summary), if any.
        self.village: str | None = None

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
        self.export_button = QPushButton(self.tr("导出表格…"), self)
        self.export_button.setToolTip(self.tr("把当前列表导出为 Excel 工作簿"))

        self.model = WatchTableModel(self)
        self.table = QTableView(self)
        self.village_model = WatchVillageModel(self)
        self.village_table = QTableView(self)
        self.back_button = QPushButton(self.tr("← 返回各村汇总"), self)
        self.village_label = QLabel(self)
        self._setup_table(self.table, self.model, watch_model.COLUMNS)
        self._setup_table(self.village_table, self.village_model, watch_village_model.COLUMNS)
        self.table.activated.connect(self._activated)
        self.village_table.activated.connect(self._village_activated)

        people_page = QWidget(self)
        back_row = QHBoxLayout()
        back_row.setContentsMargins(0, 0, 0, 0)
        back_row.addWidget(self.back_button)
        back_row.addWidget(self.village_label, 1)
        people_layout = QVBoxLayout(people_page)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addLayout(back_row)
        people_layout.addWidget(self.table, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.village_table)
        self.stack.addWidget(people_page)
        self._people_page = people_page

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
        layout.addWidget(self.stack, 1)

        self.group_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.reason_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.open_button.clicked.connect(self.open_current)
        self.export_button.clicked.connect(self.export)
        self.back_button.clicked.connect(self.back_to_summary)
        self.count_label.setText(self.tr("正在查找…"))
        self._show_view()

    # -- what is shown ------------------------------------------------------------------
    @property
    def by_village(self) -> bool:
        """A township or the county: the summary by village comes first."""
        code = StationService(self.ctx.store).info().org_code
        return code is None or level_of(code) is not OrgLevel.VILLAGE

    @property
    def generation(self) -> int:
        """How many times the list has been counted (``reload``)."""
        return self._generation

    def showing_summary(self) -> bool:
        return self.stack.currentWidget() is self.village_table

    def groups(self) -> frozenset[PriorityGroup]:
        chosen = self.group_box.currentData()
        return chosen if isinstance(chosen, frozenset) else ALL_GROUPS

    def reason(self) -> WatchReason | None:
        # Qt hands a StrEnum back as its plain value.
        chosen = self.reason_box.currentData()
        return next((reason for reason in WatchReason if reason == chosen), None)

    def reload(self) -> None:
        """Find the list again (off the GUI thread); the old list stays until then.
        A township or the county counts the summary, and the open village's list."""
        self._generation += 1
        generation = self._generation
        store, groups, reason, today = self.ctx.store, self.groups(), self.reason(), self._today()
        if self.by_village:

            def count() -> WatchSummary:
                return watch_summary(
                    store, load_rules(store), groups=groups, reason=reason, today=today
                )

            self._run(generation, count, self._show_summary)
            if self.village is not None:
                self._load_village(self.village)
        else:

            def find() -> WatchList:
                return watch_list(
                    store, load_rules(store), groups=groups, reason=reason, today=today
                )

            self._run(generation, find, self._show_list)

    def drill_into(self, village: str) -> None:
        """Show ``village``'s own ranked list."""
        self.village = village
        self.village_label.setText(place_name(village))
        self.model.set_entries(())
        self._show_view()
        self._load_village(village)

    def back_to_summary(self) -> None:
        self.village = None
        self._show_view()

    def _load_village(self, village: str) -> None:
        generation = self._generation
        store, groups, reason, today = self.ctx.store, self.groups(), self.reason(), self._today()

        def find() -> WatchList:
            return watch_list(
                store, load_rules(store), groups=groups, reason=reason, today=today,
                village=village,
            )  # fmt: skip

        def show(found: WatchList) -> None:
            if village == self.village:
                self._show_village(village, found)

        self._run(generation, find, show)

    def _run(self, generation: int, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        def done(result: Any) -> None:
            if generation == self._generation:
                show(result)

        def failed(exc: BaseException) -> None:
            log.error("watch list failed", exc_info=exc)
            if generation == self._generation:
                self.count_label.setText(user_message(exc))

        # Its own lane: a county's summary does not wait behind the page's charts.
        self.ctx.runner.run_read(work, done, failed, owner=self)

    def _show_view(self) -> None:
        summary = self.by_village and self.village is None
        self.stack.setCurrentWidget(self.village_table if summary else self._people_page)
        self.back_button.setVisible(self.village is not None)
        self.village_label.setVisible(self.village is not None)
        if summary:
            self.open_button.setText(self.tr("查看名单"))
            self.open_button.setToolTip(self.tr("查看所选村的预警名单（也可双击或按回车）"))
        else:
            self.open_button.setText(self.tr("打开"))
            self.open_button.setToolTip(self.tr("打开所选人员的资料（也可双击或按回车）"))

    def _show_rules(self, rules: WatchRules) -> None:
        self.rules_label.setText(
            self.tr(
                "列出重点群体中：未就业的；{0} 天内离岗的；超过 {1} 天未跟踪服务的"
                "（无劳动能力者除外）。"
            ).format(rules.job_end_days, rules.follow_up_days)
        )

    def _reason_counts(self, count: Callable[[WatchReason], int]) -> str:
        return "　".join(
            f"{enum_label(reason)} {count_text(count(reason))}" for reason in WatchReason
        )

    def _show_list(self, found: WatchList) -> None:
        self.watch = found
        self.model.set_entries(found.entries)
        self._show_rules(found.rules)
        self.count_label.setText(
            self.tr("共 {0} 人（{1}）").format(
                count_text(len(found.entries)), self._reason_counts(found.count)
            )
            + self.tr("；按紧急程度排序，本周先处理前 {0} 人").format(
                count_text(len(found.this_week))
            )
        )
        self.export_button.setEnabled(bool(found.entries))
        self.loaded.emit(len(found.entries))

    def _show_summary(self, summary: WatchSummary) -> None:
        self.summary = summary
        self.village_model.set_villages(summary.villages)
        self._show_rules(summary.rules)
        self.count_label.setText(
            self.tr("共 {0} 人，其中紧急 {1} 人（{2}）").format(
                count_text(summary.people),
                count_text(summary.urgent),
                self._reason_counts(summary.count),
            )
            + self.tr("；{0} 个村按紧急人数排序").format(count_text(len(summary.villages)))
        )
        self.export_button.setEnabled(bool(summary.people))
        self.loaded.emit(summary.people)

    def _show_village(self, village: str, found: WatchList) -> None:
        self.watch = found
        self.model.set_entries(found.entries)
        self.village_label.setText(
            self.tr("{0}：共 {1} 人，按紧急程度排序，本周先处理前 {2} 人").format(
                place_name(village),
                count_text(len(found.entries)),
                count_text(len(found.this_week)),
            )
        )
        self.village_loaded.emit(village, len(found.entries))

    # -- actions ------------------------------------------------------------------------
    def open_current(self) -> None:
        if self.showing_summary():
            index = self.village_table.currentIndex()
            if index.isValid():
                self._village_activated(index)
            return
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

    def open_worker(self, worker_id: str) -> None:
        from broker_app.ui.worker_editor.dialog import WorkerEditorDialog

        dialog = WorkerEditorDialog(self.ctx, worker_id, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export(self) -> None:
        """The list shown: a village's when one is open, else the whole list."""
        # The Excel writer is loaded on first export, not with the page.
        from broker_app.ui.stats import watch_export

        if self.village is not None or self.summary is None:
            people = len(self.watch.entries) if self.watch else 0
        else:
            people = self.summary.people
        watch_export.ask_watch_export(
            self.ctx, self, people, self.groups(), self.reason(), village=self.village,
            today=self._today(),
        )  # fmt: skip

    # -- setup --------------------------------------------------------------------------
    def _setup_table(
        self, table: QTableView, model: Any, columns: tuple[tuple[str, Any, float], ...]
    ) -> None:
        table.setModel(model)
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
        for column, (_title, _cell, width) in enumerate(columns):
            header.resizeSection(column, round(width * char) + 16)

    def _activated(self, index: QModelIndex) -> None:
        """Double-click, or Enter on the selected person."""
        worker_id = self.model.worker_id(index.row())
        if worker_id:
            self.open_worker(worker_id)

    def _village_activated(self, index: QModelIndex) -> None:
        """Double-click, or Enter on the selected village."""
        code = self.village_model.village_code(index.row())
        if code:
            self.drill_into(code)
