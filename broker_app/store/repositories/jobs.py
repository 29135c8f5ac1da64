"""Job posting queries and writes. Lists come back as column tuples, never ORM objects.

Postings number in the hundreds or low thousands, so text search is a plain LIKE
over a few columns (and, for a word in Latin letters, their pinyin); the filled
count (录用 + 已上岗) is a correlated count over the match index by job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.jobs.query import JobFilter, JobSort, JobSortKey, Publisher
from broker_app.domain.matching.profiles import COMMITTED_MATCH_STATUSES
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.writer import RecordWriter


def filled_count_column() -> Any:
    """录用 + 已上岗 matches of the posting in the current row."""
    return (
        select(func.count())
        .where(
            Match.job_id == JobPosting.id,
            Match.archived.is_(False),
            Match.status.in_(COMMITTED_MATCH_STATUSES),
        )
        .correlate(JobPosting)
        .scalar_subquery()
    )


#: Columns of a posting row in lists, in order.
ROW_COLUMNS = (
    JobPosting.pk,
    JobPosting.id,
    JobPosting.title,
    JobPosting.employer_name,
    JobPosting.kind,
    JobPosting.work_type,
    JobPosting.place_org_code,
    JobPosting.place_tier,
    JobPosting.place_text,
    JobPosting.headcount,
    filled_count_column().label("filled"),
    JobPosting.wage_min,
    JobPosting.wage_max,
    JobPosting.wage_unit,
    JobPosting.age_min,
    JobPosting.age_max,
    JobPosting.deadline,
    JobPosting.status,
    JobPosting.org_code,
    JobPosting.archived,
    JobPosting.updated_at,
)
ROW_FIELDS = tuple(getattr(col, "key", None) or col.name for col in ROW_COLUMNS)

#: Columns the matching engine needs, in ``JobProfile`` order.
PROFILE_COLUMNS = (
    JobPosting.id,
    JobPosting.title,
    JobPosting.kind,
    JobPosting.work_type,
    JobPosting.place_org_code,
    JobPosting.place_tier,
    JobPosting.wage_min,
    JobPosting.wage_max,
    JobPosting.wage_unit,
    JobPosting.age_min,
    JobPosting.age_max,
    JobPosting.requirements,
    JobPosting.status,
    JobPosting.deadline,
    JobPosting.archived,
)

_SORTS: dict[str, tuple[Any, ...]] = {
    JobSortKey.UPDATED: (JobPosting.updated_at,),
    JobSortKey.DEADLINE: (JobPosting.deadline,),
    JobSortKey.TITLE: (JobPosting.title,),
    JobSortKey.EMPLOYER: (JobPosting.employer_name, JobPosting.title),
    JobSortKey.HEADCOUNT: (JobPosting.headcount,),
}


def _conditions(
    session: Session, flt: JobFilter, station_org: str | None
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if not flt.include_archived:
        conds.append(JobPosting.archived.is_(False))
    if flt.status is not None:
        conds.append(JobPosting.status == flt.status.value)
    if flt.kind is not None:
        conds.append(JobPosting.kind == flt.kind.value)
    if flt.place_tier is not None:
        conds.append(JobPosting.place_tier == flt.place_tier.value)
    if flt.publisher == Publisher.LOCAL and station_org:
        conds.append(JobPosting.org_code == station_org)
    elif flt.publisher == Publisher.HIGHER and station_org:
        conds.append(JobPosting.org_code != station_org)
    for word in flt.text.split():
        pattern = f"%{_escape_like(word)}%"
        alternatives = [
            column.like(pattern, escape="\\")
            for column in (
                JobPosting.title,
                JobPosting.employer_name,
                JobPosting.work_type,
                JobPosting.place_text,
                JobPosting.employer_credit_code,
            )
        ]
        if word.isascii() and word.isalpha():
            alternatives.append(JobPosting.pk.in_(_pinyin_pks(session, word)))
        conds.append(or_(*alternatives))
    return conds


def _pinyin_pks(session: Session, word: str) -> list[int]:
    """Postings whose title, employer, work type or place reads ``word`` in pinyin
    ("dhg" or "dianhan" finds 电焊工), as the roster's search does for names. Postings
    are few, and each text's pinyin is cached, so this is a scan in Python."""
    from broker_app.domain.common.pinyin_text import pinyin_contains

    texts = select(
        JobPosting.pk,
        JobPosting.title,
        JobPosting.employer_name,
        JobPosting.work_type,
        JobPosting.place_text,
    )
    return [
        pk
        for pk, *fields in session.execute(texts)
        if any(field and pinyin_contains(field, word) for field in fields)
    ]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _ordered(stmt: Select[Any], sort: JobSort) -> Select[Any]:
    keys = [
        key.desc() if sort.descending else key
        for key in _SORTS.get(sort.key, _SORTS[JobSortKey.UPDATED])
    ]
    keys.append(JobPosting.pk.desc() if sort.descending else JobPosting.pk)
    return stmt.order_by(*keys)


def search_pks(
    session: Session, flt: JobFilter, sort: JobSort, station_org: str | None = None
) -> list[int]:
    stmt = select(JobPosting.pk).where(*_conditions(session, flt, station_org))
    return list(session.scalars(_ordered(stmt, sort)))


def count(session: Session, flt: JobFilter, station_org: str | None = None) -> int:
    conds = _conditions(session, flt, station_org)
    stmt = select(func.count()).select_from(JobPosting).where(*conds)
    return int(session.scalar(stmt) or 0)


def rows_by_pks(session: Session, pks: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    if not pks:
        return {}
    stmt = select(*ROW_COLUMNS).where(JobPosting.pk.in_(list(pks)))
    return {row[0]: tuple(row) for row in session.execute(stmt)}


def page(
    session: Session,
    flt: JobFilter,
    sort: JobSort,
    offset: int = 0,
    limit: int = 50,
    station_org: str | None = None,
) -> list[tuple[Any, ...]]:
    stmt = select(*ROW_COLUMNS).where(*_conditions(session, flt, station_org))
    stmt = _ordered(stmt, sort).offset(offset).limit(limit)
    return [tuple(row) for row in session.execute(stmt)]


def get(session: Session, job_id: str) -> JobPosting | None:
    return session.scalar(select(JobPosting).where(JobPosting.id == job_id))


def filled_count(session: Session, job_id: str) -> int:
    stmt = select(func.count()).where(
        Match.job_id == job_id,
        Match.archived.is_(False),
        Match.status.in_(COMMITTED_MATCH_STATUSES),
    )
    return int(session.scalar(stmt) or 0)


def open_profile_rows(session: Session, on: date) -> list[tuple[Any, ...]]:
    """``PROFILE_COLUMNS`` of every posting taking people on day ``on``."""
    stmt = select(*PROFILE_COLUMNS).where(
        JobPosting.archived.is_(False),
        JobPosting.status == JobStatus.OPEN.value,
        or_(JobPosting.deadline.is_(None), JobPosting.deadline >= on),
    )
    return [tuple(row) for row in session.execute(stmt)]


def profile_row(session: Session, job_id: str) -> tuple[Any, ...] | None:
    row = session.execute(select(*PROFILE_COLUMNS).where(JobPosting.id == job_id)).first()
    return tuple(row) if row is not None else None


def title_of(session: Session, job_id: str) -> str | None:
    return session.scalar(select(JobPosting.title).where(JobPosting.id == job_id))


def candidate_rows(session: Session, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """What a recommendation shows of each of these postings, by id: id, title,
    employer, kind, place code, tier, place text, wage min, max and unit, headcount,
    deadline, and the number of committed matches (filled)."""
    stmt = select(
        JobPosting.id,
        JobPosting.title,
        JobPosting.employer_name,
        JobPosting.kind,
        JobPosting.place_org_code,
        JobPosting.place_tier,
        JobPosting.place_text,
        JobPosting.wage_min,
        JobPosting.wage_max,
        JobPosting.wage_unit,
        JobPosting.headcount,
        JobPosting.deadline,
        filled_count_column(),
    ).where(JobPosting.id.in_(list(ids)))
    return {row[0]: tuple(row) for row in session.execute(stmt)}


def identity_index(session: Session) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(employer key, title, place key) -> (posting id, publishing org) of every
    posting, for imports: the employer key is the credit code when there is one,
    else the name; the place key the place code, else the place text."""
    stmt = select(
        JobPosting.id,
        JobPosting.org_code,
        JobPosting.employer_credit_code,
        JobPosting.employer_name,
        JobPosting.title,
        JobPosting.place_org_code,
        JobPosting.place_text,
    ).order_by(JobPosting.archived, JobPosting.pk)
    index: dict[tuple[str, str, str], tuple[str, str]] = {}
    for job_id, org, code, name, title, place_code, place_text in session.execute(stmt):
        key = identity_key(code, name, title, place_code, place_text)
        index.setdefault(key, (job_id, org))
    return index


def identity_key(
    credit_code: str | None,
    employer_name: str,
    title: str,
    place_org_code: str | None,
    place_text: str,
) -> tuple[str, str, str]:
    employer = credit_code or "name:" + "".join(employer_name.split())
    place = place_org_code or "text:" + "".join((place_text or "").split())
    return employer, "".join(title.split()), place


def create(writer: RecordWriter, values: Mapping[str, Any]) -> JobPosting:
    job = writer.create(JobPosting, values)
    writer.session.flush()
    return job


def bulk_create(writer: RecordWriter, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return writer.bulk_create(JobPosting, rows)


def update(writer: RecordWriter, job: JobPosting, changes: Mapping[str, Any]) -> list[str]:
    return writer.update(job, changes)
