"""The 统计图表 tab: headline figures, then the charts in two columns, each filled in
when its part of the statistics arrives (``show_*``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from broker_app.services.stats.overview import Overview
from broker_app.services.stats.training import TrainingProgress
from broker_app.services.stats.trends import ExportMonth, MatchMonths
from broker_app.ui.charts.bar import BarChart
from broker_app.ui.charts.chart import ChartView
from broker_app.ui.charts.image import save_chart_png
from broker_app.ui.charts.line import LineChart
from broker_app.ui.charts.scale import count_text, percent_text
from broker_app.ui.stats import chart_data
from broker_app.ui.stats.chart_card import ChartCard
from broker_app.ui.stats.kpi import KpiStrip
from broker_app.ui.stats.priority_card import PriorityCard
from broker_app.ui.stats.sections import SectionWidget


class ChartsPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None, *, image_note: Callable[[], str]) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self)
        self.kpis = KpiStrip(self.body)
        self.status_card = ChartCard(
            self.tr("劳动力就业状态"), BarChart(), self.body, image_note=image_note
        )
        self.tier_card = ChartCard(
            self.tr("已就业人员务工地域"), BarChart(), self.body, image_note=image_note
        )
        self.priority_card = PriorityCard(self.body, image_note=image_note)
        self.training_chart = BarChart(horizontal=True)
        self.training_card = ChartCard(
            self.tr("培训完成情况"), self.training_chart, self.body, image_note=image_note
        )
        self.match_card = ChartCard(
            self.tr("匹配进展（近12个月）"), LineChart(), self.body, image_note=image_note
        )
        self.export_chart = BarChart()
        self.export_chart.label_zero = False
        self.export_card = ChartCard(
            self.tr("劳务输出人数（近12个月）"), self.export_chart, self.body, image_note=image_note
        )
        self.export_chart.value_suffix = self.tr(" 人")
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.status_card, 0, 0)
        grid.addWidget(self.tier_card, 0, 1)
        grid.addWidget(self.priority_card, 1, 0)
        grid.addWidget(self.training_card, 1, 1)
        grid.addWidget(self.match_card, 2, 0)
        grid.addWidget(self.export_card, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self.kpis)
        layout.addLayout(grid)
        self._sections_layout = QVBoxLayout()
        self._sections_layout.setSpacing(10)
        layout.addLayout(self._sections_layout)
        layout.addStretch(1)
        self.sections: list[SectionWidget] = []
        self.setWidget(self.body)
        self.set_loading(self.tr("正在统计…"))

    def cards(self) -> list[ChartCard]:
        return [
            self.status_card,
            self.tier_card,
            self.priority_card,
            self.training_card,
            self.match_card,
            self.export_card,
        ]

    def charts(self) -> list[ChartView]:
        own = [card.chart for card in self.cards()]
        return own + [chart for section in self.sections for chart in section.charts()]

    def add_section(self, section: SectionWidget) -> None:
        """A registered section (``ui.stats.sections``), below the page's own charts."""
        self.sections.append(section)
        self._sections_layout.addWidget(section.widget())
        for chart in section.charts():
            if chart.chart_data() is None:
                chart.set_message(self.tr("正在统计…"))

    def set_loading(self, text: str) -> None:
        """Say ``text`` on every chart that has nothing to show yet."""
        for chart in self.charts():
            if chart.chart_data() is None:
                chart.set_message(text)

    # -- the parts --------------------------------------------------------------------
    def show_overview(self, overview: Overview) -> None:
        total = overview.total
        self.status_card.chart.set_data(chart_data.status_chart(overview))
        self.status_card.set_title(
            self.tr("劳动力就业状态（共 {0} 人）").format(count_text(total.workers))
        )
        self.tier_card.chart.set_data(chart_data.tier_chart(overview))
        self.tier_card.set_title(
            self.tr("已就业人员务工地域（共 {0} 人）").format(count_text(total.employed))
        )
        unknown = overview.tier_unknown
        self.tier_card.set_note(
            self.tr("另有 {0} 人未填务工地域").format(count_text(unknown)) if unknown else ""
        )
        self.priority_card.show_overview(overview)
        kpis = self.kpis
        kpis.workers.set_value(count_text(total.workers), self.tr("人"))
        share = overview.employed_share
        kpis.employed.set_value(
            count_text(total.employed),
            self.tr("占 {0}").format(percent_text(share)) if share is not None else "",
        )
        kpis.unemployed.set_value(count_text(overview.unemployed), self.tr("人"))
        poor = overview.poverty_or_monitored
        kpis.priority.set_value(
            count_text(poor.employed), self.tr("共 {0} 人").format(count_text(poor.total))
        )

    def show_matches(self, moves: MatchMonths) -> None:
        self.match_card.chart.set_data(chart_data.match_chart(moves))
        first, last = moves.months[0], moves.months[-1]
        self.match_card.set_note(
            self.tr("{0}至{1}，每月各状态的变动次数").format(first.label, last.label)
        )

    def show_exports(self, months: Sequence[ExportMonth]) -> None:
        self.export_card.chart.set_data(chart_data.export_chart(months))
        current = months[-1]
        self.kpis.exported.set_value(
            count_text(current.people),
            self.tr("人，{0} 批").format(count_text(current.batches)),
        )
        self.export_card.set_note(self.tr("按出发月份统计已出发批次的人员"))

    def show_training(self, progress: TrainingProgress) -> None:
        chart = self.training_chart
        chart.bar_label = lambda index: chart_data.training_label(progress, index)
        chart.set_data(chart_data.training_chart(progress))
        self.training_card.set_title(self.tr("{0}年培训完成情况（人次）").format(progress.year))
        if progress.has_targets:
            note = self.tr("竖线为本驿站目标；济宁市全年目标见各行提示")
        else:
            note = self.tr(
                "济宁市全年目标：创业培训 2000、农业经营 1万、职业技能 5000 人次；"
                "本驿站目标未设置，可点“设置目标”填写"
            )
        self.training_card.set_note(note)
        self.kpis.trained.set_value(count_text(progress.total), self.tr("人次"))

    # -- images -------------------------------------------------------------------------
    def save_all_png(self, path: Path, title: str, note: str) -> bool:
        """The whole tab (figures and charts) as one image."""
        return save_chart_png(self.body, path, title, note)
