"""The first rows of a sheet as the import will read them, problems in red."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from broker_app.services.excel.headers import HeaderMap
from broker_app.services.workbook_import import ImportPreview, RowOutcome

Index = QModelIndex | QPersistentModelIndex
PROBLEM_BRUSH = QBrush(QColor(255, 205, 210))
OK_BRUSH = QBrush(QColor(200, 230, 201))
# The two columns before the sheet's own.
_ROW, _CHECK = 0, 1
_LEADING = 2


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def problem_columns(outcome: RowOutcome, header: HeaderMap) -> dict[int, list[str]]:
    """Sheet column index -> messages of the problems found in that cell."""
    found: dict[int, list[str]] = {}
    for problem in outcome.problems:
        column = header.columns.get(problem.field)
        if problem.field == "org_code":
            column = header.columns.get("village", header.columns.get("township"))
        if column is not None:
            found.setdefault(column, []).append(problem.message)
    return found


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None
        self._width = 0
        self._marks: list[dict[int, list[str]]] = []

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        rows = preview.rows if preview else []
        labels = preview.header.labels if preview else {}
        self._width = max([len(r.cells) for r in rows] + [max(labels, default=-1) + 1])
        self._marks = [problem_columns(r, preview.header) for r in rows] if preview else []
        self.endResetModel()

    def outcome(self, row: int) -> RowOutcome | None:
        rows = self._rows()
        return rows[row] if 0 <= row < len(rows) else None

    def problem_rows(self) -> int:
        return sum(1 for row in self._rows() if row.problems)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._preview is None else self._width + _LEADING

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == _ROW:
            return QCoreApplication.translate("PreviewModel", "行号")
        if section == _CHECK:
            return QCoreApplication.translate("PreviewModel", "检查结果")
        column = section - _LEADING
        label = self._preview.header.labels.get(column, "") if self._preview else ""
        return f"{column_letter(column)} {label}".strip()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows()[index.row()]
        marks = self._marks[index.row()]
        column = index.column() - _LEADING
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == _ROW:
                return str(row.row_number)
            if index.column() == _CHECK:
                return _check_text(row)
            return _cell_text(row.cells[column] if column < len(row.cells) else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == _CHECK:
                return "\n".join(f"{p.column}：{p.message}" for p in row.problems) or None
            return "\n".join(marks.get(column, [])) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.column() == _CHECK:
                return PROBLEM_BRUSH if row.problems else OK_BRUSH
            return PROBLEM_BRUSH if column in marks else None
        return None

    def _rows(self) -> list[RowOutcome]:
        return self._preview.rows if self._preview else []


def _check_text(row: RowOutcome) -> str:
    if not row.problems:
        tr = QCoreApplication.translate
        if row.existing_id:
            return tr("PreviewModel", "正确（更新已有记录）")
        return tr("PreviewModel", "正确（新增）")
    return "；".join(p.message for p in row.problems)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M") if value.time() != time() else value.date().isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
