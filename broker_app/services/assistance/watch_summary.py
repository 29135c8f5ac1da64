"""帮扶预警 by village: what a township or the county acts on.

A county station has about 175,000 people on the list; nobody works through that.
What a township or the county does with the list is to ask the villages with the
most urgent people to act, so its view is one row per village: how many people are
on the list, how many of them are 紧急 and 较急, how many are 脱贫人口（含监测对象）,
and how many for each reason, villages ranked by urgency (most 紧急 first, then
较急, then everyone). A village opens into its own ranked list (``watch_list`` with
``village=``), the same list its village station sees.

The figures are the list's own: the same people (``watch_list``'s rules and
filters) and the same urgency (``domain.people.watch_urgency``), counted from the
store's groups (``store.repositories.watch_list.groups_by_village``) instead of
person by person.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.priority import FIRST_PRIORITY
from broker_app.domain.people.watch_urgency import (
    OVERDUE_MONTH_DAYS,
    Urgency,
    urgency_level,
    urgency_score,
)
from broker_app.services.assistance.watch_list import (
    ALL_GROUPS,
    WatchReason,
    WatchRules,
    place_name,
    watch_criteria,
)
from broker_app.store.repositories import watch_list as watch_repo
from broker_app.store.repositories.watch_list import WatchGroupRow
from broker_app.store.store import Store


@dataclass
class VillageWatch:
    """One village's people on the list."""

    code: str
    people: int = 0
    #: Urgency -> people.
    by_urgency: dict[Urgency, int] = field(default_factory=lambda: dict.fromkeys(Urgency, 0))
    #: WatchReason -> people with that reason (a person may have several).
    by_reason: dict[WatchReason, int] = field(default_factory=lambda: dict.fromkeys(WatchReason, 0))
    #: Of the people, 脱贫人口（含监测对象）.
    first_priority: int = 0
    #: The highest urgency score of the village's people.
    top_score: int = 0

    @property
    def urgent(self) -> int:
        return self.by_urgency[Urgency.HIGH]

    @property
    def place(self) -> str:
        """乡镇 / 村."""
        return place_name(self.code)

    def rank_key(self) -> tuple[int, int, int, int, str]:
        return (
            -self.by_urgency[Urgency.HIGH],
            -self.by_urgency[Urgency.MEDIUM],
            -self.people,
            -self.top_score,
            self.code,
        )


@dataclass(frozen=True)
class WatchSummary:
    rules: WatchRules
    today: date
    #: Villages with anyone on the list, most urgent first.
    villages: tuple[VillageWatch, ...]

    @property
    def people(self) -> int:
        return sum(village.people for village in self.villages)

    @property
    def urgent(self) -> int:
        return sum(village.urgent for village in self.villages)

    def count(self, reason: WatchReason) -> int:
        return sum(village.by_reason[reason] for village in self.villages)

    def village(self, code: str) -> VillageWatch | None:
        return next((v for v in self.villages if v.code == code), None)


def watch_summary(
    store: Store,
    rules: WatchRules,
    *,
    groups: Collection[PriorityGroup] = ALL_GROUPS,
    reason: WatchReason | None = None,
    today: date | None = None,
) -> WatchSummary:
    """The watch list (same rules and filters as ``watch_list``) counted by village."""
    today = today or date.today()
    criteria = watch_criteria(rules, groups, reason, today)
    with store.read() as session:
        rows = watch_repo.groups_by_village(session, criteria)
    return WatchSummary(rules, today, tuple(_villages(rows, rules, today)))


def _villages(rows: Iterable[WatchGroupRow], rules: WatchRules, today: date) -> list[VillageWatch]:
    villages: dict[str, VillageWatch] = {}
    # Villages share their combinations: each is scored once.
    scored: dict[tuple[object, ...], tuple[tuple[PriorityGroup, ...], int]] = {}
    for row in rows:
        village = villages.get(row.org_code)
        if village is None:
            village = villages[row.org_code] = VillageWatch(row.org_code)
        key = (
            row.poverty_alleviated, row.monitored, row.low_income, row.disabled, row.older,
            row.unemployed, row.job_end, row.never_followed, row.overdue_months,
        )  # fmt: skip
        found = scored.get(key)
        if found is None:
            groups = _groups(row)
            found = scored[key] = (groups, _score(row, groups, rules, today))
        groups, score = found
        village.people += row.people
        village.by_urgency[urgency_level(score)] += row.people
        village.top_score = max(village.top_score, score)
        if any(group in FIRST_PRIORITY for group in groups):
            village.first_priority += row.people
        if row.unemployed:
            village.by_reason[WatchReason.UNEMPLOYED] += row.people
        if row.job_end is not None:
            village.by_reason[WatchReason.JOB_ENDED] += row.people
        if row.never_followed or row.overdue_months is not None:
            village.by_reason[WatchReason.NO_FOLLOW_UP] += row.people
    return sorted(villages.values(), key=VillageWatch.rank_key)


def _groups(row: WatchGroupRow) -> tuple[PriorityGroup, ...]:
    flags = (row.poverty_alleviated, row.monitored, row.low_income, row.disabled, row.older)
    return tuple(group for group, on in zip(PriorityGroup, flags, strict=True) if on)


def _score(
    row: WatchGroupRow, groups: tuple[PriorityGroup, ...], rules: WatchRules, today: date
) -> int:
    """The urgency of the row's people. The store counted a missed follow-up in whole
    months overdue; a follow-up that many months overdue scores the same as each of
    theirs."""
    last = None
    if row.overdue_months is not None:
        days = rules.follow_up_days + row.overdue_months * OVERDUE_MONTH_DAYS
        last = today - timedelta(days=days)
    return urgency_score(
        groups,
        unemployed=row.unemployed,
        job_ended=row.job_end,
        job_end_days=rules.job_end_days,
        never_followed=row.never_followed,
        last_follow_up=last,
        follow_up_days=rules.follow_up_days,
        today=today,
    )
