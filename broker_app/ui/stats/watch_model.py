"""The 帮扶预警 table: one row per person on the watch list, most urgent first with its
urgency in a word, ID numbers masked and the
帮扶 categories folded into 重点帮扶 (``domain.people.privacy``). The
list is built whole by the service (tens of thousands of rows at most), so the
model holds it and is reset on every load."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Final

from PySide6.QtCore import (
    Qt,
)

from broker_app.domain.common.enums import EmploymentStatus
from broker_app.domain.people.privacy import Personal, group_names, shown
from broker_app.services.assistance.watch_list import GROUP_SHORT, WatchEntry
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.table_models import Index, RowListModel

_CONTEXT = "WatchTableModel"
_STATUS: Final = {status.value: status for status in EmploymentStatus}


def _status(entry: WatchEntry) -> str:
    status = _STATUS.get(entry.employment_status)
    return enum_label(status) if status else entry.employment_status


def _groups(entry: WatchEntry) -> str:
    return "、".join(group_names(entry.groups, GROUP_SHORT))


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _urgency(entry: WatchEntry) -> str:
    return enum_label(entry.urgency)


#: (title, cell text, width in Chinese characters).
COLUMNS: Final[tuple[tuple[str, Callable[[WatchEntry], str], float], ...]] = (
    (QT_TRANSLATE_NOOP(_CONTEXT, "紧急程度"), _urgency, 4),
    (QT_TRANSLATE_NOOP(_CONTEXT, "姓名"), lambda e: e.name, 5),
    (QT_TRANSLATE_NOOP(_CONTEXT, "身份证号"), lambda e: shown(Personal.ID_NUMBER, e.id_number), 10),
    (QT_TRANSLATE_NOOP(_CONTEXT, "户籍地"), lambda e: e.place, 11),
    (QT_TRANSLATE_NOOP(_CONTEXT, "人员类别"), _groups, 8),
    (QT_TRANSLATE_NOOP(_CONTEXT, "就业状态"), _status, 5),
    (QT_TRANSLATE_NOOP(_CONTEXT, "最后跟踪"), lambda e: _day(e.last_follow_up), 6),
    (QT_TRANSLATE_NOOP(_CONTEXT, "预警原因"), lambda e: e.why, 24),
)
WHY_COLUMN: Final = len(COLUMNS) - 1


class WatchTableModel(RowListModel[WatchEntry]):
    context = _CONTEXT
    titles = tuple(title for title, _, _ in COLUMNS)

    def set_entries(self, entries: Sequence[WatchEntry]) -> None:
        self.set_rows(entries)

    def entry(self, row: int) -> WatchEntry | None:
        return self.row_at(row)

    def worker_id(self, row: int) -> str | None:
        entry = self.entry(row)
        return entry.worker_id if entry else None

    # -- Qt ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](entry)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == WHY_COLUMN:
            return entry.why
        return None
