"""The 帮扶预警 table: one row per person on the watch list, ID numbers masked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from broker_app.domain.enums import EmploymentStatus
from broker_app.domain.idcard import mask_id_number
from broker_app.services.watch_list import WatchEntry
from broker_app.ui.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "WatchModel"
_STATUS: Final = {status.value: status for status in EmploymentStatus}


def _status(entry: WatchEntry) -> str:
    status = _STATUS.get(entry.employment_status)
    return status.label if status else entry.employment_status


def _day(value: Any) -> str:
    return value.isoformat() if value is not None else ""


#: (header, cell text, width in characters).
COLUMNS: Final[tuple[tuple[str, Callable[[WatchEntry], str], int], ...]] = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "姓名"), lambda e: e.name, 6),
    (QT_TRANSLATE_NOOP(_CONTEXT, "身份证号"), lambda e: mask_id_number(e.id_number), 11),
    (QT_TRANSLATE_NOOP(_CONTEXT, "户籍地"), lambda e: e.place, 12),
    (QT_TRANSLATE_NOOP(_CONTEXT, "人员类别"), lambda e: e.group_text, 9),
    (QT_TRANSLATE_NOOP(_CONTEXT, "就业状态"), _status, 5),
    (QT_TRANSLATE_NOOP(_CONTEXT, "最后跟踪"), lambda e: _day(e.last_follow_up), 7),
    (QT_TRANSLATE_NOOP(_CONTEXT, "预警原因"), lambda e: e.why, 30),
)


class WatchTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: tuple[WatchEntry, ...] = ()

    def set_entries(self, entries: Sequence[WatchEntry]) -> None:
        self.beginResetModel()
        self._entries = tuple(entries)
        self.endResetModel()

    def entry(self, row: int) -> WatchEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def worker_id(self, row: int) -> str | None:
        entry = self.entry(row)
        return entry.worker_id if entry else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](entry)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(COLUMNS) - 1:
            return entry.why
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            from PySide6.QtCore import QCoreApplication

            return QCoreApplication.translate(_CONTEXT, COLUMNS[section][0])
        return None
