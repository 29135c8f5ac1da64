"""The 统计 page: the same numbers as ``services.stats.monthly``, the empty station, the
watch list's one-click open, PNG images, refreshing after writes, the settings."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.domain.common.enums import EmploymentStatus
from broker_app.domain.people.watch_urgency import Urgency
from broker_app.services.assistance.watch_list import (
    WatchReason,
    WatchRules,
    load_rules,
    watch_list,
)
from broker_app.services.assistance.watch_summary import watch_summary
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.stats.monthly import (
    POVERTY_OR_MONITORED,
    WORK_TIERS,
    Month,
    monthly_statistics,
)
from broker_app.services.stats.training import load_targets
from broker_app.services.stats.trends import recent_months
from broker_app.store.store import Store
from broker_app.ui.charts.data import ChartData
from broker_app.ui.charts.image import EXPORT_SCALE, header_height
from broker_app.ui.context import AppContext
from broker_app.ui.stats.page import StatsPage
from broker_app.ui.stats.refresh import DEBOUNCE_MS
from broker_app.ui.stats.settings_dialog import StatsSettingsDialog
from broker_app.ui.tasks import TaskRunner
from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
from tests.stats.builders import A1, A2, TODAY, add_worker


def open_page(ctx: AppContext, qtbot: QtBot, *, show: bool = True) -> StatsPage:
    page = StatsPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    if show:
        page.show()
        qtbot.waitExposed(page)
    return page


def values(data: ChartData | None) -> list[list[int]]:
    assert data is not None
    return [[int(v) for v in series.values] for series in data.series]


def editors() -> list[WorkerEditorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, WorkerEditorDialog)]


def test_the_page_shows_the_numbers_of_the_monthly_statistics(
    ctx: AppContext, store: Store, ids: dict[str, str], qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    assert not page.loading
    charts = page.charts
    stats = monthly_statistics(store, Month(2025, 3), TODAY)
    total = stats.total
    status = values(charts.status_card.chart.chart_data())[0]
    assert status == [total.by_status[s.value] for s in EmploymentStatus] == [4, 2, 1, 1, 1, 1]
    assert values(charts.tier_card.chart.chart_data())[0] == [total.by_tier[t] for t in WORK_TIERS]
    assert "共 10 人" in charts.status_card.title()
    assert "另有 1 人未填务工地域" in charts.tier_card.note_label.text()
    priority = charts.priority_card.bar_chart.chart_data()
    assert priority is not None
    by_village = {v.code: v.priority[POVERTY_OR_MONITORED] for v in stats.villages}
    for code, employed, idle in zip(priority.keys, *values(priority), strict=True):
        assert (employed, employed + idle) == (by_village[code].employed, by_village[code].total)
    exports = values(charts.export_chart.chart_data())
    for n, month in enumerate(recent_months(TODAY)):
        month_total = monthly_statistics(store, month, TODAY).total
        assert exports[0][n] == month_total.exported_priority
        assert exports[0][n] + exports[1][n] == month_total.exported
    kpis = charts.kpis
    assert kpis.workers.value() == "10" and kpis.employed.value() == "4"
    assert kpis.unemployed.value() == "4"
    assert kpis.priority.value() == "2" and "共 5 人" in kpis.priority.detail_label.text()
    assert kpis.exported.value() == str(total.exported) == "3"
    assert values(charts.training_chart.chart_data())[0] == [1, 0, 2, 1]
    assert kpis.trained.value() == "4"
    assert values(charts.match_card.chart.chart_data())[0][-3:] == [1, 1, 0]  # 推荐 Jan-Mar
    listed = watch_list(store, load_rules(store), today=TODAY)
    # A township station: the villages first, then each village's own list.
    villages = page.watch.village_model.rows()
    assert sum(v.people for v in villages) == len(listed.entries) == 6
    for village in villages:
        page.watch.drill_into(village.code)
        shown = [page.watch.model.worker_id(r) for r in range(page.watch.model.rowCount())]
        assert shown == [e.worker_id for e in listed.entries if e.org_code == village.code]
    assert page.tabs.tabText(1) == "帮扶预警（6）"


@pytest.fixture
def threaded(store: Store, data_dir: Path) -> Iterator[tuple[AppContext, threading.Event]]:
    """A context with the real background runner, its database lane busy (the charts
    of a big station, a write) until the event is set."""
    ctx = AppContext(store, data_dir, TaskRunner())
    release = threading.Event()
    ctx.runner.run_db(lambda: release.wait(10))
    yield ctx, release
    release.set()
    ctx.runner.shutdown()
    ctx.deleteLater()


def test_the_watch_list_opened_shows_while_the_charts_are_still_counting(
    threaded: tuple[AppContext, threading.Event], store: Store, ids: dict[str, str], qtbot: QtBot
) -> None:
    """A county's summary takes as long as the charts: opened, it is counted beside
    them, not after them, and shows the figures of the summary of the list."""
    ctx, release = threaded
    page = open_page(ctx, qtbot)
    qtbot.wait(200)
    # The charts are shown: they count first, the list waits for them.
    assert page.loading and page.watch.village_model.rowCount() == 0
    assert page.tabs.tabText(1) == "帮扶预警"
    qtbot.mouseClick(page.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tab_centre(page, 1))
    assert page.tabs.currentWidget() is page.watch
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "帮扶预警（6）")
    assert page.loading and page.charts.status_card.chart.chart_data() is None
    assert page.watch.showing_summary() and page.watch.village_table.isVisible()
    summary = watch_summary(store, load_rules(store), today=TODAY)
    model = page.watch.village_model
    shown = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert shown == [
        [str(cell) for cell in (
            v.place, v.people, v.urgent, v.by_urgency[Urgency.MEDIUM], v.first_priority,
            *(v.by_reason[reason] for reason in WatchReason),
        )]
        for v in summary.villages
    ]  # fmt: skip
    assert [row[:3] for row in shown] == [
        ["太平镇 / 庄里村", "4", "1"], ["太平镇 / 中陶城村", "2", "1"],
    ]  # fmt: skip
    with qtbot.waitSignal(page.watch.village_loaded) as loaded:
        page.watch.drill_into(A2)  # a village opens while the charts count, too
    assert loaded.args == [A2, 2] and page.loading
    counted = page.watch.generation
    release.set()
    with qtbot.waitSignal(page.charts_loaded, timeout=10_000):
        pass
    assert page.charts.kpis.workers.value() == "10"
    qtbot.wait(100)
    assert page.watch.generation == counted  # counted once per count of the page


def test_the_watch_list_not_opened_is_counted_after_the_charts(
    threaded: tuple[AppContext, threading.Event], ids: dict[str, str], qtbot: QtBot
) -> None:
    ctx, release = threaded
    page = open_page(ctx, qtbot)
    qtbot.wait(200)
    assert page.tabs.tabText(1) == "帮扶预警" and page.watch.village_model.rowCount() == 0
    release.set()
    with qtbot.waitSignal(page.charts_loaded, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "帮扶预警（6）")
    assert page.watch.village_model.rowCount() == 2
    page.tabs.setCurrentWidget(page.watch)  # opened later: nothing counted again
    assert page.watch.generation == 1


def tab_centre(page: StatsPage, index: int) -> QPoint:
    return page.tabs.tabBar().tabRect(index).center()


def test_an_empty_station_renders(ctx: AppContext, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    page.grab()
    assert not page.loading
    for chart in page.charts.charts():
        assert chart.message() == "暂无数据"
    assert page.charts.kpis.workers.value() == "0"
    assert page.tabs.tabText(1) == "帮扶预警（0）"


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_one_click_opens_the_worker(
    ctx: AppContext, ids: dict[str, str], qtbot: QtBot, how: str
) -> None:
    page = open_page(ctx, qtbot)
    page.tabs.setCurrentWidget(page.watch)
    page.watch.drill_into(A1)  # a township station: w2's village first
    table = page.watch.table
    row = next(
        r for r in range(page.watch.model.rowCount()) if page.watch.model.worker_id(r) == ids["w2"]
    )
    index = page.watch.model.index(row, 0)
    table.scrollTo(index)
    if how == "enter":
        table.setFocus()
        table.setCurrentIndex(index)
        qtbot.keyClick(table, Qt.Key.Key_Return)
    else:
        # A real double-click: a click, then the second press that Qt reports as one.
        centre = table.visualRect(index).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: bool(editors()))
    opened = editors()
    assert [dialog.worker_id for dialog in opened] == [ids["w2"]]
    for dialog in opened:
        dialog.done(0)


def test_a_chart_saves_a_png_at_twice_its_size(
    ctx: AppContext, ids: dict[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    page = open_page(ctx, qtbot)
    card = page.charts.status_card
    out = tmp_path / "status.png"
    assert card.save_png(out)
    image = QImage(str(out))
    chart = card.chart
    header = header_height(chart, card.title(), card.image_note())
    assert (image.width(), image.height()) == (
        round(chart.width() * EXPORT_SCALE),
        round((chart.height() + header) * EXPORT_SCALE),
    )
    assert "统计日期：2025-03-20" in card.image_note()
    whole = tmp_path / "page.png"
    assert page.save_all_png(whole)
    assert QImage(str(whole)).width() == round(page.charts.body.width() * EXPORT_SCALE)


def test_writes_refresh_the_page_once_and_only_when_shown(
    ctx: AppContext, store: Store, ids: dict[str, str], qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    first = page.generation
    ctx.broadcast(Change(RecordKind.CARD, Op.UPDATE, ("x",)))  # not a figure of this page
    assert not page.scheduler.timer.isActive()
    add_worker(store, 0, employment_status="已就业", place_tier="县内")
    for _ in range(3):  # an import broadcasts many
        ctx.broadcast(Change(RecordKind.WORKER, Op.UPDATE, ("x",)))
    assert page.generation == first  # debounced
    with qtbot.waitSignal(page.charts_loaded, timeout=DEBOUNCE_MS * 5):
        pass
    assert page.generation == first + 1
    assert page.charts.kpis.workers.value() == "11"
    page.hide()
    ctx.broadcast(Change(RecordKind.TRAINING, Op.UPDATE, ("x",)))
    qtbot.wait(DEBOUNCE_MS + 200)
    assert page.generation == first + 1  # hidden: nothing counted
    page.show()
    assert page.generation == first + 2  # counted when shown again


def test_settings_set_the_targets_and_the_rules(
    ctx: AppContext, store: Store, ids: dict[str, str], qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    dialog = StatsSettingsDialog(ctx, 2025, page)
    qtbot.addWidget(dialog)
    dialog.target_spins["vocational"].setValue(8)
    dialog.follow_up_days.setValue(120)
    with qtbot.waitSignal(page.charts_loaded, timeout=DEBOUNCE_MS * 5):
        dialog.save()
    assert load_targets(store, 2025).targets == {"vocational": 8}
    assert load_rules(store) == WatchRules(30, 120)
    chart = page.charts.training_chart
    data = chart.chart_data()
    assert data is not None and data.targets == (None, None, 8.0, None)
    assert chart.label_of(2) == "2 / 8（25.0%）"
    assert page.tabs.tabText(1) == "帮扶预警（4）"


def test_the_screenshot_command_renders_the_page(
    store: Store, ids: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    store.close()
    out = tmp_path / "stats.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "broker_app", "--data-dir", str(data_dir), "screenshot",
         "--page", "stats", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


@pytest.mark.slow
def test_the_page_on_a_big_station(big_station: Path, qtbot: QtBot) -> None:
    from broker_app.store.store import open_store
    from broker_app.ui.tasks import TaskRunner

    store = open_store(big_station)
    ctx = AppContext(store, big_station, TaskRunner(inline=True))
    try:
        page = StatsPage(ctx)
        qtbot.addWidget(page)
        page.resize(1280, 700)
        page.show()
        qtbot.waitExposed(page)
        assert not page.loading
        for chart in page.charts.charts():
            chart.grab()
            assert chart.message() == "" and chart.draws > 0
        stats = page.charts.status_card.chart.chart_data()
        assert stats is not None and sum(stats.series[0].values) == 100_000
        assert page.watch.village_model.rowCount() > 0  # a township: villages first
        first = page.watch.village_model.village_code(0)
        assert first is not None
        page.watch.drill_into(first)
        assert page.watch.model.rowCount() > 0
        page.close()
    finally:
        ctx.runner.shutdown()
        store.close()
