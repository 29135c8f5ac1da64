"""The 重点群体就业情况 card: people of a priority group employed and not, stacked.

What the bars are follows the station's scope: a village sees its priority groups;
a township its villages; the county its townships, and a click on a township
shows that township's villages (返回 goes back). A township or the county picks
the group in the card's list (脱贫人口（含监测对象） first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QToolButton, QWidget

from broker_app.domain.common.enums import OrgLevel
from broker_app.services.stats.overview import (
    PRIORITY_KEYS,
    PRIORITY_NAMES,
    Overview,
    group_rows,
    township_name,
    unit_rows,
)
from broker_app.ui.charts.bar import BarChart
from broker_app.ui.charts.scale import count_text
from broker_app.ui.stats.chart_card import ChartCard
from broker_app.ui.stats.chart_data import priority_chart


class PriorityCard(ChartCard):
    def __init__(self, parent: QWidget | None = None, *, image_note: Callable[[], str]) -> None:
        chart = BarChart(horizontal=True, stacked=True)
        chart.fit_rows = True
        super().__init__("", chart, parent, scrolling=True, image_note=image_note)
        self.bar_chart = chart
        self.set_title(self.tr("重点群体就业情况"))
        self.group_box = QComboBox(self)
        self.group_box.setToolTip(self.tr("选择重点群体"))
        for key in PRIORITY_KEYS:
            # The names are domain labels (see the update script's domain_labels).
            self.group_box.addItem(QCoreApplication.translate("labels", PRIORITY_NAMES[key]), key)
        self.back_button = QToolButton(self)
        self.back_button.setText(self.tr("返回全市"))
        self.back_button.setToolTip(self.tr("回到各镇街的对比"))
        self.back_button.hide()
        self.controls.addWidget(self.back_button)
        self.controls.addWidget(self.group_box)
        self.group_box.currentIndexChanged.connect(lambda _index: self._refresh())
        self.back_button.clicked.connect(self.back)
        chart.category_clicked.connect(self.drill_into)
        self._overview: Overview | None = None
        #: The township drilled into (county stations only).
        self.township: str | None = None

    def show_overview(self, overview: Overview) -> None:
        self._overview = overview
        self._refresh()

    def group_key(self) -> str:
        return str(self.group_box.currentData())

    def set_group(self, key: str) -> None:
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(key)))

    def drill_into(self, index: int) -> None:
        data = self.bar_chart.chart_data()
        overview = self._overview
        if data is None or overview is None or overview.scope_level is not OrgLevel.COUNTY:
            return
        if self.township is None and 0 <= index < len(data.keys):
            self.township = data.keys[index]
            self._refresh()

    def back(self) -> None:
        self.township = None
        self._refresh()

    def _refresh(self) -> None:
        overview = self._overview
        if overview is None:
            return
        level = overview.scope_level
        county = level is OrgLevel.COUNTY
        self.group_box.setVisible(level is not OrgLevel.VILLAGE)
        self.back_button.setVisible(county and self.township is not None)
        name = self.group_box.currentText()
        if level is OrgLevel.VILLAGE:
            rows = group_rows(overview.total)
            note = self.tr("本村各重点群体；一人可属多个群体")
        elif county and self.township is None:
            rows = unit_rows(overview, self.group_key())
            note = self.tr("{0}，按镇街，未就业多的在前；点击镇街查看其各村").format(name)
        else:
            rows = unit_rows(overview, self.group_key(), self.township)
            place = township_name(overview, self.township) if self.township else ""
            note = self.tr("{0}{1}，按村，未就业多的在前").format(place, name)
        self.bar_chart.set_clickable(county and self.township is None)
        self.bar_chart.bar_label = lambda index: self.tr("{0}（未就业 {1}）").format(
            count_text(rows[index].total), count_text(rows[index].not_employed)
        )
        self.bar_chart.set_data(priority_chart(rows))
        self.set_note(note)
