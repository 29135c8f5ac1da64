"""Phones on the 匹配 page and in the recommendation list: masked until the broker
asks for the selected row, then shown in full, and each reveal is audited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from broker_app.services.audit import AuditService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.jobs.match_model import COLUMN_KEYS
from broker_app.ui.jobs.match_page import MatchesPage
from broker_app.ui.jobs.recommend_view import WorkersForJobDialog
from tests.jobs.builders import TODAY, add_job, add_worker

PHONE = "13812345678"
MASKED = "138****5678"


def test_match_page_reveals_the_selected_phone_and_audits_it(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store)
    first = add_worker(store, 1, phone=PHONE)
    add_worker(store, 2, phone="13900001111")
    second = add_worker(store, 3, phone="13900002222")
    MatchWorkflowService(store).create_matches(job, [first, second], on=TODAY)
    page = MatchesPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    column = COLUMN_KEYS.index("phone")

    def worker_at(row: int) -> str:
        record = page.model.row_at(row)
        assert record is not None
        return record.worker_id

    def phones() -> dict[str, str]:
        model = page.model
        return {
            worker_at(r): str(model.data(model.index(r, column))) for r in range(model.rowCount())
        }

    assert phones() == {first: MASKED, second: "139****2222"}
    row = next(r for r in range(page.model.rowCount()) if worker_at(r) == first)
    page.table.selectRow(row)
    QTest.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert phones() == {first: PHONE, second: "139****2222"}
    assert [(e.action, e.target) for e in AuditService(store).entries()] == [("reveal", first)]
    # Another search masks it again: the reveal lasts while the broker looks at it.
    page.search_box.setText("张")
    page.search_box.returnPressed.emit()
    assert phones()[first] == MASKED


def test_recommendation_list_reveals_the_selected_phone_and_audits_it(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store)
    worker = add_worker(store, 1, phone=PHONE)
    dialog = WorkersForJobDialog(ui_ctx, job)
    qtbot.addWidget(dialog)
    dialog.show()
    column = dialog.model.column_of("phone")
    assert dialog.model.data(dialog.model.index(0, column)) == MASKED
    dialog.table.selectRow(0)
    QTest.mouseClick(dialog.reveal_button, Qt.MouseButton.LeftButton)
    assert dialog.model.data(dialog.model.index(0, column)) == PHONE
    assert [(e.action, e.target) for e in AuditService(store).entries()] == [("reveal", worker)]
