"""The counting queries of the monthly statistics (月度统计) and the 统计 page.

Each is one SQL statement that does its counting in SQLite (GROUP BY) and returns at
most one row per village and value, never a row per worker: a county station
holds hundreds of thousands of workers, and reading them into Python took seconds.
``ix_worker_stats`` covers the stock query, so it is answered from the index alone.

The meaning of each figure (what counts in a month, who is employed) is the
service's, ``services.stats.monthly``; these functions take its parameters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import PriorityGroup
from broker_app.store.models.assistance import FollowUp, Training
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.models.match import Match
from broker_app.store.models.status_history import WorkerStatusEvent, WorkerStatusLatest
from broker_app.store.models.worker import Worker
from broker_app.store.repositories.priority_sql import group_condition, poverty_or_monitored


@dataclass(frozen=True)
class StockRow:
    """People of one village with one employment status and place tier."""

    org_code: str
    employment_status: str
    place_tier: str
    people: int
    #: PriorityGroup value -> people of this row in the group.
    groups: dict[str, int]
    #: Of the people, 脱贫人口（含监测对象）.
    poverty_or_monitored: int


@dataclass(frozen=True)
class ExportRow:
    """People of one village in one departed batch."""

    org_code: str
    batch_id: str
    people: int
    #: Of them, 脱贫人口（含监测对象）.
    priority: int


@dataclass(frozen=True)
class DepartedBatch:
    id: str
    name: str
    employer: str
    destination: str
    place_tier: str
    departure_date: date | None
    status: str


@dataclass(frozen=True)
class ExportMonthRow:
    """One month's departed batches (with people) and their people."""

    month: str  # YYYY-MM
    batches: int
    people: int
    priority: int


def _flag(condition: ColumnElement[bool]) -> Any:
    """1 where ``condition`` holds, summed per group."""
    return func.sum(case((condition, 1), else_=0), type_=Integer)


def _group_sums(on: date, source: Any = Worker) -> list[Any]:
    return [
        *(_flag(group_condition(group, on, source)) for group in PriorityGroup),
        _flag(poverty_or_monitored(source)),
    ]


def _stock_rows(rows: Iterable[Any]) -> list[StockRow]:
    groups = [group.value for group in PriorityGroup]
    out = []
    for code, status, tier, people, *sums in rows:
        out.append(
            StockRow(
                code,
                status,
                tier,
                int(people),
                {group: int(n or 0) for group, n in zip(groups, sums, strict=False)},
                int(sums[-1] or 0),
            )
        )
    return out


def stock_now(session: Session, on: date) -> list[StockRow]:
    """Workers on the roster now per village, status and tier, with their priority
    groups (大龄 judged on day ``on``): one pass over ``ix_worker_stats``."""
    stmt = (
        select(
            Worker.org_code,
            Worker.employment_status,
            Worker.place_tier,
            func.count(),
            *_group_sums(on),
        )
        .where(Worker.archived.is_(False))
        .group_by(Worker.org_code, Worker.employment_status, Worker.place_tier)
    )
    return _stock_rows(session.execute(stmt))


def stock_at(session: Session, day: date, on: date) -> list[StockRow]:
    """The same rows as of the end of ``day``, from the status history: each
    worker's latest event up to that day (its status, tier, village, archived) decides
    where it counts; group membership is the worker's as stored now, 大龄 judged on
    ``on``. A worker archived at that day's end is not counted; one no longer on this
    station (moved away) still counts where it was, with no group.

    ``worker_status_latest`` holds each worker's latest event overall with its
    groups: for a worker with no event after ``day`` that is the event that counts,
    so those are counted from its index in one pass. The workers with a later event
    and an earlier one (found by the table's day index; one whose first event is
    later counts nowhere) are looked up in the history, their latest event up to
    ``day`` being the largest (day, id) among theirs: the cost follows the changes
    since ``day``, not the roster."""
    latest = WorkerStatusLatest
    settled = (
        select(
            latest.org_code,
            latest.employment_status,
            latest.place_tier,
            func.count(),
            *_group_sums(on, latest),
        )
        .where(latest.archived.is_(False), latest.day <= day)
        .group_by(latest.org_code, latest.employment_status, latest.place_tier)
    )
    event = WorkerStatusEvent
    later = select(latest.worker_id).where(latest.day > day, latest.first_day <= day)
    # SQLite takes a bare column from the row where the group's max() was found.
    key = func.max(event.day.cast(String) + func.printf("%012d", event.id))
    then = (
        select(
            event.worker_id,
            key.label("latest"),
            event.org_code,
            event.employment_status,
            event.place_tier,
            event.archived,
        )
        .where(event.worker_id.in_(later), event.day <= day)
        .group_by(event.worker_id)
        .subquery()
    )
    changed = (
        select(
            then.c.org_code,
            then.c.employment_status,
            then.c.place_tier,
            func.count(),
            *_group_sums(on, latest),
        )
        .select_from(then)
        .join(latest, latest.worker_id == then.c.worker_id)
        .where(then.c.archived.is_(False))
        .group_by(then.c.org_code, then.c.employment_status, then.c.place_tier)
    )
    return _merged(_stock_rows([*session.execute(settled), *session.execute(changed)]))


def _merged(rows: Iterable[StockRow]) -> list[StockRow]:
    """One row per village, status and tier, adding up rows with the same key."""
    out: dict[tuple[str, str, str], StockRow] = {}
    for row in rows:
        key = (row.org_code, row.employment_status, row.place_tier)
        seen = out.get(key)
        if seen is None:
            out[key] = row
            continue
        groups = {g: seen.groups.get(g, 0) + n for g, n in row.groups.items()}
        out[key] = StockRow(
            *key,
            seen.people + row.people,
            groups,
            seen.poverty_or_monitored + row.poverty_or_monitored,
        )
    return list(out.values())


def history_start(session: Session) -> date | None:
    """The first day of the status history (None: nothing recorded yet)."""
    return session.scalar(select(func.min(WorkerStatusEvent.day)))


def _departed(statuses: Collection[str], first: date, last: date) -> list[ColumnElement[bool]]:
    return [
        DispatchBatch.archived.is_(False),
        DispatchBatch.status.in_(statuses),
        DispatchBatch.departure_date >= first,
        DispatchBatch.departure_date <= last,
    ]


def exports_by_village(
    session: Session, statuses: Collection[str], first: date, last: date
) -> list[ExportRow]:
    """People per household village and batch, of the batches in ``statuses`` that
    departed between ``first`` and ``last``."""
    stmt = (
        select(Worker.org_code, DispatchBatch.id, func.count(), _flag(poverty_or_monitored()))
        .select_from(DispatchMember)
        .join(DispatchBatch, DispatchBatch.id == DispatchMember.batch_id)
        .join(Worker, Worker.id == DispatchMember.worker_id)
        .where(DispatchMember.archived.is_(False), *_departed(statuses, first, last))
        .group_by(Worker.org_code, DispatchBatch.id)
    )
    return [
        ExportRow(code, batch_id, int(n), int(poor or 0))
        for code, batch_id, n, poor in session.execute(stmt)
    ]


def departed_batches(
    session: Session, statuses: Collection[str], first: date, last: date
) -> list[DepartedBatch]:
    """The batches in ``statuses`` that departed between ``first`` and ``last``, by
    departure date."""
    stmt = (
        select(
            DispatchBatch.id,
            DispatchBatch.name,
            DispatchBatch.employer,
            DispatchBatch.destination,
            DispatchBatch.place_tier,
            DispatchBatch.departure_date,
            DispatchBatch.status,
        )
        .where(*_departed(statuses, first, last))
        .order_by(DispatchBatch.departure_date, DispatchBatch.pk)
    )
    return [DepartedBatch(*row) for row in session.execute(stmt)]


def exports_by_month(
    session: Session, statuses: Collection[str], first: date, last: date
) -> list[ExportMonthRow]:
    """Per month of departure between ``first`` and ``last``: the departed batches
    with people, their people and of them 脱贫人口（含监测对象）: the 合计 row of each
    month's 输出 figures, in one statement instead of one per month."""
    month = func.substr(DispatchBatch.departure_date, 1, 7)
    stmt = (
        select(
            month,
            func.count(DispatchBatch.id.distinct()),
            func.count(),
            _flag(poverty_or_monitored()),
        )
        .select_from(DispatchMember)
        .join(DispatchBatch, DispatchBatch.id == DispatchMember.batch_id)
        .join(Worker, Worker.id == DispatchMember.worker_id)
        .where(DispatchMember.archived.is_(False), *_departed(statuses, first, last))
        .group_by(month)
    )
    return [
        ExportMonthRow(str(key), int(batches), int(people), int(poor or 0))
        for key, batches, people, poor in session.execute(stmt)
    ]


def _dated_between(column: Any, first: date, last: date) -> ColumnElement[bool]:
    return and_(column >= first, column <= last)


def _live_village(worker_id: Any) -> Any:
    """The household village of the worker ``worker_id`` names, NULL when it is
    archived or not here. A correlated lookup, so SQLite walks the dated rows (a
    month's follow-ups) and looks each worker up, instead of walking every worker."""
    return (
        select(Worker.org_code)
        .where(Worker.id == worker_id, Worker.archived.is_(False))
        .scalar_subquery()
    )


def follow_ups_by_village(session: Session, first: date, last: date) -> dict[str, int]:
    """Village -> 跟踪服务 dated between ``first`` and ``last``, of people on the roster."""
    rows = (
        select(_live_village(FollowUp.worker_id).label("village"))
        .where(FollowUp.archived.is_(False), _dated_between(FollowUp.date, first, last))
        .subquery()
    )
    stmt = (
        select(rows.c.village, func.count())
        .where(rows.c.village.is_not(None))
        .group_by(rows.c.village)
    )
    return {code: int(n) for code, n in session.execute(stmt)}


_ENDED = func.coalesce(Training.end_date, Training.start_date)


def trainings_by_village(session: Session, first: date, last: date) -> dict[str, int]:
    """Village -> trainings that ended between ``first`` and ``last`` (their start
    when no end is recorded), of people on the roster."""
    rows = (
        select(_live_village(Training.worker_id).label("village"))
        .where(Training.archived.is_(False), _dated_between(_ENDED, first, last))
        .subquery()
    )
    stmt = (
        select(rows.c.village, func.count())
        .where(rows.c.village.is_not(None))
        .group_by(rows.c.village)
    )
    return {code: int(n) for code, n in session.execute(stmt)}


def trainings_by_kind(session: Session, first: date, last: date) -> dict[str, int]:
    """Training kind -> trainings that ended between ``first`` and ``last``, of people
    on the roster."""
    stmt = (
        select(Training.kind, func.count())
        .where(
            Training.archived.is_(False),
            _dated_between(_ENDED, first, last),
            _live_village(Training.worker_id).is_not(None),
        )
        .group_by(Training.kind)
    )
    return {kind: int(n) for kind, n in session.execute(stmt)}


def match_moves_by_month(session: Session, months: Collection[str]) -> dict[tuple[str, str], int]:
    """(status, ``YYYY-MM``) -> entries of the live matches' histories dated in one of
    ``months``. SQLite reads the JSON (``json_each``), so no history reaches Python;
    an entry that is not an object with a text date is not counted, and a history
    that is not valid JSON counts as empty."""
    history = case((func.json_valid(Match.history), Match.history), else_=literal_column("'[]'"))
    entries = func.json_each(history).table_valued("value", "type").alias("entry")
    day = func.json_extract(entries.c.value, "$.date")
    month = func.substr(day, 1, 7)
    status = func.json_extract(entries.c.value, "$.status")
    stmt = (
        select(status, month, func.count())
        .select_from(Match)
        .join(entries, literal_column("1") == literal_column("1"))
        .where(
            Match.archived.is_(False),
            entries.c.type == "object",
            func.json_type(entries.c.value, "$.date") == "text",
            month.in_(list(months)),
        )
        .group_by(status, month)
    )
    return {(str(s), str(m)): int(n) for s, m, n in session.execute(stmt)}
