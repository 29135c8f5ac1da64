"""Loading the matching engine's profiles from the database as column tuples
(``store.repositories.workers.PROFILE_COLUMNS``).

The cheap hard constraints are applied in SQL first (archived, employment status, a
committing match, the birth-date window of the job's age range, 公益性岗位 groups),
so most of the roster never leaves SQLite; the engine checks them all again.
Skills and wishes are read as their stored JSON text and folded once per distinct
text: rosters repeat the same few combinations thousands of times.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from broker_app.domain.jobs.age import birth_bounds
from broker_app.domain.matching.profiles import (
    AVAILABLE_STATUSES,
    DISABLED,
    LOW_INCOME,
    MONITORED,
    NO_AGE_LIMIT,
    POVERTY,
    JobProfile,
    WorkerProfile,
)
from broker_app.domain.matching.worktypes import intended_kinds, trade_keys
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE
from broker_app.store.repositories import jobs as job_repo
from broker_app.store.repositories import matches as match_repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.store import Transaction


class _Folded:
    """Folded trades (and posting kinds) per stored JSON text, memoised."""

    def __init__(self) -> None:
        self.trades: dict[str | None, frozenset[str]] = {None: frozenset(), "[]": frozenset()}
        self.kinds: dict[str | None, frozenset[str]] = {None: frozenset(), "[]": frozenset()}

    def trade(self, text: str | None) -> frozenset[str]:
        found = self.trades.get(text)
        if found is None:
            found = self.trades[text] = trade_keys(_words(text))
        return found

    def kind(self, text: str | None) -> frozenset[str]:
        found = self.kinds.get(text)
        if found is None:
            found = self.kinds[text] = intended_kinds(_words(text))
        return found


def _words(text: str | None) -> list[str]:
    value = json.loads(text) if text else []
    return [str(item) for item in value] if isinstance(value, list) else []


def _profiles(rows: Any, committed: bool = False) -> Iterator[WorkerProfile]:
    folded = _Folded()
    trade, kind = folded.trade, folded.kind
    days: dict[str, date] = {}
    for (
        worker_id,
        birth,
        org,
        status,
        skills,
        wishes,
        tier,
        wage,
        brand,
        poverty,
        monitoring,
        low_income,
        disabled,
        archived,
    ) in rows:
        groups = (
            (POVERTY if poverty else 0)
            | (MONITORED if monitoring else 0)
            | (LOW_INCOME if low_income else 0)
            | (DISABLED if disabled else 0)
        )
        day = days.get(birth)
        if day is None:
            day = days[birth] = date.fromisoformat(birth)
        yield WorkerProfile(
            worker_id,
            day,
            org,
            status,
            trade(skills),
            trade(wishes),
            kind(wishes),
            tier,
            wage,
            brand or "",
            groups,
            bool(archived),
            committed,
        )


def candidate_workers(session: Transaction, job: JobProfile, on: date) -> list[WorkerProfile]:
    """Workers that may pass the job's hard constraints, as profiles."""
    earliest, latest = birth_bounds(
        job.eff_age_min, job.eff_age_max if job.eff_age_max < NO_AGE_LIMIT else None, on
    )
    rows = worker_repo.profile_candidates(
        session,
        statuses=AVAILABLE_STATUSES,
        committed=match_repo.committed_workers(),
        born_from=earliest,
        born_to=latest,
        priority_born=birth_bounds(OLDER_MIN_AGE, OLDER_MAX_AGE, on) if job.welfare else None,
    )
    return list(_profiles(rows))


def worker_profile_by_id(session: Transaction, worker_id: str) -> WorkerProfile | None:
    row = worker_repo.profile_row(session, worker_id)
    if row is None:
        return None
    committed = match_repo.is_committed(session, worker_id)
    return next(_profiles([row], committed))


def job_profile_by_id(session: Transaction, job_id: str) -> JobProfile | None:
    row = job_repo.profile_row(session, job_id)
    return JobProfile(*row) if row is not None else None


def open_job_profiles(session: Transaction, on: date) -> list[JobProfile]:
    return [JobProfile(*row) for row in job_repo.open_profile_rows(session, on)]
