"""Exporting the roster to a workbook.

By default ID numbers, phones and the 帮扶身份 columns are masked
(``domain.people.privacy``); with ``full=True`` the workbook holds the stored values and
imports again unchanged. Every export is written to the audit log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from broker_app.domain.common.enums import (
    Education,
    EmploymentMode,
    EmploymentStatus,
    Gender,
    LabeledEnum,
    MonitoringType,
    PlaceTier,
)
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.privacy import Personal, shown
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.audit import CHANNEL_APP, ROSTER, AuditService
from broker_app.services.excel.roster_columns import ROSTER_EXPORT_COLUMNS, roster_export_specs
from broker_app.services.excel.writer import XlsxWriter
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.store.repositories import workers as repo
from broker_app.store.store import Store

log = logging.getLogger(__name__)

_ENUMS: dict[str, type[LabeledEnum]] = {
    "gender": Gender,
    "education": Education,
    "employment_status": EmploymentStatus,
    "employment_mode": EmploymentMode,
    "place_tier": PlaceTier,
    "intended_place_tier": PlaceTier,
    "monitoring_type": MonitoringType,
}
_FLAGS = ("poverty_alleviated", "low_income", "disabled", "willing_to_train", "consent")
_LISTS = ("skills", "certificates", "intended_work_types")
#: Columns that say which 帮扶 category a person is in.
_ASSISTANCE = ("poverty_alleviated", "monitoring_type", "low_income", "disabled")


def _label(enum: type[LabeledEnum], value: str | None) -> str:
    if not value:
        return ""
    member = enum.from_value(value)
    # A value from a newer version of the app is shown as stored.
    return member.label if member is not None else value


def _cell_maker(field: str) -> Callable[[Any], Any]:
    """How a stored value of ``field`` is written: labels, 是/否, lists joined by 、."""
    if field in _ENUMS:
        enum = _ENUMS[field]
        return lambda value: _label(enum, value)
    if field in _FLAGS:
        return lambda value: "" if value is None else ("是" if value else "否")
    if field in _LISTS:
        return lambda value: "、".join(value or [])
    return lambda value: value


class RosterExportService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def export(
        self,
        path: Path,
        flt: RosterFilter | None = None,
        *,
        full: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        channel: str = CHANNEL_APP,
    ) -> int:
        """Write the matching workers to ``path``; returns how many. The file appears
        only when complete (temp name, then rename). ``full``: unmasked personal data."""
        flt = flt or RosterFilter()
        directory = load_zoucheng()
        fields = [field for field, _ in ROSTER_EXPORT_COLUMNS]
        stored = [f for f in fields if f not in ("township", "village")]
        makers = {f: _cell_maker(f) for f in stored}
        if not full:
            makers["id_number"] = lambda value: shown(Personal.ID_NUMBER, value)
            makers["phone"] = lambda value: shown(Personal.PHONE, value)
            for field in _ASSISTANCE:
                makers[field] = lambda _value: shown(Personal.ASSISTANCE, None)
        places: dict[str, tuple[str, str]] = {}

        def place(code: str) -> tuple[str, str]:
            if code not in places:
                path_units = directory.path(code) if directory.find(code) else []
                township = next((u.short_name for u in path_units if u.level == "township"), "")
                village = next((u.short_name for u in path_units if u.level == "village"), "")
                places[code] = (township, village)
            return places[code]

        with self.store.read() as session:
            total = repo.count(session, flt)
            rows = repo.iter_columns(session, flt, RosterSort(), ("org_code", *stored))
            written = 0
            with XlsxWriter(path) as book:
                sheet = book.add_sheet("花名册", roster_export_specs())
                for row in _checked(rows, cancel):
                    values = dict(zip(stored, row[1:], strict=True))
                    township, village = place(row[0])
                    out = []
                    for field in fields:
                        if field == "township":
                            out.append(township)
                        elif field == "village":
                            out.append(village)
                        else:
                            out.append(makers[field](values[field]))
                    sheet.append(out)
                    written += 1
                    if written % 5000 == 0:
                        progress(written / max(1, total), f"已导出 {written}/{total} 人")
        progress(1.0, "完成")
        log.info("exported %d workers to %s (full=%s)", written, path, full)
        AuditService(self.store, channel=channel).record_export(ROSTER, path, written, full=full)
        return written


def _checked(
    rows: Iterator[tuple[Any, ...]], cancel: CancelToken | None
) -> Iterator[tuple[Any, ...]]:
    for n, row in enumerate(rows):
        if cancel is not None and n % 2000 == 0:
            cancel.check()
        yield row
