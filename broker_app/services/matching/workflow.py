"""Matches from recommendation to work: create them, move them along, list them.

Every move is one transaction with everything it implies: the match's status and
history, and on 已上岗 / 离岗 the worker's employment record (so the roster and the
就业帮扶台账 never disagree with the matches), each write with its outbox entry.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common.enums import EmploymentStatus, JobStatus, MatchStatus
from broker_app.domain.jobs.query import MatchFilter
from broker_app.domain.matching.engine import evaluate, exclusion_reasons
from broker_app.domain.matching.status import (
    check_transition,
    departure,
    history_entry,
    match_status,
    next_statuses,
    placement,
    placement_follow_up,
    status_date,
)
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.matching.profiles import job_profile_by_id, worker_profile_by_id
from broker_app.services.matching.recommend import RecordNotFound, job_place_text
from broker_app.services.matching.rows import MatchRow
from broker_app.store.models.assistance import FollowUp
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.models.worker import Worker
from broker_app.store.repositories import jobs as job_repo
from broker_app.store.repositories import matches as repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction
from broker_app.store.writer import RecordWriter

log = logging.getLogger(__name__)

_EMPLOYED = frozenset({EmploymentStatus.EMPLOYED.value, EmploymentStatus.FLEXIBLE.value})


@dataclass(frozen=True)
class SkippedWorker:
    worker_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class MatchesCreated:
    match_ids: list[str]
    skipped: list[SkippedWorker]
    changes: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class StatusChanged:
    match_id: str
    status: MatchStatus
    changes: list[Change]
    #: The worker's employment fields that changed (on 已上岗 / 离岗).
    worker_fields: frozenset[str] = frozenset()
    #: 录用 + 已上岗 now reach the headcount of a posting still 招聘中: offer 已满员.
    job_full: bool = False


class MatchWorkflowService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def search_keys(self, flt: MatchFilter) -> list[int]:
        with self.store.read() as session:
            return repo.search_pks(session, flt)

    def rows(self, pks: Sequence[int]) -> dict[int, MatchRow]:
        """List rows by row key."""
        with self.store.read() as session:
            found = repo.rows_by_pks(session, pks)
        return {pk: MatchRow._make(row) for pk, row in found.items()}

    def count(self, flt: MatchFilter) -> int:
        with self.store.read() as session:
            return repo.count(session, flt)

    def status_counts(self, flt: MatchFilter) -> dict[str, int]:
        with self.store.read() as session:
            return repo.status_counts(session, flt)

    def page(self, flt: MatchFilter, offset: int = 0, limit: int = 50) -> list[MatchRow]:
        with self.store.read() as session:
            rows = repo.page(session, flt, offset, limit)
        return [MatchRow._make(row) for row in rows]

    def details(self, match_id: str) -> dict[str, Any]:
        """Stored fields plus ``id`` and ``next``: the statuses it may move to."""
        with self.store.read() as session:
            match = _get(session, match_id)
            values = {name: getattr(match, name) for name in Match.sync_fields}
            return {"id": match.id, **values, "next": next_statuses(match.status)}

    # -- writes ------------------------------------------------------------------
    def create_matches(
        self,
        job_id: str,
        worker_ids: Sequence[str],
        note: str = "",
        on: date | None = None,
    ) -> MatchesCreated:
        """推荐 matches for the chosen workers. Workers who already have an active
        match for the job, or who no longer pass the hard constraints (the list may
        be stale), are skipped with the reason."""
        on = on or date.today()
        created: list[str] = []
        skipped: list[SkippedWorker] = []
        with self.store.write() as session:
            job = job_profile_by_id(session, job_id)
            if job is None:
                raise RecordNotFound(f"找不到该岗位（{job_id}）", f"no job posting {job_id}")
            active = repo.active_by_worker(session, job_id)
            writer = self.store.writer(session)
            for worker_id in dict.fromkeys(worker_ids):
                worker = worker_repo.get(session, worker_id)
                if worker is None:
                    skipped.append(SkippedWorker(worker_id, "", "找不到该劳动力记录"))
                    continue
                if worker_id in active:
                    label = _label(active[worker_id][1])
                    skipped.append(
                        SkippedWorker(worker_id, worker.name, f"已有该岗位的匹配（{label}）")
                    )
                    continue
                profile = worker_profile_by_id(session, worker_id)
                assert profile is not None
                result = evaluate(job, profile, on)
                if result is None:
                    reason = "；".join(exclusion_reasons(job, profile, on))
                    skipped.append(SkippedWorker(worker_id, worker.name, reason))
                    continue
                entry = history_entry([], MatchStatus.RECOMMENDED, on, note, on)
                match = repo.create(
                    writer,
                    {
                        "worker_id": worker_id,
                        "job_id": job_id,
                        "org_code": worker.org_code,
                        "score": float(result.score),
                        "reasons": list(result.reasons),
                        "status": MatchStatus.RECOMMENDED.value,
                        "history": [entry],
                        "notes": "",
                    },
                )
                created.append(match.id)
        log.info("job %s: %d matches created, %d skipped", job_id, len(created), len(skipped))
        changes = [Change(RecordKind.MATCH, Op.CREATE, tuple(created))] if created else []
        return MatchesCreated(created, skipped, changes)

    def change_status(
        self,
        match_id: str,
        status: str,
        day: date | None = None,
        note: str = "",
        today: date | None = None,
    ) -> StatusChanged:
        """Move a match to ``status`` (value or label) on ``day`` (default today)."""
        today = today or date.today()
        day = day or today
        with self.store.write() as session:
            match = _get(session, match_id)
            target = check_transition(match.status, status)
            entry = history_entry(match.history, target, day, note, today)
            writer = self.store.writer(session)
            repo.update(writer, match, {"status": target.value, "history": [*match.history, entry]})
            changes = [Change(RecordKind.MATCH, Op.UPDATE, (match_id,), frozenset({"status"}))]
            worker_fields: list[str] = []
            if target is MatchStatus.ON_DUTY:
                worker_fields = self._go_on_duty(session, writer, match, day)
                follow_up = self._placement_follow_up(session, writer, match, day, entry["note"])
                changes.append(
                    Change(RecordKind.FOLLOW_UP, Op.CREATE, (follow_up,), frozenset({"worker_id"}))
                )
            elif target is MatchStatus.LEFT:
                worker_fields = self._leave(session, writer, match, day)
            if worker_fields:
                changes.append(
                    Change(
                        RecordKind.WORKER, Op.UPDATE, (match.worker_id,), frozenset(worker_fields)
                    )
                )
            job_full = target in (MatchStatus.HIRED, MatchStatus.ON_DUTY) and _full(
                session, match.job_id
            )
        log.info("match %s now %s", match_id, target.value)
        return StatusChanged(match_id, target, changes, frozenset(worker_fields), job_full)

    def set_notes(self, match_id: str, notes: str) -> Change:
        with self.store.write() as session:
            match = _get(session, match_id)
            changed = repo.update(self.store.writer(session), match, {"notes": notes.strip()})
        return Change(RecordKind.MATCH, Op.UPDATE, (match_id,), frozenset(changed))

    # -- the worker's record -------------------------------------------------------
    def _go_on_duty(
        self, session: Transaction, writer: RecordWriter, match: Match, day: date
    ) -> list[str]:
        job = _job(session, match.job_id)
        worker = _worker(session, match.worker_id)
        return worker_repo.update(writer, worker, _placement(job, day))

    def _placement_follow_up(
        self, session: Transaction, writer: RecordWriter, match: Match, day: date, note: str
    ) -> str:
        job = _job(session, match.job_id)
        worker = _worker(session, match.worker_id)
        values = placement_follow_up(
            {"employer_name": job.employer_name, "title": job.title}, day, note
        )
        record = writer.create(
            FollowUp,
            {
                **values,
                "worker_id": worker.id,
                "org_code": worker.org_code,
                "operator": get_station(session).operator_name,
            },
        )
        return record.id

    def _leave(
        self, session: Transaction, writer: RecordWriter, match: Match, day: date
    ) -> list[str]:
        """离岗: the worker's record returns to 未就业 unless another job is on duty.

        The record is reverted only while it still describes this job (the broker
        may have recorded other work since); otherwise it is left as it is.
        """
        job = _job(session, match.job_id)
        worker = _worker(session, match.worker_id)
        others = repo.other_on_duty(session, worker.id, match.id)
        if others:
            other = others[0]
            start = status_date(other.history, MatchStatus.ON_DUTY.value) or day
            return worker_repo.update(
                writer, worker, _placement(_job(session, other.job_id), start)
            )
        if worker.employment_status in _EMPLOYED and worker.employer == job.employer_name:
            return worker_repo.update(writer, worker, departure(day))
        return []


def _placement(job: JobPosting, start: date) -> dict[str, Any]:
    values = {name: getattr(job, name) for name in ("kind", "place_tier", "employer_name")}
    where = job_place_text(job.place_org_code, job.place_tier, job.place_text)
    return placement(values, where, start)


def _full(session: Transaction, job_id: str) -> bool:
    job = _job(session, job_id)
    return job.status == JobStatus.OPEN.value and job_repo.filled_count(session, job_id) >= (
        job.headcount
    )


def _get(session: Transaction, match_id: str) -> Match:
    match = repo.get(session, match_id)
    if match is None:
        raise RecordNotFound(f"找不到该匹配记录（{match_id}）", f"no match {match_id}")
    return match


def _job(session: Transaction, job_id: str) -> JobPosting:
    job = job_repo.get(session, job_id)
    if job is None:
        raise RecordNotFound(f"找不到该岗位（{job_id}）", f"no job posting {job_id}")
    return job


def _worker(session: Transaction, worker_id: str) -> Worker:
    worker = worker_repo.get(session, worker_id)
    if worker is None:
        raise RecordNotFound(f"找不到该劳动力记录（{worker_id}）", f"no worker {worker_id}")
    return worker


def _label(value: str) -> str:
    status = match_status(value)
    return status.label if status else value
