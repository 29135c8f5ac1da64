"""The two bases of the window's tables.

``RowListModel``: a table of typed rows the service returned, for lists of hundreds
(batches, their members, a project's cards, the watch list); reset on every search.

``PagedTableModel``: a table over a service's search for lists of up to 100k: the model
holds the ordered row keys, reads the service's typed rows (a NamedTuple with at least
``id`` and ``archived``) in pages when the view asks for them, and caches them by key
(as the roster does). Searching and sorting happen in SQL; subclasses say what the
columns show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex

T = TypeVar("T")


class ListedRow(Protocol):
    """What a paged table needs of every row: the record's id and whether it is archived
    (shown grey)."""

    @property
    def id(self) -> str: ...

    @property
    def archived(self) -> bool: ...


R = TypeVar("R", bound=ListedRow)

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
_ARCHIVED_BRUSH = QBrush(QColor(128, 128, 128))


class Column(NamedTuple):
    key: str
    title: str  # source text in the model's translation context
    sort_key: str | None
    width: float  # in Chinese characters


class RowListModel(QAbstractTableModel, Generic[T]):
    """Rows held in a list; a subclass gives ``data`` for its columns. ``titles`` are
    the column titles' source texts in the translation context ``context``."""

    context = "RowListModel"
    titles: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._titles = [QCoreApplication.translate(self.context, t) for t in self.titles]

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None


class PagedTableModel(QAbstractTableModel, Generic[R]):
    #: The number of rows of the current search, after every search.
    count_changed = Signal(int)

    #: Translation context of the column titles.
    context = "PagedTableModel"
    columns: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: list[int] = []
        self._cache: dict[int, R | None] = {}
        self._titles = [QCoreApplication.translate(self.context, c.title) for c in self.columns]
        self.page_reads = 0

    # -- what subclasses provide ---------------------------------------------------------
    def search_keys(self) -> list[int]:
        raise NotImplementedError

    def read_rows(self, keys: Sequence[int]) -> Mapping[int, R]:
        raise NotImplementedError

    def display(self, key: str, row: R) -> str:
        raise NotImplementedError

    def tooltip(self, key: str, row: R) -> str | None:
        return None

    # -- searching -----------------------------------------------------------------------
    def reload(self) -> None:
        keys = self.search_keys()
        self.beginResetModel()
        self._keys = keys
        self._cache.clear()
        self.endResetModel()
        self.count_changed.emit(len(keys))

    def row_at(self, row: int) -> R | None:
        """The typed row shown at ``row`` (read with its page), or None."""
        return self._record(row)

    def record_id(self, row: int) -> str | None:
        record = self._record(row)
        return record.id if record is not None else None

    def row_of(self, record_id: str) -> int | None:
        for pk, record in self._cache.items():
            if record is not None and record.id == record_id:
                try:
                    return self._keys.index(pk)
                except ValueError:
                    return None
        return None

    def forget(self, record_ids: Iterable[str]) -> None:
        """Drop cached rows of these records and repaint them."""
        wanted = set(record_ids)
        positions = {pk: i for i, pk in enumerate(self._keys)}
        last = len(self.columns) - 1
        for pk, record in list(self._cache.items()):
            if record is not None and record.id in wanted:
                del self._cache[pk]
                if pk in positions:
                    row = positions[pk]
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.columns) and self.columns[column].sort_key is not None

    # -- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        wanted = (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            RECORD_ID_ROLE,
        )
        if role not in wanted:
            return None
        record = self._record(index.row())
        if record is None:
            return None
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(key, record)
        if role == RECORD_ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return _ARCHIVED_BRUSH if record.archived else None
        return self.tooltip(key, record)

    # -- reading -------------------------------------------------------------------------
    def _record(self, row: int) -> R | None:
        if not 0 <= row < len(self._keys):
            return None
        pk = self._keys[row]
        if pk not in self._cache:
            start = row // PAGE_SIZE * PAGE_SIZE
            wanted = [k for k in self._keys[start : start + PAGE_SIZE] if k not in self._cache]
            found = self.read_rows(wanted)
            self.page_reads += 1
            for key in wanted:
                # None: removed since the search (e.g. by sync); not read again.
                self._cache[key] = found.get(key)
        return self._cache.get(pk)
