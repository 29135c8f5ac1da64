"""The 维权 page's 双清单 tab driven as a broker would: the projects not visited this
month, recording a visit with problems in the dialog, closing a problem."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from broker_app.services.arrears.inspections import InspectionService
from broker_app.store.models.inspection import Inspection, SiteProblem
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.rights.clue_model import OVERDUE_BRUSH
from broker_app.ui.rights.inspection_dialog import InspectionDialog
from broker_app.ui.rights.page import RightsPage
from broker_app.ui.rights.text_dialog import ClueTextDialog
from broker_app.ui.tasks import TaskRunner
from tests.arrears.builders import new_project
from tests.journeys.modal import ModalAnswers, accept_button, press_accept


@pytest.fixture
def ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def test_record_a_visit_and_close_a_problem(ctx: AppContext, qtbot: QtBot) -> None:
    today = date.today()
    first = new_project(ctx.store, "A 项目")
    new_project(ctx.store, "B 项目")
    page = RightsPage(ctx, today=lambda: today)
    qtbot.addWidget(page)
    lists = page.lists
    assert [p.name for p in lists.visits.rows()] == ["A 项目", "B 项目"]
    assert "2 个" in lists.visit_label.text()
    assert lists.visits.index(0, 3).data() == "从未检查"
    lists.visit_table.selectRow(0)
    answers = ModalAnswers()

    def fill(dialog: InspectionDialog) -> None:
        assert dialog.project_box.currentData() == first
        assert dialog.inspector_edit.text() == "测试经纪人"
        dialog.workers_spin.setValue(3)
        dialog.valid_spin.setValue(4)
        accept_button(dialog).click()  # more cards than workers: refused, stays open
        assert dialog.isVisible() and "多于在场工人" in dialog.error_label.text()
        dialog.workers_spin.setValue(20)
        dialog.missing_spin.setValue(2)
        dialog.problems_edit.setPlainText("两名工人未持卡\n\n告示牌未设置\n")
        dialog.deadline_edit.setDate(QDate(today.year, today.month, today.day).addDays(5))
        accept_button(dialog).click()

    answers.expect(InspectionDialog, fill)
    lists.record_button.click()
    assert answers.pending == 0
    with ctx.store.read() as session:
        visit = session.scalar(select(Inspection))
        assert visit is not None and visit.project_id == first
        assert (visit.workers_on_site, visit.cards_valid, visit.cards_missing) == (20, 4, 2)
        problems = list(session.scalars(select(SiteProblem).order_by(SiteProblem.pk)))
        assert [p.description for p in problems] == ["两名工人未持卡", "告示牌未设置"]
        assert all(p.deadline == today + timedelta(days=5) for p in problems)
    assert [p.name for p in lists.visits.rows()] == ["B 项目"]
    assert lists.problems.rowCount() == 2

    assert not lists.close_button.isEnabled()
    lists.problem_table.selectRow(0)

    def note(dialog: ClueTextDialog) -> None:
        dialog.edit.setPlainText("已补发维权卡，现场核实")
        press_accept(dialog)

    answers.expect(ClueTextDialog, note)
    lists.close_button.click()
    assert [p.description for p in lists.problems.rows()] == ["告示牌未设置"]
    with ctx.store.read() as session:
        closed = session.scalar(select(SiteProblem).where(SiteProblem.closed_on.is_not(None)))
        assert closed is not None and closed.closing_note == "已补发维权卡，现场核实"


def test_overdue_problems_are_tinted(ctx: AppContext, qtbot: QtBot) -> None:
    project = new_project(ctx.store)
    start = date(2026, 11, 2)
    InspectionService(ctx.store).record(
        project, {"inspected_on": start}, [{"description": "工资未按月发放", "deadline": start}],
        today=start,
    )  # fmt: skip
    page = RightsPage(ctx, today=lambda: date(2026, 12, 4))
    qtbot.addWidget(page)
    lists = page.lists
    assert lists.problems.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
    assert lists.problems.index(0, 3).data() == "2026-11-02（已超期）"
    assert "1 个已超期" in lists.problem_label.text()
    # Visited in November, not yet in December.
    assert lists.visits.index(0, 3).data() == "2026-11-02"
