"""匹配 page: every status through 更改状态… and through the context menu, each with
its date and note stored and shown."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from broker_app.domain.common.enums import MatchStatus
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.jobs.match_page import MatchesPage
from broker_app.ui.jobs.status_dialog import StatusDialog
from tests.jobs.builders import TODAY, add_job, add_worker
from tests.journeys.modal import ModalAnswers, answer_box, press_accept


def _fill(status: MatchStatus, day: date, note: str):  # type: ignore[no-untyped-def]
    def answer(dialog: StatusDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData(status.value))
        dialog.day.setDate(QDate(day.year, day.month, day.day))
        dialog.note.setText(note)
        press_accept(dialog)

    return answer


def _page(qtbot: QtBot, ctx: AppContext) -> MatchesPage:
    page = MatchesPage(ctx)
    qtbot.addWidget(page)
    page.auto_mark_filled = False
    page.resize(1200, 600)
    page.show()
    return page


def _history(store: Store, match_id: str) -> list[tuple[str, str, str]]:
    history = MatchWorkflowService(store).details(match_id)["history"]
    return [(h["status"], h["date"], h["note"]) for h in history]


def test_every_status_through_the_dialog_is_stored_with_its_date_and_note(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store, headcount=5)
    worker = add_worker(store, 1)
    rejected = add_worker(store, 2)
    MatchWorkflowService(store).create_matches(job, [worker, rejected], on=TODAY)
    page = _page(qtbot, ui_ctx)
    match_id = _match_of(page, worker)
    chain = [MatchStatus.CONTACTED, MatchStatus.INTERVIEW, MatchStatus.HIRED,
             MatchStatus.ON_DUTY, MatchStatus.LEFT]  # fmt: skip
    start = date.today() - timedelta(days=10)
    expected = [("recommended", TODAY.isoformat(), "")]
    for step, status in enumerate(chain):
        day, note = start + timedelta(days=step), f"第{step + 1}步：{status.label}"
        page.table.selectRow(_row(page, match_id))
        answers = ModalAnswers()
        answers.expect(StatusDialog, _fill(status, day, note))
        page.change_button.click()
        assert answers.pending == 0
        expected.append((status.value, day.isoformat(), note))
        assert _history(store, match_id) == expected
        row = _row(page, match_id)
        assert page.model.data(page.model.index(row, 5)) == status.label
        assert page.model.data(page.model.index(row, 6)) == day.isoformat()
        if status is MatchStatus.ON_DUTY:
            assert WorkerService(store).details(worker)["employment_status"] == "employed"
    assert WorkerService(store).details(worker)["employment_status"] == "unemployed"
    # 未录用 straight from 推荐; then the match has ended and says so.
    other = _match_of(page, rejected)
    page.table.selectRow(_row(page, other))
    answers = ModalAnswers()
    answers.expect(StatusDialog, _fill(MatchStatus.REJECTED, date.today(), "不愿外出"))
    page.change_button.click()
    assert _history(store, other)[-1] == ("rejected", date.today().isoformat(), "不愿外出")
    page.table.selectRow(_row(page, other))
    answers.expect(QMessageBox, answer_box(QMessageBox.StandardButton.Ok))
    page.change_button.click()
    assert answers.texts == ["这条匹配已结束。"]


def test_context_menu_preselects_the_status_and_still_asks_date_and_note(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store, headcount=5)
    worker = add_worker(store, 1)
    MatchWorkflowService(store).create_matches(job, [worker], on=TODAY)
    page = _page(qtbot, ui_ctx)
    match_id = _match_of(page, worker)
    seen_preset: list[str] = []

    def answer(dialog: StatusDialog) -> None:
        seen_preset.append(str(dialog.status.currentData()))
        dialog.note.setText("电话约好面试")
        dialog.day.setDate(QDate(date.today().year, date.today().month, date.today().day))
        press_accept(dialog)

    menu_actions = page.context_menu(_row(page, match_id)).actions()
    labels = [action.text() for action in menu_actions]
    assert labels[:2] == ["改为“已联系”…", "改为“面试”…"]
    answers = ModalAnswers()
    answers.expect(StatusDialog, answer)
    menu_actions[1].trigger()
    assert seen_preset == ["interview"]
    assert _history(store, match_id)[-1] == ("interview", date.today().isoformat(), "电话约好面试")


def _match_of(page: MatchesPage, worker_id: str) -> str:
    for row in range(page.model.rowCount()):
        record = page.model.row_at(row)
        if record is not None and record.worker_id == worker_id:
            return record.id
    raise AssertionError(f"no match of {worker_id}")


def _row(page: MatchesPage, match_id: str) -> int:
    rows = [r for r in range(page.model.rowCount()) if page.model.record_id(r) == match_id]
    assert rows, f"match {match_id} not listed"
    return rows[0]
