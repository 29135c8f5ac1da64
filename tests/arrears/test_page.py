"""The 维权 page's 欠薪线索 tab driven as a broker would (offscreen, inline runner): register a phone
clue in the dialog, accept it, close it with the public note, refuse another with a
reason; overdue rows tinted; the filters; what was stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.services.arrears.clues import ClueFilter, ClueService
from broker_app.services.audit import AuditService
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.pages import find_page
from broker_app.ui.rights.clue_dialog import RegisterClueDialog
from broker_app.ui.rights.clue_model import OVERDUE_BRUSH
from broker_app.ui.rights.clue_panel import CluePanel
from broker_app.ui.rights.page import RightsPage
from broker_app.ui.rights.text_dialog import ClueTextDialog
from broker_app.ui.tasks import TaskRunner
from tests.arrears.builders import new_project, phone_clue
from tests.journeys.modal import ModalAnswers, accept_button, press_accept

TODAY = date(2026, 12, 4)


@pytest.fixture
def ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def _page(ctx: AppContext, qtbot: QtBot) -> RightsPage:
    page = RightsPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.tabs.currentWidget() is page.clues  # the clues come first
    return page


def _texts(page: CluePanel, column: int) -> list[str]:
    model = page.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def test_the_page_is_in_the_navigation(ctx: AppContext, qtbot: QtBot) -> None:
    spec = find_page("rights")
    assert spec is not None
    page = spec.factory(ctx)
    qtbot.addWidget(page)
    assert isinstance(page, RightsPage)


def test_register_a_phone_clue_in_the_dialog(ctx: AppContext, qtbot: QtBot) -> None:
    project = new_project(ctx.store, "峄山镇安置房项目")
    rights = _page(ctx, qtbot)  # held: the page owns the tab
    page = rights.clues
    answers = ModalAnswers()

    def refuse_then_fill(dialog: RegisterClueDialog) -> None:
        dialog.description_edit.setPlainText("十月、十一月工资未发")
        accept_button(dialog).click()  # no phone: refused, the dialog stays open
        assert dialog.isVisible() and "电话" in dialog.error_label.text()
        qtbot.keyClicks(dialog.phone_edit, "139-1234-5678")
        dialog.name_edit.insert("颜景华")  # typed through the input method
        dialog.project_box.setCurrentIndex(dialog.project_box.findData(project))
        dialog.amount_edit.setText("8600")
        dialog.months_edit.setText("2")
        dialog.date_edit.setDate(QDate(2026, 12, 1))
        accept_button(dialog).click()

    answers.expect(RegisterClueDialog, refuse_then_fill)
    page.register_button.click()
    assert answers.pending == 0
    (clue,) = ClueService(ctx.store).clues(ClueFilter.ALL)
    assert (clue.reporter_phone, clue.reporter_name, clue.project_id) == (
        "13912345678",
        "颜景华",
        project,
    )
    assert (clue.amount_owed, clue.months_owed, clue.received_on) == (8600, 2, date(2026, 12, 1))
    assert clue.source == "phone" and clue.description == "十月、十一月工资未发"
    # The list shows it with its next deadline.
    assert _texts(page, 1) == ["峄山镇安置房项目"]
    assert _texts(page, 4) == ["已接收"]
    assert _texts(page, 5) == ["2026-12-06前受理"]
    # The phone is masked until the broker asks for it, and that is audited.
    assert _texts(page, 3) == ["颜景华 139****5678"]
    assert page.select_clue(clue.id)
    page.reveal_button.click()
    assert _texts(page, 3) == ["颜景华 13912345678"]
    assert "电话：13912345678" in page.details.text()
    (entry,) = AuditService(ctx.store).entries()
    assert (entry.action, entry.subject, entry.target) == ("reveal", "欠薪线索", clue.id)


def test_accept_close_and_reject_from_the_page(ctx: AppContext, qtbot: QtBot) -> None:
    project = new_project(ctx.store)
    first = phone_clue(ctx.store, project, on=TODAY)
    second = phone_clue(ctx.store, None, on=TODAY, reporter_phone="13700001111")
    rights = _page(ctx, qtbot)  # held: the page owns the tab
    page = rights.clues
    assert page.select_clue(first)
    assert page.accept_button.isEnabled() and not page.close_button.isEnabled()
    page.accept_button.click()
    assert page.select_clue(first)
    assert page.close_button.isEnabled() and not page.accept_button.isEnabled()
    answers = ModalAnswers()

    def blank_then_note(dialog: ClueTextDialog) -> None:
        assert not accept_button(dialog).isEnabled()  # the note is required
        dialog.edit.setPlainText("施工方已于12月4日补发全部工资")
        press_accept(dialog)

    answers.expect(ClueTextDialog, blank_then_note)
    page.close_button.click()
    assert answers.pending == 0
    service = ClueService(ctx.store)
    closed = service.clue(first)
    assert (closed.status, closed.accepted_on, closed.closed_on) == ("closed", TODAY, TODAY)
    assert closed.public_note == "施工方已于12月4日补发全部工资"
    # Closed clues leave the 未办结 list.
    assert [row.id for row in page.model.rows()] == [second]

    assert page.select_clue(second)

    def reason(dialog: ClueTextDialog) -> None:
        dialog.edit.setPlainText("不属于工程建设领域，请向劳动保障监察大队反映")
        press_accept(dialog)

    answers.expect(ClueTextDialog, reason)
    page.reject_button.click()
    refused = service.clue(second)
    assert refused.status == "rejected" and refused.reject_reason.startswith("不属于")
    assert page.model.rowCount() == 0
    page.filter_box.setCurrentIndex(page.filter_box.findData(ClueFilter.ALL.value))
    assert sorted(_texts(page, 4)) == ["不予受理", "已办结"]


def test_overdue_rows_are_tinted_and_filtered(ctx: AppContext, qtbot: QtBot) -> None:
    project = new_project(ctx.store)
    late = phone_clue(ctx.store, project, on=TODAY - timedelta(days=10))
    phone_clue(ctx.store, project, on=TODAY)
    rights = _page(ctx, qtbot)  # held: the page owns the tab
    page = rights.clues
    assert page.model.rowCount() == 2
    assert "1 条已超期" in page.count_label.text()
    tinted = [
        page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
        for row in range(2)
    ]
    assert tinted == [False, True]  # newest first
    assert _texts(page, 5)[1] == "2026-11-29前受理（已超期）"
    page.filter_box.setCurrentIndex(page.filter_box.findData(ClueFilter.OVERDUE.value))
    assert [row.id for row in page.model.rows()] == [late]
