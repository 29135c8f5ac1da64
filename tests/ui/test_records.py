"""跟踪服务记录 and 培训记录 on a worker's page: add, list, edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPlainTextEdit, QTableWidget
from pytestqt.qtbot import QtBot

from broker_app.services.assistance.records import AssistanceService
from broker_app.ui.context import AppContext
from broker_app.ui.worker_editor.record_dialog import RecordDialog
from broker_app.ui.worker_editor.record_kinds import FOLLOW_UP, TRAINING
from broker_app.ui.worker_editor.records_panel import RecordsPanel
from tests.ui.conftest import register


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def panel_for(ctx: AppContext, qtbot: QtBot, kind: object, worker_id: str) -> RecordsPanel:
    panel = RecordsPanel(ctx, kind, defaults=lambda: {"date": date.today(), "operator": "王"})  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.set_worker(worker_id)
    return panel


def dialog_for(
    ctx: AppContext, qtbot: QtBot, kind: object, worker_id: str, record: dict | None = None
) -> RecordDialog:
    dialog = RecordDialog(ctx, kind, worker_id, record, defaults={"date": date.today()})  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_follow_ups_are_added_listed_and_edited(ctx: AppContext, qtbot: QtBot) -> None:
    worker = register(ctx.store)
    panel = panel_for(ctx, qtbot, FOLLOW_UP, worker)
    assert panel.table.rowCount() == 0
    dialog = dialog_for(ctx, qtbot, FOLLOW_UP, worker)
    content = dialog.editors["content"].input
    assert isinstance(content, QPlainTextEdit)
    content.setPlainText("电话回访 询问外出务工意向")
    dialog.editors["kind"].set_value("phone")
    dialog.save()
    assert dialog.result() == RecordDialog.DialogCode.Accepted
    # The panel heard the change and shows the new record.
    assert panel.table.rowCount() == 1
    assert cell_text(panel.table, 0, 1) == "电话回访"
    assert cell_text(panel.table, 0, 2) == "电话回访 询问外出务工意向"

    edit = dialog_for(ctx, qtbot, FOLLOW_UP, worker, panel.records[0])
    edit.editors["result"].set_value("已推荐到物流园区")
    edit.save()
    assert cell_text(panel.table, 0, 3) == "已推荐到物流园区"
    assert [r["result"] for r in AssistanceService(ctx.store).follow_ups(worker)] == [
        "已推荐到物流园区"
    ]


def test_a_training_without_a_course_says_so(ctx: AppContext, qtbot: QtBot) -> None:
    worker = register(ctx.store)
    dialog = dialog_for(ctx, qtbot, TRAINING, worker)
    dialog.editors["start_date"].set_value("2025-03-10")
    dialog.editors["end_date"].set_value("2025-03-01")
    dialog.save()
    assert dialog.editors["course"].error() == "请填写培训项目"
    assert dialog.editors["end_date"].error() == "结束日期早于开始日期"
    assert AssistanceService(ctx.store).trainings(worker) == []
    dialog.editors["course"].set_value("电工职业技能培训")
    dialog.editors["end_date"].set_value("2025-03-20")
    dialog.editors["passed"].set_value(True)
    dialog.save()
    (saved,) = AssistanceService(ctx.store).trainings(worker)
    assert saved["course"] == "电工职业技能培训" and saved["passed"] is True
