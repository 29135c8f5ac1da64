"""Job posting use cases: add, edit, close, reopen, mark filled, list.

The station publishes its own postings under its org code; postings of the county or
a township arrive by sync and are read-only here (the server would refuse a write
outside the station's scope anyway), though the station matches workers to them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.common.errors import FieldError, InvalidInput, UserError
from broker_app.domain.jobs.query import JobFilter, JobSort
from broker_app.domain.jobs.rules import CleanJob, clean_job
from broker_app.domain.jobs.status import check_job_status
from broker_app.domain.jobs.welfare import RuleWarning
from broker_app.domain.org.codes import code_in_scope
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.jobs.rows import JobRow
from broker_app.store.models.job import JobPosting
from broker_app.store.repositories import jobs as repo
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)


class InvalidJob(InvalidInput):
    """The input breaks one or more rules; ``errors`` says which, field by field."""


class JobNotFound(UserError, LookupError):
    def __init__(self, job_id: str) -> None:
        super().__init__(f"找不到该岗位（{job_id}）", f"no job posting {job_id}")
        self.job_id = job_id


@dataclass(frozen=True)
class JobSaved:
    """A saved posting: what changed, and the warnings worth showing the broker."""

    change: Change
    warnings: list[RuleWarning] = field(default_factory=list)

    @property
    def job_id(self) -> str:
        return self.change.record_ids[0]


class JobPostingService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def search_keys(self, flt: JobFilter, sort: JobSort) -> list[int]:
        with self.store.read() as session:
            return repo.search_pks(session, flt, sort, _station_org(session))

    def rows(self, pks: Sequence[int]) -> dict[int, JobRow]:
        """List rows by row key."""
        with self.store.read() as session:
            found = repo.rows_by_pks(session, pks)
        return {pk: JobRow._make(row) for pk, row in found.items()}

    def count(self, flt: JobFilter) -> int:
        with self.store.read() as session:
            return repo.count(session, flt, _station_org(session))

    def page(self, flt: JobFilter, sort: JobSort, offset: int = 0, limit: int = 50) -> list[JobRow]:
        with self.store.read() as session:
            rows = repo.page(session, flt, sort, offset, limit, _station_org(session))
        return [JobRow._make(row) for row in rows]

    def details(self, job_id: str) -> dict[str, Any]:
        """Every stored field of one posting, plus ``id``, ``filled`` and ``editable``."""
        with self.store.read() as session:
            job = _get(session, job_id)
            values = {name: getattr(job, name) for name in JobPosting.sync_fields}
            return {
                "id": job.id,
                **values,
                "filled": repo.filled_count(session, job_id),
                "editable": _editable(session, job),
            }

    def check(
        self, raw: Mapping[str, Any], job_id: str | None = None, today: date | None = None
    ) -> CleanJob:
        """Validate without saving (the editor shows errors and warnings as you type)."""
        if job_id is None:
            return clean_job(raw, today=today)
        with self.store.read() as session:
            current = _current(_get(session, job_id))
        return clean_job(raw, today=today, partial=True, current=current)

    # -- writes ------------------------------------------------------------------
    def create(self, raw: Mapping[str, Any], today: date | None = None) -> JobSaved:
        """A new posting published by this station, 招聘中."""
        cleaned = clean_job(raw, today=today)
        if not cleaned.ok:
            raise InvalidJob(cleaned.errors)
        with self.store.write() as session:
            org = _station_org(session)
            if org is None:
                raise FieldError("org_code", "请先设置本驿站所属单位", "station not configured")
            values = {**cleaned.values, "org_code": org, "status": JobStatus.OPEN.value}
            job = repo.create(self.store.writer(session), values)
            job_id = job.id
        log.info("created job posting %s", job_id)
        return JobSaved(Change(RecordKind.JOB, Op.CREATE, (job_id,)), cleaned.warnings)

    def edit(self, job_id: str, raw: Mapping[str, Any], today: date | None = None) -> JobSaved:
        """Change the fields present in ``raw``; the rest stay as they are."""
        with self.store.write() as session:
            job = _get(session, job_id)
            _require_editable(session, job)
            cleaned = clean_job(raw, today=today, partial=True, current=_current(job))
            if not cleaned.ok:
                raise InvalidJob(cleaned.errors)
            changed = repo.update(self.store.writer(session), job, cleaned.values)
        return JobSaved(
            Change(RecordKind.JOB, Op.UPDATE, (job_id,), frozenset(changed)),
            cleaned.warnings,
        )

    def close(self, job_id: str) -> Change:
        return self._set_status(job_id, JobStatus.CLOSED)

    def reopen(self, job_id: str) -> Change:
        return self._set_status(job_id, JobStatus.OPEN)

    def mark_filled(self, job_id: str) -> Change:
        """已满员: refused unless 录用 + 已上岗 reach the headcount."""
        return self._set_status(job_id, JobStatus.FILLED)

    def archive(self, job_id: str) -> Change:
        with self.store.write() as session:
            job = _get(session, job_id)
            _require_editable(session, job)
            repo.update(self.store.writer(session), job, {"archived": True})
        return Change(RecordKind.JOB, Op.ARCHIVE, (job_id,), frozenset({"archived"}))

    def _set_status(self, job_id: str, status: JobStatus) -> Change:
        with self.store.write() as session:
            job = _get(session, job_id)
            _require_editable(session, job)
            check_job_status(job.status, status, repo.filled_count(session, job_id), job.headcount)
            changed = repo.update(self.store.writer(session), job, {"status": status.value})
        log.info("job posting %s now %s", job_id, status.value)
        return Change(RecordKind.JOB, Op.UPDATE, (job_id,), frozenset(changed))


def _station_org(session: Transaction) -> str | None:
    return get_station(session).org_code


def _get(session: Transaction, job_id: str) -> JobPosting:
    job = repo.get(session, job_id)
    if job is None:
        raise JobNotFound(job_id)
    return job


def _editable(session: Transaction, job: JobPosting) -> bool:
    org = _station_org(session)
    return org is not None and code_in_scope(org, job.org_code)


def _require_editable(session: Transaction, job: JobPosting) -> None:
    if not _editable(session, job):
        raise FieldError(
            "org_code",
            "这是上级发布的岗位，只能由发布单位修改或关闭",
            f"job {job.id} published by {job.org_code}, outside this station",
            reason="read_only",
        )


def _current(job: JobPosting) -> dict[str, Any]:
    return {name: getattr(job, name) for name in JobPosting.sync_fields}
