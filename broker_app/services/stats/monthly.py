"""Every figure of the monthly statistics (月度统计), for the workbook and the 统计
page alike, so the screen and the file never disagree.

Each public function is a read-only query returning plain values; none writes.
Figures are counted per household village (the worker's org unit) by SQLite, one
GROUP BY per kind of figure (``store.repositories.statistics``), and rolled up to
townships and the station's whole scope by ``monthly_statistics``.

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

from broker_app.domain.common.enums import EmploymentStatus, OrgLevel, PlaceTier, PriorityGroup
from broker_app.domain.common.errors import FieldError
from broker_app.domain.dispatch.status import DEPARTED_VALUES
from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.domain.org.units import load_zoucheng
from broker_app.store.repositories import statistics as statistics_repo
from broker_app.store.repositories.station import get_station
from broker_app.store.repositories.statistics import StockRow
from broker_app.store.store import Store, Transaction

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


# -- the figures ----------------------------------------------------------------------


def workers_by_status(store: Store) -> dict[str, dict[str, int]]:
    """Village -> EmploymentStatus value -> people on the roster now."""
    with store.read() as session:
        return _stock_figures(statistics_repo.stock_now(session, date.today()))[0]


def employed_by_tier(store: Store) -> dict[str, dict[str, int]]:
    """Village -> work tier -> employed people now."""
    with store.read() as session:
        return _stock_figures(statistics_repo.stock_now(session, date.today()))[1]


def priority_figures(store: Store, on: date) -> dict[str, dict[str, GroupFigures]]:
    """Village -> priority group (or ``POVERTY_OR_MONITORED``) -> people, employed;
    大龄 judged on day ``on``."""
    with store.read() as session:
        return _stock_figures(statistics_repo.stock_now(session, on))[2]


def exports_in_month(store: Store, month: Month) -> ExportFigures:
    """Batches that departed in ``month`` and their people by household village."""
    with store.read() as session:
        return _exports(session, month)


def services_in_month(store: Store, month: Month) -> dict[str, tuple[int, int]]:
    """Village -> (跟踪服务 dated in the month, trainings ended in the month)."""
    with store.read() as session:
        return _services(session, month)


def monthly_statistics(store: Store, month: Month, today: date | None = None) -> MonthlyStatistics:
    """All figures of ``month``, per village, per township and in total, from one
    consistent read of the database. Every count is done by SQLite, one statement
    per kind of figure; Python only rolls villages up into townships."""
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
            history_from = statistics_repo.history_start(session)
            stock = statistics_repo.stock_at(session, month.last, as_of)
        else:
            stock = statistics_repo.stock_now(session, as_of)
        exports = _exports(session, month)
        services = _services(session, month)
    status, tiers, priority = _stock_figures(stock)
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


# -- from the store's counting rows ----------------------------------------------------


def _stock_figures(
    rows: Iterable[StockRow],
) -> tuple[
    dict[str, dict[str, int]], dict[str, dict[str, int]], dict[str, dict[str, GroupFigures]]
]:
    """Village -> status -> people; village -> tier -> employed people; village ->
    priority key -> (people, employed), from the store's rows per village, status
    and tier."""
    status: dict[str, dict[str, int]] = defaultdict(dict)
    tiers: dict[str, dict[str, int]] = defaultdict(dict)
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for row in rows:
        code = row.org_code
        status[code][row.employment_status] = (
            status[code].get(row.employment_status, 0) + row.people
        )
        employed = row.employment_status in EMPLOYED_STATUSES
        if employed:
            tiers[code][row.place_tier] = tiers[code].get(row.place_tier, 0) + row.people
        counts = {**row.groups, POVERTY_OR_MONITORED: row.poverty_or_monitored}
        for key, people in counts.items():
            if people:
                figures = groups[code].setdefault(key, [0, 0])
                figures[0] += people
                figures[1] += people if employed else 0
    priority = {
        code: {key: GroupFigures(total, working) for key, (total, working) in keys.items()}
        for code, keys in groups.items()
    }
    return dict(status), dict(tiers), priority


def _exports(session: Transaction, month: Month) -> ExportFigures:
    rows = statistics_repo.exports_by_village(session, DEPARTED_VALUES, month.first, month.last)
    batch_sets: dict[str, set[str]] = defaultdict(set)
    people: Counter[str] = Counter()
    poor: Counter[str] = Counter()
    per_batch: Counter[str] = Counter()
    per_batch_poor: Counter[str] = Counter()
    for row in rows:
        batch_sets[row.org_code].add(row.batch_id)
        people[row.org_code] += row.people
        poor[row.org_code] += row.priority
        per_batch[row.batch_id] += row.people
        per_batch_poor[row.batch_id] += row.priority
    by_village = {
        code: (frozenset(ids), people[code], poor[code]) for code, ids in batch_sets.items()
    }
    batches = [
        BatchFigures(
            batch.id,
            batch.name,
            batch.employer,
            batch.destination,
            batch.place_tier,
            batch.departure_date or month.first,
            batch.status,
            people=per_batch[batch.id],
            priority=per_batch_poor[batch.id],
        )
        for batch in statistics_repo.departed_batches(
            session, DEPARTED_VALUES, month.first, month.last
        )
    ]
    return ExportFigures(by_village, batches)


def _services(session: Transaction, month: Month) -> dict[str, tuple[int, int]]:
    follow = statistics_repo.follow_ups_by_village(session, month.first, month.last)
    trained = statistics_repo.trainings_by_village(session, month.first, month.last)
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
