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

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, or_, select
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
    poverty_alleviated: bool
    monitored: bool
    low_income: bool
    disabled: bool
    older: bool
    unemployed: bool
    #: The day a job ended, when it ended within the rule's days; else None.
    job_end: date | None
    never_followed: bool
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


def _candidates(
    criteria: WatchCriteria, village: str | None = None, *, personal: bool = True
) -> Any:
    """The people of the chosen groups (not 无劳动能力, on the roster) with the day of
    their latest live 跟踪服务记录 (NULL: none), the worker row's trigger-kept copy
    of ``worker_last_follow_up`` (migration 0015). Without ``personal`` (names,
    numbers, the sort key) every column is in ``ix_worker_stats``, so no worker row
    is read and no other table sought (the OFFSET keeps SQLite from folding the
    subquery into the outer query and working out ``older`` for each use)."""
    last = Worker.last_follow_up
    personal_columns = (
        [Worker.pk, Worker.name_sort, Worker.name, Worker.id_number, Worker.phone, Worker.employer]
        if personal
        else []
    )
    stmt = select(
        *personal_columns,
        Worker.id, Worker.org_code,
        Worker.poverty_alleviated, Worker.monitoring_type, Worker.low_income, Worker.disabled,
        Worker.birth_date, Worker.employment_status, Worker.job_end,
        last.label("last_follow_up"),
        older_condition(criteria.today).label("older"),
    ).where(
        Worker.archived.is_(False),
        in_groups(criteria.groups or frozenset(PriorityGroup), criteria.today),
        Worker.employment_status != _UNABLE,
    )  # fmt: skip
    if village is not None:
        stmt = stmt.where(Worker.org_code == village)
    return stmt.offset(0).subquery()


def _job_ended(criteria: WatchCriteria, job_end: Any) -> ColumnElement[bool]:
    return and_(job_end >= criteria.ended_since, job_end <= criteria.today)


def _on_the_list(criteria: WatchCriteria, rows: Any) -> ColumnElement[bool]:
    """At least one of the chosen reasons."""
    last = rows.c.last_follow_up
    reasons: list[ColumnElement[bool]] = []
    if criteria.unemployed:
        reasons.append(rows.c.employment_status == _UNEMPLOYED)
    if criteria.job_ended:
        reasons.append(_job_ended(criteria, rows.c.job_end))
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
        .where(_on_the_list(criteria, rows))
        .order_by(rows.c.org_code, rows.c.name_sort, rows.c.pk)
    )
    return [tuple(row) for row in session.execute(stmt)]


def groups_by_village(session: Session, criteria: WatchCriteria) -> list[WatchGroupRow]:
    """Everyone on the list, counted per village and per combination of what their
    urgency depends on."""
    rows = _candidates(criteria, personal=False)
    last = rows.c.last_follow_up
    days_since = cast(func.julianday(criteria.today) - func.julianday(last), Integer)
    days_overdue = days_since - (criteria.today - criteria.followed_since).days
    keys = [
        rows.c.org_code,
        rows.c.poverty_alleviated,
        rows.c.monitoring_type.is_not(None),
        rows.c.low_income,
        rows.c.disabled,
        rows.c.older,
        rows.c.employment_status == _UNEMPLOYED,
        case((_job_ended(criteria, rows.c.job_end), rows.c.job_end), else_=None),
        last.is_(None),
        case(
            (
                last < criteria.followed_since,
                func.min(OVERDUE_MAX_MONTHS, days_overdue // OVERDUE_MONTH_DAYS),
            ),
            else_=None,
        ),
    ]
    stmt = select(*keys, func.count()).where(_on_the_list(criteria, rows)).group_by(*keys)
    return [
        WatchGroupRow(
            code, bool(poverty), bool(monitored), bool(low), bool(disabled), bool(older),
            bool(unemployed), job_end, bool(never), None if overdue is None else int(overdue),
            int(n),
        )
        for code, poverty, monitored, low, disabled, older, unemployed, job_end, never, overdue, n
        in session.execute(stmt)
    ]  # fmt: skip
