"""The chart widgets: axis ticks, drawing, hover and tooltips, clicks, PNG images."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from broker_app.ui.charts import palette
from broker_app.ui.charts.bar import BarChart
from broker_app.ui.charts.chart import ChartView
from broker_app.ui.charts.data import ChartData, Series
from broker_app.ui.charts.image import EXPORT_SCALE, chart_image, header_height, save_chart_png
from broker_app.ui.charts.line import LineChart
from broker_app.ui.charts.scale import nice_ticks, tick_text


def two_series(count: int = 3) -> ChartData:
    return ChartData(
        categories=tuple(f"村{n}" for n in range(count)),
        series=(
            Series("已就业", tuple(float(n + 1) for n in range(count)), palette.GREEN),
            Series("未就业", tuple(float(2 * n) for n in range(count)), palette.ORANGE),
        ),
        notes=tuple(f"说明{n}" for n in range(count)),
        keys=tuple(f"code{n}" for n in range(count)),
    )


def shown(
    qtbot: QtBot, chart: ChartView, data: ChartData, size: tuple[int, int] = (400, 260)
) -> ChartView:
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.set_data(data)
    chart.show()
    qtbot.waitUntil(lambda: chart.draws > 0)
    return chart


@pytest.mark.parametrize(
    ("maximum", "ticks"),
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (7, [0, 2, 4, 6, 8]),
        (100, [0, 20, 40, 60, 80, 100]),
        (46403, [0, 10000, 20000, 30000, 40000, 50000]),
    ],
)
def test_ticks_are_round_whole_numbers(maximum: float, ticks: list[int]) -> None:
    assert nice_ticks(maximum) == ticks


def test_large_ticks_read_in_wan() -> None:
    assert [tick_text(v) for v in (0, 5000, 10000, 15000, 50000)] == [
        "0", "5,000", "1万", "1.5万", "5万",
    ]  # fmt: skip


@pytest.mark.parametrize("horizontal", [False, True])
def test_a_bar_chart_draws_and_explains_each_category(qtbot: QtBot, horizontal: bool) -> None:
    chart = shown(qtbot, BarChart(horizontal=horizontal), two_series())
    assert chart.message() == ""
    tip = chart.tooltip_text(2)
    assert "村2" in tip and "已就业：3" in tip and "未就业：4" in tip and "合计：7" in tip
    assert "说明2" in tip
    centre = chart.band_rect(1).center().toPoint()
    qtbot.mouseMove(chart, centre)
    qtbot.waitUntil(lambda: chart.hovered == 1)


def test_a_clickable_chart_reports_the_category(qtbot: QtBot) -> None:
    chart = shown(qtbot, BarChart(horizontal=True), two_series())
    chart.set_clickable(True)
    with qtbot.waitSignal(chart.category_clicked) as clicked:
        qtbot.mouseClick(
            chart, Qt.MouseButton.LeftButton, pos=chart.band_rect(2).center().toPoint()
        )
    assert clicked.args == [2]


def test_a_long_horizontal_chart_asks_for_its_rows(qtbot: QtBot) -> None:
    chart = BarChart(horizontal=True)
    chart.fit_rows = True
    shown(qtbot, chart, two_series(40))
    assert chart.minimumHeight() >= 40 * chart.row_height()


def test_nothing_to_show_says_so(qtbot: QtBot) -> None:
    chart = BarChart()
    qtbot.addWidget(chart)
    assert chart.message() == "暂无数据"
    chart.set_data(ChartData(("甲",), (Series("人数", (0.0,), palette.BLUE),)))
    assert chart.message() == "暂无数据"
    chart.set_message("正在统计…")
    assert chart.message() == "正在统计…"


def test_a_line_chart_lists_every_series_in_its_tooltip(qtbot: QtBot) -> None:
    chart = shown(qtbot, LineChart(), two_series(12))
    tip = chart.tooltip_text(5)
    assert "已就业：6" in tip and "未就业：10" in tip


def test_png_is_twice_the_size_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    chart = shown(qtbot, BarChart(), two_series(), size=(420, 250))
    plain = chart_image(chart)
    assert (plain.width(), plain.height()) == (840, 500)
    out = tmp_path / "chart.png"
    assert save_chart_png(chart, out, "重点群体就业情况", "太平镇　统计日期：2025-03-20")
    image = QImage(str(out))
    header = header_height(chart, "重点群体就业情况", "太平镇　统计日期：2025-03-20")
    assert header > 0
    assert (image.width(), image.height()) == (
        round(420 * EXPORT_SCALE),
        round((250 + header) * EXPORT_SCALE),
    )
    # The chart itself is in the image: a bar's colour appears below the header.
    bar = chart.band_rect(2).center().toPoint() + QPoint(0, header)
    found = {
        image.pixelColor(round(bar.x() * EXPORT_SCALE) + dx, y).name()
        for y in range(image.height() // 2, image.height())
        for dx in (-4, 0, 4)
    }
    assert palette.GREEN.name() in found
