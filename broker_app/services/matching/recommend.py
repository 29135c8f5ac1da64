"""Recommendations: workers for a job (为岗位推荐) and jobs for a worker (为劳动力推荐).

The engine ranks profiles; this service loads them (hard constraints prefiltered in
SQL), and dresses the few results returned with what a person needs to act on them:
name, age, village, phone, and whether a match already exists.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from broker_app.domain.common.enums import EmploymentStatus, JobKind, JobStatus, PlaceTier
from broker_app.domain.common.errors import UserError
from broker_app.domain.jobs.wage import format_wage
from broker_app.domain.matching.engine import (
    Recommendation,
    exclusion_reasons,
    rank_jobs,
    rank_workers,
    worker_exclusions,
)
from broker_app.domain.matching.status import match_status
from broker_app.domain.org.place import place_name
from broker_app.domain.people.idcard import age_on
from broker_app.services.matching.profiles import (
    candidate_workers,
    job_profile_by_id,
    open_job_profiles,
    worker_profile_by_id,
)
from broker_app.store.repositories import jobs as job_repo
from broker_app.store.repositories import matches as match_repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 50


class RecordNotFound(UserError, LookupError):
    pass


@dataclass(frozen=True)
class WorkerCandidate:
    worker_id: str
    name: str
    gender: str  # 男 / 女
    age: int
    org_code: str
    village: str
    phone: str
    employment_status: str  # label
    score: int
    reasons: tuple[str, ...]
    match_id: str | None = None
    match_status: str | None = None  # label of an active match for this job


@dataclass(frozen=True)
class WorkerRecommendations:
    job_id: str
    job_title: str
    items: list[WorkerCandidate]
    #: Workers that passed the SQL prefilter and were scored.
    considered: int
    #: Why the job takes nobody now (closed, past its deadline); empty when open.
    job_problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class JobCandidate:
    job_id: str
    title: str
    employer_name: str
    kind: str  # label
    place: str
    wage: str
    headcount: int
    filled: int
    deadline: date | None
    score: int
    reasons: tuple[str, ...]
    match_id: str | None = None
    match_status: str | None = None


@dataclass(frozen=True)
class JobRecommendations:
    worker_id: str
    worker_name: str
    items: list[JobCandidate]
    considered: int
    #: Why the worker is not recommended anywhere now; empty when available.
    worker_problems: list[str] = field(default_factory=list)


class MatchingService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def workers_for_job(
        self, job_id: str, limit: int = DEFAULT_LIMIT, on: date | None = None
    ) -> WorkerRecommendations:
        """The best ``limit`` workers for a job, with reasons."""
        on = on or date.today()
        started = time.perf_counter()
        with self.store.read() as session:
            job = job_profile_by_id(session, job_id)
            if job is None:
                raise _job_missing(job_id)
            title = job_repo.title_of(session, job_id) or ""
            if not job.is_open(on):
                problems = _job_problems(job.status, job.archived, job.deadline, on)
                return WorkerRecommendations(job_id, title, [], 0, problems)
            workers = candidate_workers(session, job, on)
            ranked = rank_workers(job, workers, on, limit)
            items = _worker_items(session, ranked, job_id, on)
        log.info(
            "matched job %s: %d candidates, %d shown, %.0f ms",
            job_id, len(workers), len(items), (time.perf_counter() - started) * 1000,
        )  # fmt: skip
        return WorkerRecommendations(job_id, title, items, len(workers))

    def jobs_for_worker(
        self, worker_id: str, limit: int = DEFAULT_LIMIT, on: date | None = None
    ) -> JobRecommendations:
        """The best ``limit`` open jobs for a worker, with reasons."""
        on = on or date.today()
        with self.store.read() as session:
            worker = worker_profile_by_id(session, worker_id)
            if worker is None:
                raise _worker_missing(worker_id)
            name = worker_repo.name_of(session, worker_id) or ""
            problems = worker_exclusions(worker)
            if problems:
                return JobRecommendations(worker_id, name, [], 0, problems)
            jobs = open_job_profiles(session, on)
            ranked = rank_jobs(worker, jobs, on, limit)
            items = _job_items(session, ranked, worker_id)
        return JobRecommendations(worker_id, name, items, len(jobs))

    def why_not(self, job_id: str, worker_id: str, on: date | None = None) -> list[str]:
        """Why a worker is not recommended for a job (empty: they can be)."""
        on = on or date.today()
        with self.store.read() as session:
            job = job_profile_by_id(session, job_id)
            worker = worker_profile_by_id(session, worker_id)
            if job is None:
                raise _job_missing(job_id)
            if worker is None:
                raise _worker_missing(worker_id)
            return exclusion_reasons(job, worker, on)


def _worker_items(
    session: Transaction, ranked: Sequence[Recommendation], job_id: str, on: date
) -> list[WorkerCandidate]:
    details = worker_repo.contact_rows(session, [r.record_id for r in ranked])
    active = match_repo.active_by_worker(session, job_id)
    items = []
    for rec in ranked:
        _, name, gender, birth, org, phone, status = details[rec.record_id]
        match = active.get(rec.record_id)
        items.append(
            WorkerCandidate(
                worker_id=rec.record_id,
                name=name,
                gender="男" if gender == "male" else "女",
                age=age_on(birth, on),
                org_code=org,
                village=_place(org),
                phone=phone,
                employment_status=_label(EmploymentStatus, status),
                score=rec.score,
                reasons=rec.reasons,
                match_id=match[0] if match else None,
                match_status=_match_label(match[1]) if match else None,
            )
        )
    return items


def _job_items(
    session: Transaction, ranked: Sequence[Recommendation], worker_id: str
) -> list[JobCandidate]:
    details = job_repo.candidate_rows(session, [r.record_id for r in ranked])
    active = match_repo.active_by_job(session, worker_id)
    items = []
    for rec in ranked:
        row = details[rec.record_id]
        (_, title, employer, kind, place_code, tier, place_text) = row[:7]
        wage_min, wage_max, wage_unit, headcount, deadline, filled = row[7:]
        match = active.get(rec.record_id)
        items.append(
            JobCandidate(
                job_id=rec.record_id,
                title=title,
                employer_name=employer,
                kind=_label(JobKind, kind),
                place=job_place_text(place_code, tier, place_text),
                wage=format_wage(wage_min, wage_max, wage_unit),
                headcount=headcount,
                filled=int(filled or 0),
                deadline=deadline,
                score=rec.score,
                reasons=rec.reasons,
                match_id=match[0] if match else None,
                match_status=_match_label(match[1]) if match else None,
            )
        )
    return items


def job_place_text(place_code: str | None, tier: str, place_text: str) -> str:
    """What to show for a posting's place: its text, else its township/village, else tier."""
    if place_text:
        return place_text
    if place_code:
        return _place(place_code)
    return _label(PlaceTier, tier)


@cache
def _place(code: str) -> str:
    return place_name(code)


def _label(enum: type[EmploymentStatus] | type[JobKind] | type[PlaceTier], value: str) -> str:
    member = enum.from_value(value)
    return member.label if member is not None else value


def _match_label(value: str) -> str:
    status = match_status(value)
    return status.label if status else value


def _job_problems(status: str, archived: bool, deadline: date | None, on: date) -> list[str]:
    if archived:
        return ["岗位已归档"]
    member = JobStatus.from_value(status)
    if member is not None and member is not JobStatus.OPEN:
        return [f"岗位{member.label}，不再推荐"]
    if deadline is not None and on > deadline:
        return [f"岗位报名已于{deadline.isoformat()}截止"]
    return []


def _job_missing(job_id: str) -> RecordNotFound:
    return RecordNotFound(f"找不到该岗位（{job_id}）", f"no job posting {job_id}")


def _worker_missing(worker_id: str) -> RecordNotFound:
    return RecordNotFound(f"找不到该劳动力记录（{worker_id}）", f"no worker {worker_id}")
