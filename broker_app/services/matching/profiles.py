"""Loading the matching engine's profiles from the database as column tuples.

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

from sqlalchemy import ColumnElement, Select, String, and_, or_, select, type_coerce
from sqlalchemy.orm import Session

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
from broker_app.store.models.worker import Worker
from broker_app.store.repositories import jobs as job_repo
from broker_app.store.repositories import matches as match_repo

# Read raw: dates as ISO text and flags as 0/1 cost nothing to fetch; the few
# conversions needed are done (and memoised) below.
_COLUMNS = (
    Worker.id,
    type_coerce(Worker.birth_date, String),
    Worker.org_code,
    Worker.employment_status,
    type_coerce(Worker.skills, String),
    type_coerce(Worker.intended_work_types, String),
    Worker.intended_place_tier,
    Worker.expected_wage,
    Worker.labor_brand,
    Worker.poverty_alleviated,
    Worker.monitoring_type,
    Worker.low_income,
    Worker.disabled,
    Worker.archived,
)


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


def _raw_rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The DBAPI's own row tuples: 37k rows cost ~150 ms this way on a slow PC, against
    ~250 ms as SQLAlchemy rows. Binds are still processed by SQLAlchemy."""
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


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


def candidate_workers(session: Session, job: JobProfile, on: date) -> list[WorkerProfile]:
    """Workers that may pass the job's hard constraints, as profiles."""
    earliest, latest = birth_bounds(
        job.eff_age_min, job.eff_age_max if job.eff_age_max < NO_AGE_LIMIT else None, on
    )
    conds: list[ColumnElement[bool]] = [
        Worker.archived.is_(False),
        Worker.employment_status.in_(AVAILABLE_STATUSES),
        Worker.id.not_in(match_repo.committed_workers()),
    ]
    if earliest is not None:
        conds.append(Worker.birth_date >= earliest)
    if latest is not None:
        conds.append(Worker.birth_date <= latest)
    if job.welfare:
        older_first, older_last = birth_bounds(OLDER_MIN_AGE, OLDER_MAX_AGE, on)
        conds.append(
            or_(
                Worker.poverty_alleviated.is_(True),
                Worker.monitoring_type.is_not(None),
                Worker.low_income.is_(True),
                Worker.disabled.is_(True),
                and_(Worker.birth_date >= older_first, Worker.birth_date <= older_last),
            )
        )
    return list(_profiles(_raw_rows(session, select(*_COLUMNS).where(*conds))))


def worker_profile_by_id(session: Session, worker_id: str) -> WorkerProfile | None:
    rows = _raw_rows(session, select(*_COLUMNS).where(Worker.id == worker_id))
    if not rows:
        return None
    committed = match_repo.is_committed(session, worker_id)
    return next(_profiles(rows, committed))


def job_profile_by_id(session: Session, job_id: str) -> JobProfile | None:
    row = job_repo.profile_row(session, job_id)
    return JobProfile(*row) if row is not None else None


def open_job_profiles(session: Session, on: date) -> list[JobProfile]:
    return [JobProfile(*row) for row in job_repo.open_profile_rows(session, on)]
