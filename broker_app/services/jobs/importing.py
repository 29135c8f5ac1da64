"""Importing job postings from a workbook (an employer's list, a job fair's sheet).

Like the roster import: headers are recognised by their usual Chinese names in any
order; every bad row is reported with its row number, column and reason; the good
rows go in together in one transaction; re-importing the same file changes nothing.

A posting is identified by its employer (统一社会信用代码, else the name), its title
and its place (the township or village code, else the place text). A row naming a
posting the station already has updates it with the cells it fills; a row naming a
posting published by a higher unit is refused, since only the publisher may change it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from broker_app.domain.common import coerce
from broker_app.domain.common.enums import JobStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.jobs.rules import LABELS, clean_job
from broker_app.domain.org.codes import code_in_scope
from broker_app.domain.org.place import place_name
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.excel.headers import HeaderMap, detect_header
from broker_app.services.excel.values import CellValue
from broker_app.services.jobs.columns import JOB_HEADER_SYNONYMS, JOB_REQUIRED_FIELDS
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.services.workbook_import import (
    ImportResult,
    RowOutcome,
    RowProblem,
    Rows,
    WorkbookImport,
)
from broker_app.services.workbook_import import write_errors_workbook as write_rejected_rows
from broker_app.store.models.job import JobPosting
from broker_app.store.repositories import jobs as repo
from broker_app.store.repositories.station import get_station

log = logging.getLogger(__name__)

# Import fields that are not JobPosting fields, and the stored fields they set.
_WRITTEN = {
    "wage": ("wage_min", "wage_max", "wage_unit"),
    "age": ("age_min", "age_max"),
    "place_text": ("place_org_code", "place_tier", "place_text"),
}


class JobImportService(WorkbookImport):
    subject = "job"

    # -- steps -------------------------------------------------------------------
    def find_header(
        self, rows: Rows, mapping: Mapping[str, int] | None, *, require: bool
    ) -> HeaderMap:
        # The required columns are asked for in a preview too: a posting sheet has no
        # optional identity columns to map instead.
        header = detect_header(rows, JOB_HEADER_SYNONYMS, required=JOB_REQUIRED_FIELDS)
        if mapping is not None:
            header.columns = dict(mapping)
        return header

    def validate(
        self,
        data: Rows,
        header: HeaderMap,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> list[RowOutcome]:
        if cancel is not None:
            cancel.check()
        progress(0.2, "检查数据")
        with self.store.read() as session:
            station_org = get_station(session).org_code
            if station_org is None:
                raise FieldError("org_code", "请先设置本驿站所属单位", "station not configured")
            known = repo.identity_index(session)
            stored = {job_id: _stored(session, job_id) for job_id, _ in known.values()}
        seen: dict[tuple[str, str, str], int] = {}
        outcomes: list[RowOutcome] = []
        for number, cells in data:
            if all(coerce.is_blank(c) for c in cells):
                continue
            outcome = RowOutcome(number, list(cells))
            _validate_row(outcome, header, station_org, known, stored, seen, today)
            outcomes.append(outcome)
        return outcomes

    def write(
        self,
        good: list[RowOutcome],
        result: ImportResult,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        if cancel is not None:
            cancel.check()
        progress(0.7, "写入数据库")
        with self.store.write() as session:
            org = get_station(session).org_code
            writer = self.store.writer(session)
            new = [
                {**o.values, "org_code": org, "status": JobStatus.OPEN.value}
                for o in good
                if o.existing_id is None
            ]
            added = repo.bulk_create(writer, new) if new else []
            updated: list[str] = []
            for outcome in good:
                if outcome.existing_id is None:
                    continue
                job = repo.get(session, outcome.existing_id)
                if job is not None and repo.update(writer, job, outcome.values):
                    updated.append(job.id)
                else:
                    result.unchanged += 1
            if cancel is not None:
                # Raising inside the transaction rolls every row back.
                cancel.check()
        result.added, result.updated = len(added), len(updated)
        if added:
            result.changes.append(Change(RecordKind.JOB, Op.CREATE, tuple(added)))
        if updated:
            result.changes.append(Change(RecordKind.JOB, Op.UPDATE, tuple(updated)))
        progress(1.0, "完成")


def _stored(session: Any, job_id: str) -> dict[str, Any]:
    job = repo.get(session, job_id)
    assert job is not None
    return {name: getattr(job, name) for name in JobPosting.sync_fields}


def _validate_row(
    outcome: RowOutcome,
    header: HeaderMap,
    station_org: str,
    known: Mapping[tuple[str, str, str], tuple[str, str]],
    stored: Mapping[str, Mapping[str, Any]],
    seen: dict[tuple[str, str, str], int],
    today: date | None,
) -> None:
    raw = _raw(outcome.cells, header)

    def report(err: FieldError, into: list[RowProblem]) -> None:
        column = _column_of(err.field, header)
        label = header.labels.get(column) if column is not None else None
        into.append(
            RowProblem(outcome.row_number, err.field, label or LABELS.get(err.field, err.field),
                       err.message)
        )  # fmt: skip

    full = clean_job(raw, today=today)
    for err in full.errors:
        report(err, outcome.problems)
    if outcome.problems:
        return
    values = full.values
    key = repo.identity_key(
        values["employer_credit_code"],
        values["employer_name"],
        values["title"],
        values["place_org_code"],
        values["place_text"],
    )
    if key in seen:
        report(
            FieldError(
                "title",
                f"与第 {seen[key]} 行是同一岗位（同一单位、岗位名称和工作地点）",
                f"same posting as row {seen[key]}",
                reason="duplicate_in_file",
            ),
            outcome.problems,
        )
        return
    seen[key] = outcome.row_number
    existing = known.get(key)
    if existing is None:
        outcome.values = values
        for warning in full.warnings:
            report(FieldError(warning.field, warning.message, warning.message_en), outcome.warnings)
        return
    job_id, publisher = existing
    if not code_in_scope(station_org, publisher):
        report(
            FieldError(
                "title",
                f"该岗位已由{place_name(publisher)}发布，只能由发布单位修改",
                f"posting {job_id} belongs to {publisher}",
                reason="read_only",
            ),
            outcome.problems,
        )
        return
    # Only the cells this row fills change the stored posting.
    filled = {name: value for name, value in raw.items() if not coerce.is_blank(value)}
    partial = clean_job(filled, today=today, partial=True, current=stored[job_id])
    for err in partial.errors:
        report(err, outcome.problems)
    outcome.existing_id = job_id
    outcome.values = partial.values
    for warning in partial.warnings:
        report(FieldError(warning.field, warning.message, warning.message_en), outcome.warnings)


def _raw(cells: Sequence[CellValue], header: HeaderMap) -> dict[str, Any]:
    raw: dict[str, Any] = {name: header.value(cells, name) for name in header.columns}
    education = coerce.text(raw.pop("education", None))
    if education:
        requirements = coerce.text(raw.get("requirements"))
        extra = f"学历要求：{education}"
        raw["requirements"] = f"{requirements}；{extra}" if requirements else extra
    return raw


def _column_of(field_name: str, header: HeaderMap) -> int | None:
    for written, stored in _WRITTEN.items():
        if field_name in stored and written in header.columns:
            return header.columns[written]
    if field_name == "place_tier" and "place_tier" not in header.columns:
        return header.columns.get("place_text")
    if field_name in ("age_min", "age_max"):
        return header.columns.get("age")
    return header.columns.get(field_name)


def write_errors_workbook(result: ImportResult, path: Path) -> Path:
    """The rejected posting rows with 行号 and 错误原因 (see ``workbook_import``)."""
    return write_rejected_rows(result, path, ("contact_phone", "employer_credit_code"))
