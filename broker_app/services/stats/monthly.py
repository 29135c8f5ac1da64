"""Every figure of the monthly statistics (月度统计), for the workbook and the 统计
page alike, so the screen and the file never disagree.

Each public function is a read-only query returning plain values; none writes.
Figures are counted per household village (the worker's org unit) and rolled up
to townships and the station's whole scope by ``monthly_statistics``.

Two kinds of figure, and what "in the month" means for each:

- **Stock** (劳动力, 就业状态, 务工地域, 重点群体): as of the month's end. For the
  running month that is the roster as it stands; for a past month, each worker's
  status, tier, village and archived flag as of the month's last day, from the
  history of status changes (``store.status_history``). A month that ended before
  the history begins has no stock figures and says so (``before_history``); group
  membership (脱贫, 监测, …) is today's, its changes are not kept. A future month is
  refused. 大龄 (45-65 周岁) is judged on the month's last day, or today while the
  month is running.
- **Flow** (输出批次, 输出人数, 跟踪服务, 培训): things dated inside the month. A batch
  counts in the month of its departure date once it has departed (status 已出发,
  已到岗 or 结束; a batch that never left is cancelled while 筹备 and not counted);
  its people are its members. A training counts in the month it ended (its start
  date when no end date is recorded).

Definitions:

- 已就业 (employed, in the broad sense of the monitoring forms): 已就业, 灵活就业 or
  自主创业. 务农 and the rest are not.
- 务工地域 counts only the employed, by their tier.
- 脱贫人口（含监测对象）: 脱贫享受政策人口 or any 防止返贫监测对象 type, once each.
- 输出批次 of a village or township: the distinct departed batches with at least
  one of its people; so a township's figure is not the sum of its villages' when a
  batch takes people from several villages, and the total is the distinct count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from sqlalchemy import ColumnElement, Integer, and_, case, func, or_, select
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import EmploymentStatus, OrgLevel, PlaceTier, PriorityGroup
from broker_app.domain.common.errors import FieldError
from broker_app.domain.dispatch.status import DEPARTED_VALUES
from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.domain.org.units import load_zoucheng
from broker_app.services.assistance.ledger_queries import group_condition
from broker_app.store.models.assistance import FollowUp, Training
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.models.status_history import WorkerStatusEvent
from broker_app.store.models.worker import Worker
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store

EMPLOYED_STATUSES: Final = (
    EmploymentStatus.EMPLOYED.value,
    EmploymentStatus.FLEXIBLE.value,
    EmploymentStatus.SELF_EMPLOYED.value,
)
#: Tiers of people at work, in report order.
WORK_TIERS: Final = tuple(t.value for t in PlaceTier if t is not PlaceTier.NONE)
#: Key of the 脱贫人口（含监测对象） union in the priority figures.
POVERTY_OR_MONITORED: Final = "poverty_or_monitored"
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2024-03``, ``2024/3`` or ``2024年3月``."""
        found = _MONTH.match(text)
        if found is None or not 1 <= int(found.group(2)) <= 12:
            raise FieldError(
                "month",
                f"月份“{text}”格式不对（例：2024-03）",
                f"not a month: {text!r}",
                reason="format",
            )
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class GroupFigures:
    """People in one priority group, and how many of them are employed."""

    total: int = 0
    employed: int = 0


@dataclass
class UnitFigures:
    """Every figure of one village, township or the whole scope."""

    code: str
    name: str
    level: OrgLevel
    workers: int = 0
    #: EmploymentStatus value -> people (every status present, zeros included).
    by_status: dict[str, int] = field(default_factory=dict)
    #: Work tier value (``WORK_TIERS``) -> employed people.
    by_tier: dict[str, int] = field(default_factory=dict)
    #: PriorityGroup value, or ``POVERTY_OR_MONITORED`` -> figures.
    priority: dict[str, GroupFigures] = field(default_factory=dict)
    #: Ids of the batches that departed in the month with people of this unit.
    batch_ids: frozenset[str] = frozenset()
    exported: int = 0
    #: Of the people exported, 脱贫人口（含监测对象）.
    exported_priority: int = 0
    follow_ups: int = 0
    trainings: int = 0

    @property
    def employed(self) -> int:
        return sum(self.by_status.get(status, 0) for status in EMPLOYED_STATUSES)

    @property
    def batches(self) -> int:
        return len(self.batch_ids)


@dataclass(frozen=True)
class BatchFigures:
    """A batch that departed in the month."""

    id: str
    name: str
    employer: str
    destination: str
    place_tier: str
    departure_date: date
    status: str
    people: int
    priority: int


@dataclass(frozen=True)
class MonthlyStatistics:
    month: Month
    #: The day 大龄 was judged on (the month's last day, or today if earlier).
    as_of: date
    scope_code: str
    villages: list[UnitFigures]
    townships: list[UnitFigures]
    total: UnitFigures
    batches: list[BatchFigures]
    #: Stock figures from the status history (a past month), not the live roster.
    from_history: bool = False
    #: The first day of the status history (None: nothing recorded yet).
    history_from: date | None = None

    @property
    def before_history(self) -> bool:
        """The month ended before any status was recorded: no stock figures."""
        return self.from_history and (
            self.history_from is None or self.month.last < self.history_from
        )


@dataclass(frozen=True)
class ExportFigures:
    """Per village: (batch ids, people, 脱贫人口); and the batches themselves."""

    by_village: dict[str, tuple[frozenset[str], int, int]]
    batches: list[BatchFigures]


# -- the figures, one query each ------------------------------------------------------


def workers_by_status(store: Store) -> dict[str, dict[str, int]]:
    """Village -> EmploymentStatus value -> people on the roster now."""
    with store.read() as session:
        return _workers_by_status(session)


def employed_by_tier(store: Store) -> dict[str, dict[str, int]]:
    """Village -> work tier -> employed people now."""
    with store.read() as session:
        return _employed_by_tier(session)


def priority_figures(store: Store, on: date) -> dict[str, dict[str, GroupFigures]]:
    """Village -> priority group (or ``POVERTY_OR_MONITORED``) -> people, employed;
    大龄 judged on day ``on``."""
    with store.read() as session:
        return _priority_figures(session, on)


def exports_in_month(store: Store, month: Month) -> ExportFigures:
    """Batches that departed in ``month`` and their people by household village."""
    with store.read() as session:
        return _exports_in_month(session, month)


def services_in_month(store: Store, month: Month) -> dict[str, tuple[int, int]]:
    """Village -> (跟踪服务 dated in the month, trainings ended in the month)."""
    with store.read() as session:
        return _services_in_month(session, month)


def monthly_statistics(store: Store, month: Month, today: date | None = None) -> MonthlyStatistics:
    """All figures of ``month``, per village, per township and in total, from one
    consistent read of the database."""
    today = today or date.today()
    if month.first > today:
        raise FieldError(
            "month",
            f"{month.label}还没有到，不能统计；请选择本月或以前的月份",
            f"month {month} is in the future (today is {today})",
            reason="future",
        )
    as_of = min(month.last, today)
    from_history = month.last < today
    history_from: date | None = None
    with store.read() as session:
        scope = get_station(session).org_code or COUNTY_CODE
        if from_history:
            history_from = session.scalar(select(func.min(WorkerStatusEvent.day)))
            states = _states_at(session, month.last)
            status, tiers = _stock_from_states(states)
            priority = _priority_from_states(session, as_of, states)
        else:
            status = _workers_by_status(session)
            tiers = _employed_by_tier(session)
            priority = _priority_figures(session, as_of)
        exports = _exports_in_month(session, month)
        services = _services_in_month(session, month)
    codes = set(status) | set(exports.by_village) | set(services)
    villages = [
        _village_figures(code, status, tiers, priority, exports, services) for code in sorted(codes)
    ]
    by_township: dict[str, list[UnitFigures]] = defaultdict(list)
    for village in villages:
        by_township[_township_of(village.code)].append(village)
    townships = [
        _roll_up(code, _name(code), OrgLevel.TOWNSHIP, members)
        for code, members in sorted(by_township.items())
    ]
    total = _roll_up(scope, _name(scope), OrgLevel.COUNTY, villages)
    return MonthlyStatistics(
        month, as_of, scope, villages, townships, total, exports.batches,
        from_history, history_from,
    )  # fmt: skip


# -- queries ---------------------------------------------------------------------------

_LIVE = Worker.archived.is_(False)
_EMPLOYED: ColumnElement[bool] = Worker.employment_status.in_(EMPLOYED_STATUSES)
_POVERTY_OR_MONITORED = or_(
    Worker.poverty_alleviated.is_(True), Worker.monitoring_type.is_not(None)
)


def _workers_by_status(session: Session) -> dict[str, dict[str, int]]:
    stmt = (
        select(Worker.org_code, Worker.employment_status, func.count())
        .where(_LIVE)
        .group_by(Worker.org_code, Worker.employment_status)
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for code, status, count in session.execute(stmt):
        out[code][status] = int(count)
    return dict(out)


def _employed_by_tier(session: Session) -> dict[str, dict[str, int]]:
    stmt = (
        select(Worker.org_code, Worker.place_tier, func.count())
        .where(_LIVE, _EMPLOYED)
        .group_by(Worker.org_code, Worker.place_tier)
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for code, tier, count in session.execute(stmt):
        out[code][tier] = int(count)
    return dict(out)


def _priority_figures(session: Session, on: date) -> dict[str, dict[str, GroupFigures]]:
    conditions: list[tuple[str, ColumnElement[bool]]] = [
        (group.value, group_condition(group, on)) for group in PriorityGroup
    ]
    conditions.append((POVERTY_OR_MONITORED, _POVERTY_OR_MONITORED))
    employed = func.sum(case((_EMPLOYED, 1), else_=0), type_=Integer)
    out: dict[str, dict[str, GroupFigures]] = defaultdict(dict)
    for key, condition in conditions:
        stmt = (
            select(Worker.org_code, func.count(), employed)
            .where(_LIVE, condition)
            .group_by(Worker.org_code)
        )
        for code, count, working in session.execute(stmt):
            out[code][key] = GroupFigures(int(count), int(working or 0))
    return dict(out)


_State = tuple[str, str, str]  # (employment status, place tier, village)


def _states_at(session: Session, day: date) -> dict[str, _State]:
    """Worker id -> its status, tier and village at the end of ``day``, for the
    workers on the roster (not archived) then; the latest event wins."""
    stmt = (
        select(
            WorkerStatusEvent.worker_id,
            WorkerStatusEvent.employment_status,
            WorkerStatusEvent.place_tier,
            WorkerStatusEvent.org_code,
            WorkerStatusEvent.archived,
        )
        .where(WorkerStatusEvent.day <= day)
        .order_by(WorkerStatusEvent.day, WorkerStatusEvent.id)
    )
    latest: dict[str, tuple[str, str, str, bool]] = {}
    for worker_id, status, tier, org, archived in session.execute(stmt):
        latest[worker_id] = (status, tier, org, archived)
    return {w: (s, t, o) for w, (s, t, o, archived) in latest.items() if not archived}


def _stock_from_states(
    states: Mapping[str, _State],
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    status: dict[str, dict[str, int]] = defaultdict(dict)
    tiers: dict[str, dict[str, int]] = defaultdict(dict)
    for value, tier, code in states.values():
        status[code][value] = status[code].get(value, 0) + 1
        if value in EMPLOYED_STATUSES:
            tiers[code][tier] = tiers[code].get(tier, 0) + 1
    return dict(status), dict(tiers)


def _priority_from_states(
    session: Session, on: date, states: Mapping[str, _State]
) -> dict[str, dict[str, GroupFigures]]:
    """Priority figures of the workers in ``states`` (group membership as stored
    now; employed and village as in ``states``)."""
    conditions: list[tuple[str, ColumnElement[bool]]] = [
        (group.value, group_condition(group, on)) for group in PriorityGroup
    ]
    conditions.append((POVERTY_OR_MONITORED, _POVERTY_OR_MONITORED))
    out: dict[str, dict[str, GroupFigures]] = defaultdict(dict)
    for key, condition in conditions:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for worker_id in session.scalars(select(Worker.id).where(condition)):
            state = states.get(worker_id)
            if state is None:
                continue
            figures = counts[state[2]]
            figures[0] += 1
            figures[1] += state[0] in EMPLOYED_STATUSES
        for code, (total, working) in counts.items():
            out[code][key] = GroupFigures(total, working)
    return dict(out)


def _departed_in(month: Month) -> list[ColumnElement[bool]]:
    return [
        DispatchBatch.archived.is_(False),
        DispatchBatch.status.in_(DEPARTED_VALUES),
        DispatchBatch.departure_date >= month.first,
        DispatchBatch.departure_date <= month.last,
    ]


def _exports_in_month(session: Session, month: Month) -> ExportFigures:
    priority = func.sum(case((_POVERTY_OR_MONITORED, 1), else_=0), type_=Integer)
    stmt = (
        select(Worker.org_code, DispatchBatch.id, func.count(), priority)
        .select_from(DispatchMember)
        .join(DispatchBatch, DispatchBatch.id == DispatchMember.batch_id)
        .join(Worker, Worker.id == DispatchMember.worker_id)
        .where(DispatchMember.archived.is_(False), *_departed_in(month))
        .group_by(Worker.org_code, DispatchBatch.id)
    )
    batch_sets: dict[str, set[str]] = defaultdict(set)
    people: Counter[str] = Counter()
    poor: Counter[str] = Counter()
    per_batch: Counter[str] = Counter()
    per_batch_poor: Counter[str] = Counter()
    for code, batch_id, count, priority_count in session.execute(stmt):
        batch_sets[code].add(batch_id)
        people[code] += int(count)
        poor[code] += int(priority_count or 0)
        per_batch[batch_id] += int(count)
        per_batch_poor[batch_id] += int(priority_count or 0)
    by_village = {
        code: (frozenset(ids), people[code], poor[code]) for code, ids in batch_sets.items()
    }
    batch_stmt = (
        select(
            DispatchBatch.id,
            DispatchBatch.name,
            DispatchBatch.employer,
            DispatchBatch.destination,
            DispatchBatch.place_tier,
            DispatchBatch.departure_date,
            DispatchBatch.status,
        )
        .where(*_departed_in(month))
        .order_by(DispatchBatch.departure_date, DispatchBatch.pk)
    )
    batches = [
        BatchFigures(
            batch_id,
            name,
            employer,
            destination,
            tier,
            departed or month.first,
            status,
            people=per_batch[batch_id],
            priority=per_batch_poor[batch_id],
        )
        for batch_id, name, employer, destination, tier, departed, status in session.execute(
            batch_stmt
        )
    ]
    return ExportFigures(by_village, batches)


def _services_in_month(session: Session, month: Month) -> dict[str, tuple[int, int]]:
    follow_stmt = (
        select(Worker.org_code, func.count())
        .select_from(FollowUp)
        .join(Worker, Worker.id == FollowUp.worker_id)
        .where(
            _LIVE,
            FollowUp.archived.is_(False),
            FollowUp.date >= month.first,
            FollowUp.date <= month.last,
        )
        .group_by(Worker.org_code)
    )
    ended = func.coalesce(Training.end_date, Training.start_date)
    training_stmt = (
        select(Worker.org_code, func.count())
        .select_from(Training)
        .join(Worker, Worker.id == Training.worker_id)
        .where(_LIVE, Training.archived.is_(False), and_(ended >= month.first, ended <= month.last))
        .group_by(Worker.org_code)
    )
    follow = {code: int(n) for code, n in session.execute(follow_stmt)}
    trained = {code: int(n) for code, n in session.execute(training_stmt)}
    return {
        code: (follow.get(code, 0), trained.get(code, 0)) for code in follow.keys() | trained.keys()
    }


# -- rolling up ------------------------------------------------------------------------


def _village_figures(
    code: str,
    status: Mapping[str, Mapping[str, int]],
    tiers: Mapping[str, Mapping[str, int]],
    priority: Mapping[str, Mapping[str, GroupFigures]],
    exports: ExportFigures,
    services: Mapping[str, tuple[int, int]],
) -> UnitFigures:
    by_status = {s.value: status.get(code, {}).get(s.value, 0) for s in EmploymentStatus}
    # A status from a newer version of the app still counts in the total.
    extra = sum(n for s, n in status.get(code, {}).items() if s not in by_status)
    batch_ids, exported, exported_priority = exports.by_village.get(code, (frozenset(), 0, 0))
    follow_ups, trainings = services.get(code, (0, 0))
    return UnitFigures(
        code=code,
        name=_name(code),
        level=OrgLevel.VILLAGE,
        workers=sum(by_status.values()) + extra,
        by_status=by_status,
        by_tier={tier: tiers.get(code, {}).get(tier, 0) for tier in WORK_TIERS},
        priority={key: priority.get(code, {}).get(key, GroupFigures()) for key in _priority_keys()},
        batch_ids=batch_ids,
        exported=exported,
        exported_priority=exported_priority,
        follow_ups=follow_ups,
        trainings=trainings,
    )


def _roll_up(code: str, name: str, level: OrgLevel, units: Iterable[UnitFigures]) -> UnitFigures:
    out = UnitFigures(code=code, name=name, level=level)
    status: Counter[str] = Counter({s.value: 0 for s in EmploymentStatus})
    tiers: Counter[str] = Counter(dict.fromkeys(WORK_TIERS, 0))
    groups: dict[str, list[int]] = {key: [0, 0] for key in _priority_keys()}
    batch_ids: set[str] = set()
    for unit in units:
        out.workers += unit.workers
        status.update(unit.by_status)
        tiers.update(unit.by_tier)
        for key, figures in unit.priority.items():
            groups[key][0] += figures.total
            groups[key][1] += figures.employed
        batch_ids |= unit.batch_ids
        out.exported += unit.exported
        out.exported_priority += unit.exported_priority
        out.follow_ups += unit.follow_ups
        out.trainings += unit.trainings
    out.by_status = dict(status)
    out.by_tier = dict(tiers)
    out.priority = {key: GroupFigures(total, employed) for key, (total, employed) in groups.items()}
    out.batch_ids = frozenset(batch_ids)
    return out


def _priority_keys() -> list[str]:
    return [*(group.value for group in PriorityGroup), POVERTY_OR_MONITORED]


def _township_of(code: str) -> str:
    return code[:9] + "000"


def _name(code: str) -> str:
    directory = load_zoucheng()
    unit = directory.find(code)
    return unit.short_name if unit is not None else code
