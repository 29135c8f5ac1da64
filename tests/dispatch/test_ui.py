"""The 劳务输出 page offscreen, with background work running inline."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

import broker_app.ui.dispatch as dispatch_ui
from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.dispatch.query import BatchFilter, MemberPick
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.stats.monthly import Month
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch import export_actions
from broker_app.ui.dispatch.batch_editor import BatchEditorDialog
from broker_app.ui.dispatch.member_picker import MemberPickerDialog
from broker_app.ui.dispatch.page import DispatchPage
from broker_app.ui.dispatch.status_dialog import BatchStatusDialog
from broker_app.ui.pages import find_page
from broker_app.ui.tasks import TaskRunner
from tests.dispatch.builders import (
    add_batch,
    add_job_and_match,
    add_members,
    add_worker,
    read_sheets,
)


@pytest.fixture
def ui_ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def test_registered_and_no_sqlalchemy_in_widgets(qtbot: QtBot, ui_ctx: AppContext) -> None:
    spec = find_page("dispatch")
    assert spec is not None
    page = spec.factory(ui_ctx)
    qtbot.addWidget(page)
    assert isinstance(page, DispatchPage)
    folder = Path(dispatch_ui.__file__).parent
    for source in folder.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        names = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [n for n in names if n.startswith("sqlalchemy")], source.name


def test_list_filter_and_panel(qtbot: QtBot, ui_ctx: AppContext, store: Store) -> None:
    first = add_batch(store)
    add_members(store, first, add_worker(store, 1, poverty_alleviated="是"), add_worker(store, 2))
    add_batch(
        store,
        employer="青岛海丰建筑工程有限公司",
        destination="青岛市",
        departure_date="2025-04-02",
    )
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2 and page.count_label.text() == "共 2 批"
    page.table.selectRow(page.model.row_of(first) or 0)
    assert page.current_batch_id() == first
    assert page.panel.model.rowCount() == 2
    assert "其中脱贫人口 1 人" in page.panel.facts.text()
    assert page.panel.status_buttons[BatchStatus.DEPARTED].isEnabled()
    assert not page.panel.status_buttons[BatchStatus.ARRIVED].isEnabled()
    masked = page.panel.model.index(0, 3).data()
    assert "********" in masked
    page.filters.search.setText("青岛")
    page.filters._emit()
    assert page.model.rowCount() == 1
    page.filters.search.setText("")
    page.filters.status.setCurrentIndex(page.filters.status.findData("departed"))
    assert page.model.rowCount() == 0
    page.filters.status.setCurrentIndex(0)
    page.filters.date_from.setDate(
        page.filters.date_from.date().fromString("2025-04-01", "yyyy-MM-dd")
    )
    page.filters.date_to.setDate(page.filters.date_to.date().fromString("2025-04-30", "yyyy-MM-dd"))
    page.filters.use_range.setChecked(True)
    assert page.model.rowCount() == 1
    assert page.filters.current_filter().date_from == date(2025, 4, 1)


def test_editor_creates_and_shows_errors(qtbot: QtBot, ui_ctx: AppContext, store: Store) -> None:
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    editor = BatchEditorDialog(ui_ctx)
    qtbot.addWidget(editor)
    editor.edits["destination"].setText("某工地")
    editor.edits["leader_phone"].setText("123")
    editor.save()
    assert editor.errors["employer"].text() == "务工单位不能为空"
    assert "带队人电话" in editor.errors["leader_phone"].text()
    assert "无法判断" in editor.errors["place_tier"].text()
    editor.edits["employer"].setText("江苏苏州精密电子有限公司")
    editor.edits["leader_phone"].setText("13900001111")
    editor.tier.setCurrentIndex(editor.tier.findData("out_of_province"))
    editor.save()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert page.model.rowCount() == 1  # the page heard the change
    again = BatchEditorDialog(ui_ctx, editor.batch_id)
    qtbot.addWidget(again)
    assert again.edits["employer"].text() == "江苏苏州精密电子有限公司"
    assert again.tier.currentData() == "out_of_province"


def test_add_members_status_and_cancel_through_the_page(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch_id = add_batch(store)
    roster = add_worker(store, 1)
    hired = add_worker(store, 2)
    _, match_id = add_job_and_match(store, hired)
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)

    picker = MemberPickerDialog(DispatchMemberService(store))
    qtbot.addWidget(picker)
    assert picker.picker.results.count() == 2  # the hired worker's match first
    picker.picker.tick(roster)
    picker.picker.tick(hired)
    assert {(p.worker_id, p.match_id) for p in picker.picks()} == {
        (roster, None),
        (hired, match_id),
    }

    chosen = [MemberPick(roster), MemberPick(hired, match_id)]
    monkeypatch.setattr(MemberPickerDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(MemberPickerDialog, "picks", lambda self: chosen)
    page.add_members()
    assert page.panel.model.rowCount() == 2

    monkeypatch.setattr(BatchStatusDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    info = mock.Mock()
    monkeypatch.setattr(QMessageBox, "information", info)
    page.change_status(BatchStatus.DEPARTED)
    assert DispatchService(store).batch(batch_id)["status"] == "departed"
    page.change_status(BatchStatus.ARRIVED)
    assert DispatchService(store).batch(batch_id)["status"] == "arrived"
    assert "2 人的就业信息，1 条匹配" in info.call_args[0][2]
    assert not page.panel.add_button.isEnabled() and not page.panel.cancel_button.isEnabled()

    other = add_batch(store, employer="乙公司", destination="济南市")
    page.reload()
    page.table.selectRow(page.model.row_of(other) or 0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.cancel_batch()
    assert page.model.row_of(other) is None


def test_exports_from_the_page(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    batch_id = add_batch(store)
    add_members(store, batch_id, add_worker(store, 1, poverty_alleviated="是"))
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    results: list[object] = []
    out = tmp_path / "名单.xlsx"
    export_actions.start_dispatch_export(
        ui_ctx, page, out, BatchFilter(batch_ids=(batch_id,)), False, results.append
    )
    assert results and out.exists()
    sheet = read_sheets(out)
    assert "370883********" in next(v for k, v in sheet.items() if k != "汇总")[4][4]
    ledger = tmp_path / "台账.xlsx"
    export_actions.start_ledger_export(ui_ctx, page, ledger, False, results.append)
    assert ledger.exists()
    stats = tmp_path / "统计.xlsx"
    export_actions.start_stats_export(ui_ctx, page, stats, Month(2025, 3), results.append)
    assert stats.exists() and len(results) == 3


def test_export_failure_is_shown_and_cancel_is_silent(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    shown: list[BaseException] = []
    monkeypatch.setattr(export_actions, "show_error", lambda _p, exc, _t="": shown.append(exc))
    export_actions.start_dispatch_export(ui_ctx, page, tmp_path / "x.xlsx", BatchFilter(), False)
    assert shown and "没有符合条件" in str(shown[0])
    from broker_app.services.progress import Cancelled

    assert export_actions._failed(page, Cancelled()) is None and len(shown) == 1
