"""The lists of a recommendation: workers for a job (checkable, to create matches for
the ones ticked) and jobs for a worker. The engine returns at most a few hundred
candidates, so these models hold their rows outright."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from broker_app.domain.people.privacy import Personal, shown, shown_reasons
from broker_app.services.matching.recommend import JobCandidate, WorkerCandidate
from broker_app.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_CONTEXT = "RecommendationModel"
_COLUMNS_WORKERS = (
    ("score", QT_TRANSLATE_NOOP(_CONTEXT, "匹配分")),
    ("name", QT_TRANSLATE_NOOP(_CONTEXT, "姓名")),
    ("gender", QT_TRANSLATE_NOOP(_CONTEXT, "性别")),
    ("age", QT_TRANSLATE_NOOP(_CONTEXT, "年龄")),
    ("village", QT_TRANSLATE_NOOP(_CONTEXT, "户籍村")),
    ("phone", QT_TRANSLATE_NOOP(_CONTEXT, "联系电话")),
    ("status", QT_TRANSLATE_NOOP(_CONTEXT, "就业状态")),
    ("match", QT_TRANSLATE_NOOP(_CONTEXT, "已有匹配")),
    ("reasons", QT_TRANSLATE_NOOP(_CONTEXT, "推荐理由")),
)
_COLUMNS_JOBS = (
    ("score", QT_TRANSLATE_NOOP(_CONTEXT, "匹配分")),
    ("title", QT_TRANSLATE_NOOP(_CONTEXT, "岗位名称")),
    ("employer", QT_TRANSLATE_NOOP(_CONTEXT, "用工单位")),
    ("kind", QT_TRANSLATE_NOOP(_CONTEXT, "岗位类型")),
    ("place", QT_TRANSLATE_NOOP(_CONTEXT, "工作地点")),
    ("wage", QT_TRANSLATE_NOOP(_CONTEXT, "薪资")),
    ("headcount", QT_TRANSLATE_NOOP(_CONTEXT, "已录用/招聘")),
    ("match", QT_TRANSLATE_NOOP(_CONTEXT, "已有匹配")),
    ("reasons", QT_TRANSLATE_NOOP(_CONTEXT, "推荐理由")),
)


class _CandidateModel(QAbstractTableModel):
    columns: tuple[tuple[str, str], ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = [QCoreApplication.translate(_CONTEXT, t) for _, t in self.columns]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self._titles[section]
        return None

    def column_of(self, key: str) -> int:
        return [k for k, _ in self.columns].index(key)


class WorkerCandidateModel(_CandidateModel):
    """Workers for a job; the broker ticks the ones to recommend."""

    columns = _COLUMNS_WORKERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[WorkerCandidate] = []
        self._checked: set[str] = set()
        #: Workers whose phone the broker revealed (audited by the dialog).
        self.revealed: set[str] = set()

    def set_items(self, items: Sequence[WorkerCandidate]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._checked.clear()
        self.endResetModel()

    def set_revealed(self, row: int) -> None:
        """Show the phone in ``row`` in full (the caller audits it)."""
        if 0 <= row < len(self.items):
            self.revealed.add(self.items[row].worker_id)
            index = self.index(row, self.column_of("phone"))
            self.dataChanged.emit(index, index)

    def checked_ids(self) -> list[str]:
        """Ticked workers, in list order."""
        return [c.worker_id for c in self.items if c.worker_id in self._checked]

    def set_checked(self, row: int, checked: bool) -> None:
        if not 0 <= row < len(self.items) or self.items[row].match_status:
            return
        worker_id = self.items[row].worker_id
        if checked:
            self._checked.add(worker_id)
        else:
            self._checked.discard(worker_id)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and not self.items[index.row()].match_status:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        self.set_checked(index.row(), state == Qt.CheckState.Checked)
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.CheckStateRole and key == "score":
            if item.match_status:
                return None
            checked = item.worker_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and key == "reasons":
            return "\n".join(shown_reasons(item.reasons))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            "score": str(item.score),
            "name": item.name,
            "gender": item.gender,
            "age": str(item.age),
            "village": item.village,
            "phone": shown(Personal.PHONE, item.phone, full=item.worker_id in self.revealed),
            "status": item.employment_status,
            "match": item.match_status or "",
            "reasons": "；".join(shown_reasons(item.reasons)),
        }
        return values[key]


class JobCandidateModel(_CandidateModel):
    """Open jobs for a worker."""

    columns = _COLUMNS_JOBS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[JobCandidate] = []

    def set_items(self, items: Sequence[JobCandidate]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.ToolTipRole and key == "reasons":
            return "\n".join(shown_reasons(item.reasons))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            "score": str(item.score),
            "title": item.title,
            "employer": item.employer_name,
            "kind": item.kind,
            "place": item.place,
            "wage": item.wage,
            "headcount": f"{item.filled}/{item.headcount}",
            "match": item.match_status or "",
            "reasons": "；".join(shown_reasons(item.reasons)),
        }
        return values[key]
