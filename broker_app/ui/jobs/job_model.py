"""The 岗位 table: one row per posting, over ``JobPostingService``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt

from broker_app.domain.common.enums import JobKind, JobStatus, PlaceTier
from broker_app.domain.jobs.age import format_age_range
from broker_app.domain.jobs.query import JobFilter, JobSort, JobSortKey
from broker_app.domain.jobs.wage import format_wage
from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.domain.org.place import place_name
from broker_app.services.changes import Change, RecordKind
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.jobs.rows import JobRow
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.table_models import Column, PagedTableModel

_CONTEXT = "JobTableModel"

COLUMNS = (
    Column("title", QT_TRANSLATE_NOOP(_CONTEXT, "岗位名称"), JobSortKey.TITLE, 8),
    Column("employer", QT_TRANSLATE_NOOP(_CONTEXT, "用工单位"), JobSortKey.EMPLOYER, 12),
    Column("kind", QT_TRANSLATE_NOOP(_CONTEXT, "岗位类型"), None, 6),
    Column("work_type", QT_TRANSLATE_NOOP(_CONTEXT, "工种"), None, 5),
    Column("place", QT_TRANSLATE_NOOP(_CONTEXT, "工作地点"), None, 9),
    Column("headcount", QT_TRANSLATE_NOOP(_CONTEXT, "已录用/招聘"), JobSortKey.HEADCOUNT, 5),
    Column("wage", QT_TRANSLATE_NOOP(_CONTEXT, "薪资"), None, 8),
    Column("age", QT_TRANSLATE_NOOP(_CONTEXT, "年龄"), None, 6),
    Column("deadline", QT_TRANSLATE_NOOP(_CONTEXT, "截止日期"), JobSortKey.DEADLINE, 6),
    Column("status", QT_TRANSLATE_NOOP(_CONTEXT, "状态"), None, 4),
    Column("publisher", QT_TRANSLATE_NOOP(_CONTEXT, "发布单位"), None, 6),
    Column("updated", QT_TRANSLATE_NOOP(_CONTEXT, "更新时间"), JobSortKey.UPDATED, 8),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class JobTableModel(PagedTableModel[JobRow]):
    context = _CONTEXT
    columns = COLUMNS

    def __init__(
        self, service: JobPostingService, station_org: str | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._station_org = station_org
        self.job_filter = JobFilter()
        self.job_sort = JobSort()
        self._kinds = {m.value: enum_label(m) for m in JobKind}
        self._statuses = {m.value: enum_label(m) for m in JobStatus}
        self._tiers = {m.value: enum_label(m) for m in PlaceTier}

    def set_filter(self, flt: JobFilter) -> None:
        if flt != self.job_filter:
            self.job_filter = flt
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.is_sortable(column):
            key = COLUMNS[column].sort_key or JobSortKey.UPDATED
            self.job_sort = JobSort(key, order == Qt.SortOrder.DescendingOrder)
            self.reload()

    def apply_change(self, change: Change) -> None:
        """Jobs change the rows; matches change the filled counts."""
        if change.touches(RecordKind.JOB):
            self.reload()
        elif change.touches(RecordKind.MATCH):
            self._cache.clear()
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    # -- PagedTableModel -----------------------------------------------------------------
    def search_keys(self) -> list[int]:
        return self._service.search_keys(self.job_filter, self.job_sort)

    def read_rows(self, keys: Sequence[int]) -> dict[int, JobRow]:
        return self._service.rows(keys)

    def display(self, key: str, row: JobRow) -> str:
        if key == "title":
            return row.title
        if key == "employer":
            return row.employer_name
        if key == "kind":
            return self._kinds.get(row.kind, row.kind)
        if key == "work_type":
            return row.work_type or ""
        if key == "place":
            return self._place(row)
        if key == "headcount":
            return f"{row.filled}/{row.headcount}"
        if key == "wage":
            return format_wage(row.wage_min, row.wage_max, row.wage_unit)
        if key == "age":
            return format_age_range(row.age_min, row.age_max)
        if key == "deadline":
            return row.deadline.isoformat() if isinstance(row.deadline, date) else ""
        if key == "status":
            return self._statuses.get(row.status, row.status)
        if key == "publisher":
            return self._publisher(row.org_code)
        if key == "updated":
            moment = row.updated_at
            return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else ""
        return ""

    def tooltip(self, key: str, row: JobRow) -> str | None:
        if key in ("title", "employer", "place"):
            return self.display(key, row) or None
        if key == "publisher":
            return place_name(row.org_code)
        return None

    def _place(self, row: JobRow) -> str:
        if row.place_text:
            return row.place_text
        if row.place_org_code:
            return place_name(row.place_org_code)
        return self._tiers.get(row.place_tier, "")

    def _publisher(self, org: str) -> str:
        if org == self._station_org:
            return _tr("本驿站")
        if org == COUNTY_CODE:
            return _tr("市人社局")
        return place_name(org)
