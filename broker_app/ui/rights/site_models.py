"""The two lists (双清单) as tables: projects not visited this month, open problems
(those past their rectification deadline tinted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from broker_app.services.arrears.inspections import OpenProblem, ProjectToVisit
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.rights.clue_model import OVERDUE_BRUSH
from broker_app.ui.table_models import Index, RowListModel


class VisitTableModel(RowListModel[ProjectToVisit]):
    context = "VisitTableModel"
    titles = (
        QT_TRANSLATE_NOOP("VisitTableModel", "工程项目"),
        QT_TRANSLATE_NOOP("VisitTableModel", "包保单位"),
        QT_TRANSLATE_NOOP("VisitTableModel", "包保责任人"),
        QT_TRANSLATE_NOOP("VisitTableModel", "上次检查"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        project = self.row_at(index.row())
        if project is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        last = project.last_visit.isoformat() if project.last_visit else self.tr("从未检查")
        return (
            project.name,
            project.responsible_unit or self.tr("（未定）"),
            project.responsible_person or self.tr("（未定）"),
            last,
        )[index.column()]


class ProblemTableModel(RowListModel[OpenProblem]):
    context = "ProblemTableModel"
    titles = (
        QT_TRANSLATE_NOOP("ProblemTableModel", "工程项目"),
        QT_TRANSLATE_NOOP("ProblemTableModel", "发现的问题"),
        QT_TRANSLATE_NOOP("ProblemTableModel", "发现日期"),
        QT_TRANSLATE_NOOP("ProblemTableModel", "整改期限"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        problem = self.row_at(index.row())
        if problem is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole and problem.overdue:
            return OVERDUE_BRUSH
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        deadline = problem.deadline.isoformat() if problem.deadline else ""
        if problem.overdue:
            deadline = self.tr("{0}（已超期）").format(deadline)
        return (
            problem.project_name or "",
            problem.description,
            problem.found_on.isoformat(),
            deadline,
        )[index.column()]
