"""The 帮扶预警 tab of a township: the villages ranked by urgency, opened into a
village's own ranked list by double-click, Enter or 查看名单, and back; a village
station sees its own list directly; a village's list exports alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from broker_app.services.assistance.watch_export import WatchExportResult
from broker_app.services.assistance.watch_list import WatchRules, watch_list
from broker_app.services.settings.station import StationService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.stats.watch_export import start_watch_export
from broker_app.ui.stats.watch_panel import WatchPanel
from tests.dispatch.builders import read_sheets
from tests.stats.builders import A1, A2, TODAY, add_worker


def open_panel(ctx: AppContext, qtbot: QtBot) -> WatchPanel:
    panel = WatchPanel(ctx, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1280, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.reload()
    return panel


def cells(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def double_click(qtbot: QtBot, table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_township_opens_a_village_and_comes_back(
    ctx: AppContext, store: Store, ids: dict[str, str], qtbot: QtBot
) -> None:
    panel = open_panel(ctx, qtbot)
    assert panel.showing_summary() and panel.village_table.isVisible()
    assert not panel.back_button.isVisible()
    # Ranked: both villages have one 紧急 person; 庄里村 (A1) has more 较急.
    assert cells(panel.village_table, 0) == ["太平镇 / 庄里村", "太平镇 / 中陶城村"]
    assert cells(panel.village_table, 1) == ["4", "2"]
    assert "共 6 人，其中紧急 2 人" in panel.count_label.text()
    assert panel.open_button.text() == "查看名单"

    with qtbot.waitSignal(panel.village_loaded) as loaded:
        double_click(qtbot, panel.village_table, 1)
    assert loaded.args == [A2, 2]
    assert not panel.showing_summary() and panel.table.isVisible()
    assert panel.back_button.isVisible()
    assert panel.village_label.text().startswith("太平镇 / 中陶城村：共 2 人")
    names = {worker_id: key for key, worker_id in ids.items()}
    shown = [names[panel.model.worker_id(r) or ""] for r in range(panel.model.rowCount())]
    assert shown == ["w6", "w5"]  # the village's own ranked list
    assert cells(panel.table, 0) == ["紧急", "一般"]
    assert panel.open_button.text() == "打开"

    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert panel.showing_summary() and panel.village is None

    # Enter on the selected village opens it too; a new filter keeps it open.
    panel.village_table.setFocus()
    panel.village_table.setCurrentIndex(panel.village_model.index(0, 0))
    with qtbot.waitSignal(panel.village_loaded):
        qtbot.keyClick(panel.village_table, Qt.Key.Key_Return)
    assert panel.village == A1 and panel.model.rowCount() == 4
    with qtbot.waitSignal(panel.village_loaded) as loaded:
        panel.reason_box.setCurrentIndex(panel.reason_box.findText("未就业"))
    assert loaded.args == [A1, 2]  # w2 and w11
    assert cells(panel.village_table, 1) == ["2", "1"]  # the summary follows the filter


def test_a_village_station_sees_its_list_directly(
    ctx: AppContext, store: Store, qtbot: QtBot
) -> None:
    StationService(store).configure(A1)
    add_worker(store, 1, poverty_alleviated="是")
    add_worker(store, 2, monitoring_type="边缘易致贫户", employment_status="已就业")
    panel = open_panel(ctx, qtbot)
    assert not panel.showing_summary() and panel.table.isVisible()
    assert not panel.back_button.isVisible()
    assert panel.model.rowCount() == 2 and panel.open_button.text() == "打开"
    assert panel.count_label.text().startswith("共 2 人")


def test_a_village_list_exports_alone(
    ctx: AppContext, store: Store, ids: dict[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    panel = open_panel(ctx, qtbot)
    panel.drill_into(A2)
    results: list[WatchExportResult] = []
    start_watch_export(
        ctx, panel, tmp_path / "a2.xlsx", panel.groups(), panel.reason(), False,
        results.append, village=panel.village, today=TODAY,
    )  # fmt: skip
    qtbot.waitUntil(lambda: bool(results))
    assert results[0].people == 2
    rows = read_sheets(tmp_path / "a2.xlsx")["帮扶预警"]
    assert "村：太平镇 / 中陶城村" in rows[1][0]
    expected = watch_list(store, WatchRules(), today=TODAY, village=A2)
    assert [row[2] for row in rows[3:-1]] == [e.name for e in expected.entries]
