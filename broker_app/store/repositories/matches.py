"""Match queries and writes. List rows join the worker's name and the job's title, so
the 匹配 page needs one query per page."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import JobKind, MatchStatus, PlaceTier
from broker_app.domain.jobs.query import MatchFilter
from broker_app.domain.matching.profiles import COMMITTED_MATCH_STATUSES
from broker_app.domain.matching.status import ACTIVE_VALUES
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.models.worker import Worker
from broker_app.store.writer import RecordWriter

#: Columns of a match row in lists, in order.
ROW_COLUMNS = (
    Match.pk,
    Match.id,
    Match.status,
    Match.score,
    Match.worker_id,
    Worker.name.label("worker_name"),
    Worker.phone.label("worker_phone"),
    Worker.org_code.label("worker_org"),
    Match.job_id,
    JobPosting.title.label("job_title"),
    JobPosting.employer_name.label("employer_name"),
    JobPosting.kind.label("job_kind"),
    Match.history,
    Match.notes,
    Match.archived,
    Match.updated_at,
)
ROW_FIELDS = tuple(getattr(col, "key", None) or col.name for col in ROW_COLUMNS)


def _joined(stmt: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return stmt.join(Worker, Worker.id == Match.worker_id).join(
        JobPosting, JobPosting.id == Match.job_id
    )


def _conditions(flt: MatchFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if not flt.include_archived:
        conds.append(Match.archived.is_(False))
    if flt.status is not None:
        conds.append(Match.status == flt.status.value)
    if flt.active_only:
        conds.append(Match.status.in_(ACTIVE_VALUES))
    if flt.job_id:
        conds.append(Match.job_id == flt.job_id)
    if flt.worker_id:
        conds.append(Match.worker_id == flt.worker_id)
    for word in flt.text.split():
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        conds.append(
            or_(
                Worker.name.like(pattern),
                JobPosting.title.like(pattern),
                JobPosting.employer_name.like(pattern),
            )
        )
    return conds


def _ordered(stmt: Select[Any]) -> Select[Any]:
    return stmt.order_by(Match.updated_at.desc(), Match.pk.desc())


def search_pks(session: Session, flt: MatchFilter) -> list[int]:
    stmt = _joined(select(Match.pk)).where(*_conditions(flt))
    return list(session.scalars(_ordered(stmt)))


def count(session: Session, flt: MatchFilter) -> int:
    stmt = _joined(select(func.count()).select_from(Match)).where(*_conditions(flt))
    return int(session.scalar(stmt) or 0)


def status_counts(session: Session, flt: MatchFilter) -> dict[str, int]:
    """Matches per status under ``flt`` (its own status filter ignored)."""
    base = MatchFilter(
        text=flt.text,
        job_id=flt.job_id,
        worker_id=flt.worker_id,
        include_archived=flt.include_archived,
    )
    stmt = (
        _joined(select(Match.status, func.count()).select_from(Match))
        .where(*_conditions(base))
        .group_by(Match.status)
    )
    return {status: int(n) for status, n in session.execute(stmt)}


def rows_by_pks(session: Session, pks: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    if not pks:
        return {}
    stmt = _joined(select(*ROW_COLUMNS)).where(Match.pk.in_(list(pks)))
    return {row[0]: tuple(row) for row in session.execute(stmt)}


def page(
    session: Session, flt: MatchFilter, offset: int = 0, limit: int = 50
) -> list[tuple[Any, ...]]:
    stmt = _ordered(_joined(select(*ROW_COLUMNS)).where(*_conditions(flt)))
    return [tuple(row) for row in session.execute(stmt.offset(offset).limit(limit))]


def live_histories(session: Session) -> Iterator[list[Any]]:
    """The status history of every unarchived match (raw JSON lists), streamed."""
    return iter(session.scalars(select(Match.history).where(Match.archived.is_(False))))


def get(session: Session, match_id: str) -> Match | None:
    return session.scalar(select(Match).where(Match.id == match_id))


def active_by_worker(session: Session, job_id: str) -> dict[str, tuple[str, str]]:
    """worker id -> (match id, status) of the job's active matches (推荐 .. 已上岗)."""
    stmt = select(Match.worker_id, Match.id, Match.status).where(
        Match.job_id == job_id, Match.archived.is_(False), Match.status.in_(ACTIVE_VALUES)
    )
    return {worker: (match, status) for worker, match, status in session.execute(stmt)}


def active_by_job(session: Session, worker_id: str) -> dict[str, tuple[str, str]]:
    """job id -> (match id, status) of the worker's active matches."""
    stmt = select(Match.job_id, Match.id, Match.status).where(
        Match.worker_id == worker_id, Match.archived.is_(False), Match.status.in_(ACTIVE_VALUES)
    )
    return {job: (match, status) for job, match, status in session.execute(stmt)}


def committed_workers() -> Select[Any]:
    """Subquery: ids of workers with a 录用 or 已上岗 match (see availability)."""
    return select(Match.worker_id).where(
        Match.archived.is_(False), Match.status.in_(COMMITTED_MATCH_STATUSES)
    )


def is_committed(session: Session, worker_id: str) -> bool:
    stmt = committed_workers().where(Match.worker_id == worker_id).limit(1)
    return session.scalar(stmt) is not None


def other_on_duty(session: Session, worker_id: str, exclude_match_id: str) -> list[Match]:
    """The worker's other 已上岗 matches, most recently changed first."""
    stmt = (
        select(Match)
        .where(
            Match.worker_id == worker_id,
            Match.id != exclude_match_id,
            Match.archived.is_(False),
            Match.status == MatchStatus.ON_DUTY.value,
        )
        .order_by(Match.updated_at.desc(), Match.pk.desc())
    )
    return list(session.scalars(stmt))


def committed_away(session: Session) -> list[tuple[Match, JobPosting]]:
    """Unarchived 录用 and 已上岗 matches on postings outside the county, with their
    posting, by posting then match in creation order."""
    stmt = (
        select(Match, JobPosting)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .where(
            Match.archived.is_(False),
            Match.status.in_([MatchStatus.HIRED.value, MatchStatus.ON_DUTY.value]),
            JobPosting.place_tier != PlaceTier.IN_COUNTY.value,
        )
        .order_by(JobPosting.pk, Match.pk)
    )
    return [(match, job) for match, job in session.execute(stmt)]


def welfare_holders(session: Session) -> list[tuple[Any, ...]]:
    """(match id, worker id, worker name, monthly income, job id, job title, employer)
    of every 已上岗 match on a 公益性岗位."""
    stmt = (
        _joined(
            select(
                Match.id,
                Match.worker_id,
                Worker.name,
                Worker.monthly_income,
                Match.job_id,
                JobPosting.title,
                JobPosting.employer_name,
            )
        )
        .where(
            Match.archived.is_(False),
            Match.status == MatchStatus.ON_DUTY.value,
            JobPosting.kind == JobKind.PUBLIC_WELFARE.value,
            Worker.archived.is_(False),
        )
        .order_by(Worker.name_sort, Match.pk)
    )
    return [tuple(row) for row in session.execute(stmt)]


def create(writer: RecordWriter, values: Mapping[str, Any]) -> Match:
    return writer.create(Match, values)


def update(writer: RecordWriter, match: Match, changes: Mapping[str, Any]) -> list[str]:
    return writer.update(match, changes)
