"""The 双清单 tab of the 维权 page: the projects nobody visited this month (包保项目)
and the problems not yet rectified (发现问题); record a visit, close a problem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.arrears.inspections import (
    InspectionService,
    OpenProblem,
    ProjectToVisit,
)
from broker_app.services.changes import Change, RecordKind
from broker_app.services.settings.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.rights.inspection_dialog import InspectionDialog
from broker_app.ui.rights.site_models import ProblemTableModel, VisitTableModel
from broker_app.ui.rights.text_dialog import ClueTextDialog

_RELOAD_ON = (RecordKind.INSPECTION, RecordKind.SITE_PROBLEM, RecordKind.PROJECT)


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


class SiteListsPanel(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.service = InspectionService(ctx.store)
        self.visit_label = QLabel(self)
        self.visits = VisitTableModel(self)
        self.visit_table = _table(self)
        self.visit_table.setModel(self.visits)
        self.visit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.record_button = QPushButton(self.tr("记录检查…"), self)
        self.record_button.setToolTip(self.tr("记录一次到项目现场的检查和发现的问题"))
        self.problem_label = QLabel(self)
        self.problems = ProblemTableModel(self)
        self.problem_table = _table(self)
        self.problem_table.setModel(self.problems)
        self.problem_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.close_button = QPushButton(self.tr("整改销号…"), self)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.visit_label, 1)
        row.addWidget(self.record_button)
        layout.addLayout(row)
        layout.addWidget(self.visit_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.problem_label, 1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        layout.addWidget(self.problem_table, 1)
        self.record_button.clicked.connect(self.record_visit)
        self.close_button.clicked.connect(self.close_problem)
        self.problem_table.selectionModel().selectionChanged.connect(
            lambda *_: self._problem_selected()
        )
        ctx.changed.connect(self._on_change)
        self.reload()

    def reload(self) -> None:
        today = self.today()
        self.ctx.runner.run_db(
            lambda: (self.service.projects_to_visit(today), self.service.open_problems(today)),
            self._show,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def selected_project(self) -> str | None:
        rows = self.visit_table.selectionModel().selectedRows()
        project = self.visits.row_at(rows[0].row()) if rows else None
        return project.id if project else None

    def selected_problem(self) -> OpenProblem | None:
        rows = self.problem_table.selectionModel().selectedRows()
        return self.problems.row_at(rows[0].row()) if rows else None

    def record_visit(self) -> None:
        operator = StationService(self.ctx.store).info().operator_name or ""
        InspectionDialog(self.ctx, self.selected_project(), self, inspector=operator).exec()

    def close_problem(self) -> None:
        problem = self.selected_problem()
        if problem is None:
            return
        dialog = ClueTextDialog(
            self.tr("整改销号"),
            self.tr("整改情况（怎样整改的、谁核实的）："),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        note, today = dialog.text(), self.today()
        self.ctx.runner.run_db(
            lambda: self.service.close_problem(problem.id, note, today=today),
            self.ctx.broadcast,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def _show(self, lists: tuple[list[ProjectToVisit], list[OpenProblem]]) -> None:
        to_visit, problems = lists
        self.visits.set_rows(to_visit)
        self.problems.set_rows(problems)
        self.visit_label.setText(self.tr("本月未检查的项目（{0} 个）").format(len(to_visit)))
        overdue = sum(1 for p in problems if p.overdue)
        text = self.tr("未整改的问题（{0} 个）").format(len(problems))
        if overdue:
            text += self.tr("，{0} 个已超期").format(overdue)
        self.problem_label.setText(text)
        self._problem_selected()

    def _problem_selected(self) -> None:
        self.close_button.setEnabled(self.selected_problem() is not None)

    def _on_change(self, change: Change) -> None:
        if change.touches(*_RELOAD_ON):
            self.reload()
