"""The queries of the 帮扶预警 list: its people (of the whole scope or of one village),
and its summary by village, counted in SQL.

A county station has about 175,000 people on the list; the county and a township
see a summary by village, and the people of one village on drill-down. The
summary groups the people by village and by what their urgency depends on (groups,
reasons, the day a job ended, the months a follow-up is overdue), so Python scores
a few thousand groups, not every person. Who is on the list, and the score, are
the service's and the domain's rules (``services.assistance.watch_list``,
``domain.people.watch_urgency``); this module only asks SQLite.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.watch_urgency import OVERDUE_MAX_MONTHS, OVERDUE_MONTH_DAYS
from broker_app.store.models.worker import Worker
from broker_app.store.repositories.priority_sql import in_groups, older_condition

_UNEMPLOYED = EmploymentStatus.UNEMPLOYED.value
_UNABLE = EmploymentStatus.UNABLE.value


@dataclass(frozen=True)
class WatchCriteria:
    """Who is on the list on ``today``: people of ``groups`` (not 无劳动能力) with at
    least one of the chosen reasons."""

    groups: frozenset[PriorityGroup]
    today: date
    #: A job that ended on or after this day (up to today) is a recent job loss.
    ended_since: date
    #: A last follow-up before this day (or none) is a missed follow-up.
    followed_since: date
    unemployed: bool = True
    job_ended: bool = True
    no_follow_up: bool = True


@dataclass(frozen=True)
class WatchGroupRow:
    """People of one village who share everything their urgency depends on."""

    org_code: str
    # The yes-or-no fields, in the order of their bits in ``_flags``.
    poverty_alleviated: bool
    monitored: bool
    low_income: bool
    disabled: bool
    older: bool
    unemployed: bool
    never_followed: bool
    #: The day a job ended, when it ended within the rule's days; else None.
    job_end: date | None
    #: Whole months a follow-up is overdue (``domain.people.watch_urgency``), when
    #: the last follow-up is older than the rule's days; else None.
    overdue_months: int | None
    people: int


#: Columns of a person row of ``people``, in order.
PERSON_FIELDS = (
    "id",
    "name",
    "id_number",
    "phone",
    "org_code",
    "poverty_alleviated",
    "monitoring_type",
    "low_income",
    "disabled",
    "birth_date",
    "employment_status",
    "employer",
    "job_end",
    "last_follow_up",
)


def _who(criteria: WatchCriteria) -> list[ColumnElement[bool]]:
    """The people of the chosen groups, not 无劳动能力, on the roster: conditions on
    the worker row."""
    return [
        Worker.archived.is_(False),
        in_groups(criteria.groups or frozenset(PriorityGroup), criteria.today),
        Worker.employment_status != _UNABLE,
    ]


def _candidates(criteria: WatchCriteria, village: str | None = None) -> Any:
    """The people of the chosen groups (``_who``) with their names and numbers, and
    the day of their latest live 跟踪服务记录 (NULL: none), the worker row's
    trigger-kept copy of ``worker_last_follow_up`` (migration 0015)."""
    stmt = select(
        Worker.pk, Worker.name_sort, Worker.name, Worker.id_number, Worker.phone,
        Worker.employer, Worker.id, Worker.org_code,
        Worker.poverty_alleviated, Worker.monitoring_type, Worker.low_income, Worker.disabled,
        Worker.birth_date, Worker.employment_status, Worker.job_end, Worker.last_follow_up,
    ).where(*_who(criteria))  # fmt: skip
    if village is not None:
        stmt = stmt.where(Worker.org_code == village)
    return stmt.offset(0).subquery()


def _job_ended(criteria: WatchCriteria, job_end: Any) -> ColumnElement[bool]:
    return and_(job_end >= criteria.ended_since, job_end <= criteria.today)


def _on_the_list(criteria: WatchCriteria, rows: Any) -> ColumnElement[bool]:
    """At least one of the chosen reasons; ``rows``: the columns (of ``Worker`` or of
    a subquery's ``.c``)."""
    last = rows.last_follow_up
    reasons: list[ColumnElement[bool]] = []
    if criteria.unemployed:
        reasons.append(rows.employment_status == _UNEMPLOYED)
    if criteria.job_ended:
        reasons.append(_job_ended(criteria, rows.job_end))
    if criteria.no_follow_up:
        reasons.append(or_(last.is_(None), last < criteria.followed_since))
    return or_(*reasons)


def people(
    session: Session, criteria: WatchCriteria, village: str | None = None
) -> list[tuple[Any, ...]]:
    """``PERSON_FIELDS`` of everyone on the list (of ``village`` only, when given), by
    household village and name."""
    rows = _candidates(criteria, village)
    stmt = (
        select(*(rows.c[name] for name in PERSON_FIELDS))
        .where(_on_the_list(criteria, rows.c))
        .order_by(rows.c.org_code, rows.c.name_sort, rows.c.pk)
    )
    return [tuple(row) for row in session.execute(stmt)]


def _flags(criteria: WatchCriteria) -> ColumnElement[int]:
    """``WatchGroupRow``'s yes-or-no fields as the bits of one integer, in the order
    of the fields: a county's 176k people are sorted by four keys instead of ten."""
    conditions: list[Any] = [
        Worker.poverty_alleviated,
        Worker.monitoring_type.is_not(None),
        Worker.low_income,
        Worker.disabled,
        older_condition(criteria.today),
        Worker.employment_status == _UNEMPLOYED,
        Worker.last_follow_up.is_(None),
    ]
    # Each is 0 or 1, never NULL: the columns are NOT NULL.
    terms = [type_coerce(yes, Integer) * (1 << bit) for bit, yes in enumerate(conditions)]
    return functools.reduce(operator.add, terms)


def groups_by_village(session: Session, criteria: WatchCriteria) -> list[WatchGroupRow]:
    """Everyone on the list, counted per village and per combination of what their
    urgency depends on: one pass over ``ix_worker_stats`` (every column read is in
    it, so no worker row is read and no other table sought) and one sort."""
    last = Worker.last_follow_up
    days_since = cast(func.julianday(criteria.today) - func.julianday(last), Integer)
    days_overdue = days_since - (criteria.today - criteria.followed_since).days
    keys = [
        Worker.org_code,
        _flags(criteria),
        case((_job_ended(criteria, Worker.job_end), Worker.job_end), else_=None),
        case(
            (
                last < criteria.followed_since,
                func.min(OVERDUE_MAX_MONTHS, days_overdue // OVERDUE_MONTH_DAYS),
            ),
            else_=None,
        ),
    ]
    stmt = (
        select(*keys, func.count())
        .where(*_who(criteria), _on_the_list(criteria, Worker))
        .group_by(*keys)
    )
    found: Any = session.execute(stmt)
    return [
        WatchGroupRow(
            code, *_yes_or_no(flags), job_end, None if overdue is None else int(overdue), int(n)
        )
        for code, flags, job_end, overdue, n in found
    ]


@functools.cache
def _yes_or_no(flags: int) -> tuple[bool, bool, bool, bool, bool, bool, bool]:
    """The bits of ``_flags`` (at most 128 values: decoded once each)."""
    return (
        bool(flags & 1), bool(flags & 2), bool(flags & 4), bool(flags & 8),
        bool(flags & 16), bool(flags & 32), bool(flags & 64),
    )  # fmt: skip
