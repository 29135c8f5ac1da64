"""统计 page: the station's figures as charts, and the 帮扶预警 list.

Every number comes from a service function (``services.stats.monthly`` through
``stats_overview``, ``stats_trends``, ``stats_training``, ``watch_list``), the
same ones behind the 月度统计表, so the screen and the workbook agree.

Counting runs on the database lane in four parts (roster figures, exports,
matches, trainings), one more per registered section (``ui.stats.sections``), and
each chart is drawn as soon as its part arrives; a
recount keeps the old charts until the new figures are in. The 帮扶预警 tab counts
on the runner's read lane, so it never waits behind the charts: at once when its
tab is the one shown (or as soon as it is opened), else when the charts are in (a
county's summary takes as long as all the charts together, and on two shared cores
counting both at once slows the charts the broker is looking at). The page counts again
after relevant writes, debounced, and only while it is shown (``refresh``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.settings.station import StationService
from broker_app.services.stats.overview import load_overview
from broker_app.services.stats.training import training_progress
from broker_app.services.stats.trends import (
    exports_by_month,
    match_moves_by_month,
    recent_months,
)
from broker_app.ui.charts.scale import count_text
from broker_app.ui.context import AppContext
from broker_app.ui.errors import user_message
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.rights.clue_stats import ClueStatsPanel
from broker_app.ui.stats.charts_panel import ChartsPanel
from broker_app.ui.stats.refresh import RefreshScheduler
from broker_app.ui.stats.sections import STATS_SECTIONS, StatsSection
from broker_app.ui.stats.watch_panel import WatchPanel

log = logging.getLogger(__name__)


class StatsPage(QWidget):
    #: Every chart has the figures of the latest count.
    charts_loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        sections: Sequence[StatsSection] = STATS_SECTIONS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sections = tuple(sections)
        self._today = today
        self._generation = 0
        self._pending: set[str] = set()
        #: The 帮扶预警 list has not been counted since the page started counting.
        self._watch_due = False
        self._station_name = ""
        self.scope_label = QLabel(self)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.1)
        self.scope_label.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setStyleSheet("color: #666666;")
        self.settings_button = QPushButton(self.tr("设置目标…"), self)
        self.settings_button.setToolTip(self.tr("本驿站的年度培训目标和帮扶预警规则"))
        self.save_button = QPushButton(self.tr("全部存为图片…"), self)
        self.save_button.setToolTip(self.tr("把整页统计图存为一张 PNG 图片"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setToolTip(self.tr("重新统计（F5）"))
        self.refresh_button.setShortcut(Qt.Key.Key_F5)

        self.charts = ChartsPanel(self, image_note=self.image_note)
        self.section_widgets = [
            section.make(self.charts.body, self.image_note) for section in self.sections
        ]
        for widget in self.section_widgets:
            self.charts.add_section(widget)
        self.watch = WatchPanel(ctx, self, today=today)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.charts, self.tr("统计图表"))
        self.tabs.addTab(self.watch, self.tr("帮扶预警"))
        self.tabs.addTab(ClueStatsPanel(ctx, self, today=today), self.tr("欠薪线索"))

        header = QHBoxLayout()
        header.addWidget(self.scope_label)
        header.addWidget(self.state_label, 1)
        header.addWidget(self.settings_button)
        header.addWidget(self.save_button)
        header.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self.settings_button.clicked.connect(self.open_settings)
        self.save_button.clicked.connect(self.ask_save_all)
        self.refresh_button.clicked.connect(self.reload)
        self.watch.settings_requested.connect(self.open_settings)
        self.watch.loaded.connect(self._watch_loaded)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.scheduler = RefreshScheduler(ctx, self)
        self.scheduler.due.connect(self.reload)
        self.reload()

    # -- counting -----------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return bool(self._pending)

    @property
    def generation(self) -> int:
        """How many times the page has started counting."""
        return self._generation

    def reload(self) -> None:
        """Count everything again; each chart is redrawn when its figures arrive."""
        self._generation += 1
        generation = self._generation
        self._show_station()
        store = self.ctx.store
        today = self._today()
        months = recent_months(today)
        charts = self.charts
        parts: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {
            "overview": (lambda: load_overview(store, today), charts.show_overview),
            "exports": (lambda: exports_by_month(store, months), charts.show_exports),
            "matches": (lambda: match_moves_by_month(store, months), charts.show_matches),
            "training": (lambda: training_progress(store, today.year), charts.show_training),
        }
        for section, widget in zip(self.sections, self.section_widgets, strict=True):
            parts[f"section:{section.key}"] = (
                functools.partial(section.count, store, today),
                widget.show_figures,
            )
        self._pending = set(parts)
        self._watch_due = True
        self.state_label.setText(self.tr("正在统计…"))
        for name, (count, show) in parts.items():
            self.ctx.runner.run_db(
                count,
                self._deliver(generation, name, show),
                self._failed(generation, name),
                owner=self,
            )
        if self.tabs.currentWidget() is self.watch:
            self._count_watch()

    def _deliver(
        self, generation: int, name: str, show: Callable[[Any], None]
    ) -> Callable[[Any], None]:
        def deliver(result: Any) -> None:
            if generation != self._generation:
                return  # a newer count is on its way
            show(result)
            self._pending.discard(name)
            if not self._pending:
                stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
                self.state_label.setText(self.tr("统计于 {0}，人数为当前花名册").format(stamp))
                self.charts_loaded.emit()
                self._count_watch()

        return deliver

    def _failed(self, generation: int, name: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            log.error("statistics part %s failed", name, exc_info=exc)
            if generation == self._generation:
                self.state_label.setText(self.tr("统计出错：{0}").format(user_message(exc)))
                self._count_watch()  # the charts will not all come in

        return failed

    def _show_station(self) -> None:
        """The station's name (it may have been renamed since the last count)."""
        station = StationService(self.ctx.store).info()
        unit = station.org_unit
        self._station_name = station.name or (unit.name if unit else "")
        self.scope_label.setText(self._station_name)

    def _count_watch(self) -> None:
        """Count the 帮扶预警 list, once per count of the page."""
        if self._watch_due:
            self._watch_due = False
            self.watch.reload()

    def _tab_shown(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.watch:
            self._count_watch()

    def _watch_loaded(self, people: int) -> None:
        index = self.tabs.indexOf(self.watch)
        self.tabs.setTabText(index, self.tr("帮扶预警（{0}）").format(count_text(people)))

    # -- visibility ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scheduler.set_visible(True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.scheduler.set_visible(False)
        super().hideEvent(event)

    # -- actions -------------------------------------------------------------------------
    def image_note(self) -> str:
        parts = [self._station_name, self.tr("统计日期：{0}").format(self._today().isoformat())]
        return "　".join(part for part in parts if part)

    def open_settings(self) -> None:
        from broker_app.ui.stats.settings_dialog import StatsSettingsDialog

        dialog = StatsSettingsDialog(self.ctx, self._today().year, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def ask_save_all(self) -> None:
        name = f"统计图表_{self._today():%Y%m%d}.png"
        chosen = ask_save_file(
            self, FileKind.IMAGES, self.tr("全部存为图片"), name, self.tr("PNG 图片 (*.png)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if not self.save_all_png(path):
            QMessageBox.warning(
                self, self.tr("全部存为图片"), self.tr("无法保存图片到：\n{0}").format(path)
            )

    def save_all_png(self, path: Path) -> bool:
        title = self.tr("{0}统计图表").format(self.scope_label.text())
        return self.charts.save_all_png(path, title, self.image_note())
