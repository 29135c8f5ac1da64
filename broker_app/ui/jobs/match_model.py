"""The 匹配 table: one row per match, over ``MatchWorkflowService``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.jobs.query import MatchFilter
from broker_app.domain.org.place import place_name
from broker_app.domain.people.privacy import Personal, shown
from broker_app.services.changes import Change, RecordKind
from broker_app.services.matching.rows import MatchRow
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label
from broker_app.ui.table_models import Column, PagedTableModel

_CONTEXT = "MatchTableModel"

COLUMNS = (
    Column("worker", QT_TRANSLATE_NOOP(_CONTEXT, "劳动力"), None, 5),
    Column("phone", QT_TRANSLATE_NOOP(_CONTEXT, "联系电话"), None, 6.5),
    Column("village", QT_TRANSLATE_NOOP(_CONTEXT, "户籍村"), None, 9),
    Column("job", QT_TRANSLATE_NOOP(_CONTEXT, "岗位"), None, 8),
    Column("employer", QT_TRANSLATE_NOOP(_CONTEXT, "用工单位"), None, 12),
    Column("status", QT_TRANSLATE_NOOP(_CONTEXT, "状态"), None, 4),
    Column("date", QT_TRANSLATE_NOOP(_CONTEXT, "日期"), None, 6),
    Column("score", QT_TRANSLATE_NOOP(_CONTEXT, "匹配分"), None, 3),
    Column("notes", QT_TRANSLATE_NOOP(_CONTEXT, "备注"), None, 10),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


class MatchTableModel(PagedTableModel[MatchRow]):
    context = _CONTEXT
    columns = COLUMNS

    def __init__(self, service: MatchWorkflowService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.match_filter = MatchFilter()
        self._statuses = {m.value: enum_label(m) for m in MatchStatus}
        self._places: dict[str, str] = {}
        #: Workers whose phone the broker revealed (audited by the page).
        self.revealed: set[str] = set()

    def set_filter(self, flt: MatchFilter) -> None:
        if flt != self.match_filter:
            self.match_filter = flt
            # A revealed phone stays revealed only while the broker looks at it.
            self.revealed.clear()
            self.reload()

    def set_revealed(self, row: int) -> None:
        """Show the phone of the worker in ``row`` in full (the caller audits it)."""
        record = self.row_at(row)
        if record is None:
            return
        worker_id = record.worker_id
        self.revealed.add(worker_id)
        column = COLUMN_KEYS.index("phone")
        for other in range(self.rowCount()):
            shown_row = self.row_at(other)
            if shown_row is not None and shown_row.worker_id == worker_id:
                self.dataChanged.emit(self.index(other, column), self.index(other, column))

    def apply_change(self, change: Change) -> None:
        if change.touches(RecordKind.MATCH):
            self.reload()
        elif change.touches(RecordKind.JOB, RecordKind.WORKER):
            self._cache.clear()
            if self.rowCount():
                last = self.index(self.rowCount() - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def search_keys(self) -> list[int]:
        return self._service.search_keys(self.match_filter)

    def read_rows(self, keys: Sequence[int]) -> dict[int, MatchRow]:
        return self._service.rows(keys)

    def display(self, key: str, row: MatchRow) -> str:
        if key == "worker":
            return row.worker_name
        if key == "phone":
            full = row.worker_id in self.revealed
            return shown(Personal.PHONE, row.worker_phone, full=full)
        if key == "village":
            return self._place(row.worker_org)
        if key == "job":
            return row.job_title
        if key == "employer":
            return row.employer_name
        if key == "status":
            return self._statuses.get(row.status, row.status)
        if key == "date":
            history: list[Any] = row.history or []
            return str(history[-1].get("date", "")) if history else ""
        if key == "score":
            return f"{row.score:.0f}"
        if key == "notes":
            return row.notes or ""
        return ""

    def tooltip(self, key: str, row: MatchRow) -> str | None:
        if key == "status":
            history: list[Any] = row.history or []
            lines = [
                f"{h.get('date', '')} {self._statuses.get(h.get('status'), '')} {h.get('note', '')}"
                for h in history
            ]
            return "\n".join(line.strip() for line in lines) or None
        if key in ("job", "employer", "notes"):
            return self.display(key, row) or None
        return None

    def _place(self, code: str) -> str:
        name = self._places.get(code)
        if name is None:
            name = self._places[code] = place_name(code)
        return name
