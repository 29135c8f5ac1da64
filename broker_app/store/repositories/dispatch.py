"""Batch and member queries of the 劳务输出 feature, for its services and its exports.

Batches number in the hundreds, so lists come back as small dataclasses with their
member counts. Members of one batch are streamed as column tuples for exports (a
batch of 10k is possible when the county sends a whole recruitment drive).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from broker_app.domain.dispatch.query import BatchFilter
from broker_app.domain.dispatch.status import ACTIVE_VALUES
from broker_app.domain.matching.profiles import COMMITTED_MATCH_STATUSES
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.models.worker import Worker

#: 是否脱贫人口（含监测对象）, as one SQL condition on the worker.
PRIORITY_CONDITION = or_(Worker.poverty_alleviated.is_(True), Worker.monitoring_type.is_not(None))


@dataclass(frozen=True)
class BatchRow:
    """One batch in a list, with how many people it holds."""

    pk: int
    id: str
    name: str
    employer: str
    project: str
    destination: str
    place_tier: str
    departure_date: date | None
    transport: str
    leader_name: str
    leader_phone: str
    status: str
    notes: str
    org_code: str
    archived: bool
    updated_at: datetime
    members: int
    #: Of them 脱贫人口（含防止返贫监测对象）.
    priority_members: int


@dataclass(frozen=True)
class MemberRow:
    """One member of a batch as the editor shows it."""

    id: str
    worker_id: str
    match_id: str | None
    name: str
    gender: str
    birth_date: date
    id_number: str
    phone: str
    org_code: str
    priority: bool
    work_type: str
    notes: str


@dataclass(frozen=True)
class MatchCandidate:
    """A 录用 / 已上岗 match whose worker may join a batch."""

    match_id: str
    match_status: str
    worker_id: str
    name: str
    id_number: str
    org_code: str
    job_title: str
    employer: str
    work_type: str
    #: Name of the active batch the worker is already in ("" if none).
    busy_in: str


_MEMBER_COUNT = (
    select(func.count())
    .select_from(DispatchMember)
    .where(DispatchMember.batch_id == DispatchBatch.id, DispatchMember.archived.is_(False))
    .correlate(DispatchBatch)
    .scalar_subquery()
)
_PRIORITY_COUNT = (
    select(func.count())
    .select_from(DispatchMember)
    .join(Worker, Worker.id == DispatchMember.worker_id)
    .where(
        DispatchMember.batch_id == DispatchBatch.id,
        DispatchMember.archived.is_(False),
        PRIORITY_CONDITION,
    )
    .correlate(DispatchBatch)
    .scalar_subquery()
)
_BATCH_COLUMNS = (
    DispatchBatch.pk,
    DispatchBatch.id,
    DispatchBatch.name,
    DispatchBatch.employer,
    DispatchBatch.project,
    DispatchBatch.destination,
    DispatchBatch.place_tier,
    DispatchBatch.departure_date,
    DispatchBatch.transport,
    DispatchBatch.leader_name,
    DispatchBatch.leader_phone,
    DispatchBatch.status,
    DispatchBatch.notes,
    DispatchBatch.org_code,
    DispatchBatch.archived,
    DispatchBatch.updated_at,
    _MEMBER_COUNT,
    _PRIORITY_COUNT,
)


def batch_conditions(flt: BatchFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if not flt.include_archived:
        conds.append(DispatchBatch.archived.is_(False))
    if flt.status is not None:
        conds.append(DispatchBatch.status == flt.status.value)
    chosen: list[ColumnElement[bool]] = []
    if flt.batch_ids:
        chosen.append(DispatchBatch.id.in_(list(flt.batch_ids)))
    if flt.has_range:
        bounds: list[ColumnElement[bool]] = [DispatchBatch.departure_date.is_not(None)]
        if flt.date_from:
            bounds.append(DispatchBatch.departure_date >= flt.date_from)
        if flt.date_to:
            bounds.append(DispatchBatch.departure_date <= flt.date_to)
        chosen.append(and_(*bounds))
    if chosen:
        conds.append(or_(*chosen))
    for word in flt.text.split():
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        conds.append(
            or_(
                DispatchBatch.name.like(pattern),
                DispatchBatch.employer.like(pattern),
                DispatchBatch.project.like(pattern),
                DispatchBatch.destination.like(pattern),
                DispatchBatch.leader_name.like(pattern),
            )
        )
    return conds


def list_batches(session: Session, flt: BatchFilter) -> list[BatchRow]:
    """Matching batches, latest departure first (undated ones, still being planned,
    on top), then newest made."""
    stmt = (
        select(*_BATCH_COLUMNS)
        .where(*batch_conditions(flt))
        .order_by(
            DispatchBatch.departure_date.is_not(None),
            DispatchBatch.departure_date.desc(),
            DispatchBatch.pk.desc(),
        )
    )
    return [BatchRow(*row) for row in session.execute(stmt)]


def batch_rows(session: Session, batch_ids: Sequence[str]) -> list[BatchRow]:
    """The named batches (archived too), in the order given; unknown ids left out."""
    if not batch_ids:
        return []
    stmt = select(*_BATCH_COLUMNS).where(DispatchBatch.id.in_(list(batch_ids)))
    found = {row.id: row for row in (BatchRow(*r) for r in session.execute(stmt))}
    return [found[i] for i in dict.fromkeys(batch_ids) if i in found]


def get_batch(session: Session, batch_id: str) -> DispatchBatch | None:
    return session.scalar(select(DispatchBatch).where(DispatchBatch.id == batch_id))


def get_member(session: Session, member_id: str) -> DispatchMember | None:
    return session.scalar(select(DispatchMember).where(DispatchMember.id == member_id))


def member_records(session: Session, batch_id: str) -> list[DispatchMember]:
    stmt = select(DispatchMember).where(
        DispatchMember.batch_id == batch_id, DispatchMember.archived.is_(False)
    )
    return list(session.scalars(stmt.order_by(DispatchMember.pk)))


_MEMBER_ORDER = (Worker.org_code, Worker.name_sort, DispatchMember.pk)


def members(session: Session, batch_id: str) -> list[MemberRow]:
    """Members of the batch, by household village and name (the dispatch list order)."""
    stmt = (
        select(
            DispatchMember.id,
            DispatchMember.worker_id,
            DispatchMember.match_id,
            Worker.name,
            Worker.gender,
            Worker.birth_date,
            Worker.id_number,
            Worker.phone,
            Worker.org_code,
            PRIORITY_CONDITION,
            DispatchMember.work_type,
            DispatchMember.notes,
        )
        .join(Worker, Worker.id == DispatchMember.worker_id)
        .where(DispatchMember.batch_id == batch_id, DispatchMember.archived.is_(False))
        .order_by(*_MEMBER_ORDER)
    )
    out = []
    for row in session.execute(stmt):
        values = list(row)
        values[9] = bool(values[9])
        out.append(MemberRow(*values))
    return out


#: Member columns a dispatch list needs, in the order ``iter_member_columns`` yields.
EXPORT_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "id_number",
    "phone",
    "education",
    "org_code",
    "poverty_alleviated",
    "monitoring_type",
    "work_type",
    "notes",
)
_EXPORT_COLUMNS = (
    Worker.name,
    Worker.gender,
    Worker.birth_date,
    Worker.id_number,
    Worker.phone,
    Worker.education,
    Worker.org_code,
    Worker.poverty_alleviated,
    Worker.monitoring_type,
    DispatchMember.work_type,
    DispatchMember.notes,
)


#: Batches in export order: by departure day (undated last), then as made.
EXPORT_BATCH_ORDER = (
    DispatchBatch.departure_date.is_(None),
    DispatchBatch.departure_date,
    DispatchBatch.pk,
)


def export_sort_key(batch: BatchRow) -> tuple[bool, date, int]:
    """``EXPORT_BATCH_ORDER`` for rows already loaded."""
    return (batch.departure_date is None, batch.departure_date or date.min, batch.pk)


def iter_export_members(
    session: Session, batch_ids: Collection[str]
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(batch id, ``EXPORT_FIELDS``) of every member of the batches, batch after batch
    in ``EXPORT_BATCH_ORDER`` and each batch in list order, from ONE streamed query
    (an export of 200 batches costs one statement, not 200)."""
    stmt = (
        select(DispatchBatch.id, *_EXPORT_COLUMNS)
        .select_from(DispatchMember)
        .join(DispatchBatch, DispatchBatch.id == DispatchMember.batch_id)
        .join(Worker, Worker.id == DispatchMember.worker_id)
        .where(DispatchMember.batch_id.in_(list(batch_ids)), DispatchMember.archived.is_(False))
        .order_by(*EXPORT_BATCH_ORDER, *_MEMBER_ORDER)
    )
    for row in session.execute(stmt.execution_options(yield_per=2000)):
        yield row[0], tuple(row[1:])


def member_count(session: Session, batch_ids: Collection[str]) -> int:
    if not batch_ids:
        return 0
    stmt = select(func.count()).where(
        DispatchMember.batch_id.in_(list(batch_ids)), DispatchMember.archived.is_(False)
    )
    return int(session.scalar(stmt) or 0)


def active_batches_of(
    session: Session, worker_ids: Collection[str], exclude_batch_id: str | None = None
) -> dict[str, tuple[str, str]]:
    """worker id -> (batch id, batch name) of the active batch each worker is in."""
    found: dict[str, tuple[str, str]] = {}
    ids = list(worker_ids)
    for start in range(0, len(ids), 500):
        stmt = (
            select(DispatchMember.worker_id, DispatchBatch.id, DispatchBatch.name)
            .join(DispatchBatch, DispatchBatch.id == DispatchMember.batch_id)
            .where(
                DispatchMember.worker_id.in_(ids[start : start + 500]),
                DispatchMember.archived.is_(False),
                DispatchBatch.archived.is_(False),
                DispatchBatch.status.in_(ACTIVE_VALUES),
            )
        )
        if exclude_batch_id:
            stmt = stmt.where(DispatchBatch.id != exclude_batch_id)
        for worker_id, batch_id, name in session.execute(stmt):
            found.setdefault(worker_id, (batch_id, name))
    return found


def match_candidates(session: Session, text: str = "", limit: int = 500) -> list[MatchCandidate]:
    """录用 / 已上岗 matches (most recently changed first), with the active batch each
    worker is already in. ``text`` narrows by worker name, job title or employer."""
    stmt = (
        select(
            Match.id,
            Match.status,
            Match.worker_id,
            Worker.name,
            Worker.id_number,
            Worker.org_code,
            JobPosting.title,
            JobPosting.employer_name,
            JobPosting.work_type,
        )
        .join(Worker, Worker.id == Match.worker_id)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .where(
            Match.archived.is_(False),
            Match.status.in_(COMMITTED_MATCH_STATUSES),
            Worker.archived.is_(False),
        )
    )
    for word in text.split():
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        stmt = stmt.where(
            or_(
                Worker.name.like(pattern),
                JobPosting.title.like(pattern),
                JobPosting.employer_name.like(pattern),
            )
        )
    rows = list(
        session.execute(stmt.order_by(Match.updated_at.desc(), Match.pk.desc()).limit(limit))
    )
    busy = active_batches_of(session, {row[2] for row in rows})
    return [MatchCandidate(*row, busy_in=busy[row[2]][1] if row[2] in busy else "") for row in rows]


def match_for_member(session: Session, match_id: str) -> tuple[Match, JobPosting] | None:
    stmt = (
        select(Match, JobPosting)
        .join(JobPosting, JobPosting.id == Match.job_id)
        .where(Match.id == match_id)
    )
    row = session.execute(stmt).first()
    return (row[0], row[1]) if row else None
