"""The clues as a table: a station holds tens of clues, not thousands, so plain rows.
Overdue rows are tinted so the broker sees them first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from broker_app.domain.common.phone import mask_phone
from broker_app.services.arrears.clues import ClueRow
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.table_models import Index, RowListModel

COLUMNS = (
    QT_TRANSLATE_NOOP("ClueTableModel", "反映日期"),
    QT_TRANSLATE_NOOP("ClueTableModel", "工程项目"),
    QT_TRANSLATE_NOOP("ClueTableModel", "来源"),
    QT_TRANSLATE_NOOP("ClueTableModel", "反映人"),
    QT_TRANSLATE_NOOP("ClueTableModel", "状态"),
    QT_TRANSLATE_NOOP("ClueTableModel", "下一步期限"),
)
DUE_COLUMN = 5
OVERDUE_BRUSH = QBrush(QColor("#fde0dc"))
_WARNING = QColor("#c62828")


class ClueTableModel(RowListModel[ClueRow]):
    """Phones show as 138****5678 until the broker asks to see one (audited)."""

    context = "ClueTableModel"
    titles = COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.revealed: set[str] = set()

    def reveal(self, clue_id: str) -> None:
        self.revealed.add(clue_id)
        for row, clue in enumerate(self.rows()):
            if clue.id == clue_id:
                self.dataChanged.emit(self.index(row, 3), self.index(row, 3))

    def phone(self, clue: ClueRow) -> str:
        return clue.reporter_phone if clue.id in self.revealed else mask_phone(clue.reporter_phone)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        clue = self.row_at(index.row())
        if clue is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                clue.received_on.isoformat(),
                clue.project_name or self.tr("（未指明项目）"),
                QCoreApplication.translate("labels", clue.source_label),
                self._reporter(clue),
                QCoreApplication.translate("labels", clue.status_label),
                self.due_text(clue),
            )[column]
        if role == Qt.ItemDataRole.BackgroundRole and clue.overdue:
            return OVERDUE_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN and clue.overdue:
            return _WARNING
        return None

    def due_text(self, clue: ClueRow) -> str:
        if clue.due_on is None:
            return ""
        step = self.tr("受理") if clue.status == "received" else self.tr("办结")
        text = self.tr("{0}前{1}").format(clue.due_on.isoformat(), step)
        return self.tr("{0}（已超期）").format(text) if clue.overdue else text

    def _reporter(self, clue: ClueRow) -> str:
        return f"{clue.reporter_name or ''} {self.phone(clue)}".strip()
