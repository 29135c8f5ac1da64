"""The roster table: one model over ``WorkerService`` for any number of workers.

The model holds only the ordered row keys of the current search, compactly and only
as far as the view has reached (``RosterKeys``: 8 bytes a row, in chunks of 1,000);
rows are read in pages of ~200 when the view first asks for one of them, and cached
by key as typed ``RosterRow``s (Anki's browser table, calibre's library view).
Searching and sorting happen in SQL: a new filter or order replaces the keys, and
cached rows stay valid because they are keyed by worker, not by position. ID numbers,
phones and 帮扶身份 show masked (``domain.people.privacy``) unless the broker reveals a
row (an audited action).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

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

from broker_app.domain.common.enums import (
    EmploymentStatus,
    Gender,
    LabeledEnum,
    MonitoringType,
    PlaceTier,
    PriorityGroup,
)
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.idcard import age_on
from broker_app.domain.people.priority import priority_groups
from broker_app.domain.people.privacy import ASSISTANCE_MARK, Personal, group_names, shown
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.domain.people.roster_row import RosterRow
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.roster.row_keys import RosterKeys
from broker_app.services.roster.workers import WorkerService
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label

Index = QModelIndex | QPersistentModelIndex

WORKER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
#: Rows kept in memory; past this the cache starts over (a full scroll of 100k
#: workers would otherwise hold them all).
MAX_CACHED_ROWS = 20_000

_CONTEXT = "RosterModel"


class RosterColumn(NamedTuple):
    key: str
    title: str
    #: The ``SortKey`` a header click orders by; None: not sortable.
    sort_key: str | None
    #: Default width in Chinese characters.
    width: float


COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("name", QT_TRANSLATE_NOOP(_CONTEXT, "姓名"), SortKey.NAME, 5),
    RosterColumn("gender", QT_TRANSLATE_NOOP(_CONTEXT, "性别"), None, 2.5),
    RosterColumn("age", QT_TRANSLATE_NOOP(_CONTEXT, "年龄"), SortKey.AGE, 3),
    RosterColumn("id_number", QT_TRANSLATE_NOOP(_CONTEXT, "身份证号"), None, 10),
    RosterColumn("phone", QT_TRANSLATE_NOOP(_CONTEXT, "联系电话"), None, 6.5),
    RosterColumn("village", QT_TRANSLATE_NOOP(_CONTEXT, "户籍村"), SortKey.VILLAGE, 10),
    RosterColumn("status", QT_TRANSLATE_NOOP(_CONTEXT, "就业状态"), SortKey.STATUS, 5),
    RosterColumn("place_tier", QT_TRANSLATE_NOOP(_CONTEXT, "务工地域"), None, 5),
    RosterColumn("employer", QT_TRANSLATE_NOOP(_CONTEXT, "务工单位"), None, 10),
    RosterColumn("priority", QT_TRANSLATE_NOOP(_CONTEXT, "重点群体"), None, 6),
    RosterColumn("labor_brand", QT_TRANSLATE_NOOP(_CONTEXT, "劳务品牌"), None, 5),
    RosterColumn("skills", QT_TRANSLATE_NOOP(_CONTEXT, "工种/技能"), None, 7),
    RosterColumn("updated", QT_TRANSLATE_NOOP(_CONTEXT, "更新时间"), SortKey.UPDATED, 8),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)

# Short names for the crowded roster; the full labels are in the tooltip.
_PRIORITY_SHORT = {
    PriorityGroup.POVERTY_ALLEVIATED: QT_TRANSLATE_NOOP(_CONTEXT, "脱贫"),
    PriorityGroup.MONITORED: QT_TRANSLATE_NOOP(_CONTEXT, "监测"),
    PriorityGroup.LOW_INCOME: QT_TRANSLATE_NOOP(_CONTEXT, "低收入"),
    PriorityGroup.DISABLED: QT_TRANSLATE_NOOP(_CONTEXT, "残疾"),
    PriorityGroup.OLDER: QT_TRANSLATE_NOOP(_CONTEXT, "大龄"),
}
_MARK = QT_TRANSLATE_NOOP(_CONTEXT, "重点帮扶")
assert _MARK == ASSISTANCE_MARK
# An edit of these can move a worker in or out of the search, or to another place
# in the order: the keys must be searched again.
_QUERY_FIELDS = frozenset(
    {
        "name", "id_number", "phone", "org_code", "birth_date", "employment_status",
        "archived", "labor_brand", "poverty_alleviated", "monitoring_type", "low_income",
        "disabled",
    }
)  # fmt: skip
_MONITORING = {member.value: member for member in MonitoringType}
_ARCHIVED_BRUSH = QBrush(QColor(128, 128, 128))


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class RosterModel(QAbstractTableModel):
    #: The number of matching workers, after every new search.
    count_changed = Signal(int)

    def __init__(
        self,
        service: WorkerService,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_cached: int = MAX_CACHED_ROWS,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._max_cached = max_cached
        self._today_fn = today
        self._today = today()
        self._filter = RosterFilter()
        self._sort = RosterSort()
        self._keys = RosterKeys.empty()
        self._unfiltered: tuple[RosterSort, RosterKeys] | None = None
        self._loaded = False
        self._cache: dict[int, RosterRow | None] = {}
        self._revealed: set[int] = set()
        self._places: dict[str, tuple[str, str]] = {}
        self._genders = _labels(Gender)
        self._statuses = _labels(EmploymentStatus)
        self._tiers = _labels(PlaceTier)
        self._titles = [_tr(column.title) for column in COLUMNS]
        self._short_groups = {group: _tr(name) for group, name in _PRIORITY_SHORT.items()}
        self._group_labels = {group: enum_label(group) for group in PriorityGroup}
        self._mark = _tr(_MARK)
        #: How many page reads ran: each is one ``WorkerService.rows`` call.
        self.page_reads = 0

    # -- the query ---------------------------------------------------------------------
    @property
    def roster_filter(self) -> RosterFilter:
        return self._filter

    @property
    def roster_sort(self) -> RosterSort:
        return self._sort

    def set_filter(self, flt: RosterFilter) -> None:
        """Search with ``flt`` (before the first ``reload``, only remember it)."""
        if flt != self._filter:
            self._filter = flt
            # A revealed number stays revealed only while the broker looks at it.
            self._revealed.clear()
            if self._loaded:
                self._search()

    def set_sort(self, sort: RosterSort) -> None:
        if sort != self._sort:
            self._sort = sort
            if self._loaded:
                self._search()

    def reload(self) -> None:
        """Search again with the current filter and order."""
        self._unfiltered = None
        self._search()

    def _search(self) -> None:
        keys: RosterKeys | None = None
        whole = self._filter == RosterFilter()
        if whole and self._unfiltered is not None and self._unfiltered[0] == self._sort:
            # Clearing the search box is the commonest search of all: the whole
            # roster's keys are kept until the next write.
            keys = self._unfiltered[1]
        if keys is None:
            keys = self._service.search_keys(self._filter, self._sort)
            if whole:
                self._unfiltered = (self._sort, keys)
        self.beginResetModel()
        self._loaded = True
        self._keys = keys
        self._today = self._today_fn()
        self.endResetModel()
        self.count_changed.emit(len(keys))

    def sort_column(self) -> int:
        """The column showing the current order."""
        return next(i for i, c in enumerate(COLUMNS) if c.sort_key == self._sort.key)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key is not None

    # -- rows --------------------------------------------------------------------------
    def worker_id(self, row: int) -> str | None:
        record = self._record(row)
        return record.id if record else None

    def key(self, row: int) -> int | None:
        """The row key (not the worker id) of ``row``: stable across searches."""
        return self._keys.at(row)

    def row_of_key(self, key: int) -> int | None:
        """Where ``key`` is, among the rows the view has reached (None elsewhere)."""
        return self._keys.row_of(key)

    def row_keys(self) -> RosterKeys:
        """The keys of the current search (how many are held, for the memory test)."""
        return self._keys

    def is_revealed(self, row: int) -> bool:
        pk = self._keys.at(row)
        return pk is not None and pk in self._revealed

    def set_revealed(self, row: int, revealed: bool) -> None:
        """Show this row's ID number, phone and 帮扶身份 in full (or mask them again).
        The caller audits the reveal."""
        pk = self._keys.at(row)
        if pk is None:
            return
        if revealed:
            self._revealed.add(pk)
        else:
            self._revealed.discard(pk)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def apply_change(self, change: Change) -> None:
        """Bring the table up to date after a write: repaint the edited rows, or search
        again when the write can change which workers match or their order."""
        if not change.touches(RecordKind.WORKER):
            return
        rows = self._forget(change.record_ids)
        cosmetic = (
            change.op is Op.UPDATE
            and change.fields
            and not change.fields & _QUERY_FIELDS
            and self._sort.key != SortKey.UPDATED
        )
        if not cosmetic:
            self.reload()
            return
        last = len(COLUMNS) - 1
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # -- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort_key:
            return _tr("点击按此列排序，再点一次倒序")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.is_sortable(column):
            key = COLUMNS[column].sort_key or SortKey.NAME
            self.set_sort(RosterSort(key, order == Qt.SortOrder.DescendingOrder))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
            WORKER_ID_ROLE,
        ):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(key, record, record.pk)
        if role == WORKER_ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return _ARCHIVED_BRUSH if record.archived else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in ("gender", "age"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        return self._tooltip(key, record, record.pk)

    # -- reading and caching -----------------------------------------------------------
    def _record(self, row: int) -> RosterRow | None:
        pk = self._keys.at(row)
        if pk is None:
            return None
        if pk not in self._cache:
            self._read_page(row // self._page_size)
        return self._cache.get(pk)

    def _read_page(self, page: int) -> None:
        start = page * self._page_size
        span = self._keys.span(start, start + self._page_size)
        wanted = [pk for pk in span if pk not in self._cache]
        if len(self._cache) + len(wanted) > self._max_cached:
            self._cache.clear()
        found = self._service.rows(wanted)
        self.page_reads += 1
        for pk in wanted:
            # None marks a worker removed since the search (e.g. by sync), so it is
            # not read again on every repaint.
            self._cache[pk] = found.get(pk)

    def _forget(self, worker_ids: Iterable[str]) -> list[int]:
        """Drop cached rows of these workers; returns the rows they occupied."""
        wanted = set(worker_ids)
        stale = [pk for pk, rec in self._cache.items() if rec and rec.id in wanted]
        for pk in stale:
            del self._cache[pk]
        return self._keys.rows_of(stale)

    # -- presentation ------------------------------------------------------------------
    def _display(self, key: str, record: RosterRow, pk: int) -> str:
        if key == "name":
            return str(record.name)
        if key == "gender":
            return self._genders.get(record.gender, "")
        if key == "age":
            birth = record.birth_date
            return str(age_on(birth, self._today)) if birth and birth <= self._today else ""
        if key == "id_number":
            return shown(Personal.ID_NUMBER, record.id_number, full=pk in self._revealed)
        if key == "phone":
            return shown(Personal.PHONE, record.phone, full=pk in self._revealed)
        if key == "village":
            return self._place(record.org_code)[0]
        if key == "status":
            return self._statuses.get(record.employment_status, "")
        if key == "place_tier":
            tier = record.place_tier
            return "" if tier == PlaceTier.NONE.value else self._tiers.get(tier, "")
        if key == "employer":
            return str(record.employer or "")
        if key == "priority":
            names = group_names(
                self._groups(record),
                self._short_groups,
                full=pk in self._revealed,
                mark=self._mark,
            )
            return "、".join(names)
        if key == "labor_brand":
            return str(record.labor_brand or "")
        if key == "skills":
            return "、".join(record.skills or ())
        if key == "updated":
            moment = record.updated_at
            return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else ""
        return ""

    def _tooltip(self, key: str, record: RosterRow, pk: int) -> str | None:
        if key == "priority":
            names = group_names(
                self._groups(record), self._group_labels, full=pk in self._revealed, mark=self._mark
            )
            return "、".join(names) or None
        if key == "village":
            return self._place(record.org_code)[1]
        if key in ("employer", "skills", "name"):
            text = self._display(key, record, 0)
            return text or None
        return None

    def _groups(self, record: RosterRow) -> list[PriorityGroup]:
        monitoring = record.monitoring_type
        return priority_groups(
            poverty_alleviated=bool(record.poverty_alleviated),
            monitoring_type=_MONITORING.get(monitoring) if monitoring else None,
            low_income=bool(record.low_income),
            disabled=bool(record.disabled),
            birth_date=record.birth_date,
            on=self._today,
        )

    def _place(self, code: str | None) -> tuple[str, str]:
        """(short text for the cell, full path for the tooltip) of a household code."""
        if not code:
            return "", ""
        cached = self._places.get(code)
        if cached is None:
            directory = load_zoucheng()
            unit = directory.find(code)
            if unit is None:
                cached = (code, code)
            else:
                cached = (unit.short_name, directory.display_name(code))
            self._places[code] = cached
        return cached


def _labels(enum: type[LabeledEnum]) -> dict[str, str]:
    """Stored value -> translated label, looked up once instead of per cell."""
    return {member.value: enum_label(member) for member in enum}
