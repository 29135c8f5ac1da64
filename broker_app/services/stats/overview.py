"""The roster figures of the 统计 page: the monthly statistics of ``services.stats.monthly``
(the same figures as the 月度统计表), plus the few values the page derives from them.

Nothing here counts anything itself: every number is one of ``stats.py``'s or a
difference of two of them, so the screen and the workbook cannot disagree.

- 务工地域 counts the employed by tier; ``tier_unknown`` is the employed whose tier
  is not one of the four (the roster allows a 自主创业 person without one).
- 重点群体 rows: for a village station the priority groups of the village; for a
  township its villages; for the county its townships, and the villages of one
  township on drill-down. Rows are ordered by people not employed, most first,
  because those are the people the station has to help.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from broker_app.domain.common.enums import EmploymentStatus, OrgLevel, PriorityGroup
from broker_app.domain.org.codes import level_of
from broker_app.services.stats.monthly import (
    POVERTY_OR_MONITORED,
    WORK_TIERS,
    GroupFigures,
    Month,
    MonthlyStatistics,
    UnitFigures,
    monthly_statistics,
)
from broker_app.store.store import Store

#: Keys of ``UnitFigures.priority`` the page offers, the mission's focus first.
PRIORITY_KEYS: Final = (POVERTY_OR_MONITORED, *(group.value for group in PriorityGroup))
#: Chinese names of those keys.
PRIORITY_NAMES: Final = {
    POVERTY_OR_MONITORED: "脱贫人口（含监测对象）",
    **{group.value: group.label for group in PriorityGroup},
}


@dataclass(frozen=True)
class Overview:
    """The roster figures as of ``today`` (the current month's statistics)."""

    statistics: MonthlyStatistics
    today: date

    @property
    def total(self) -> UnitFigures:
        return self.statistics.total

    @property
    def scope_level(self) -> OrgLevel:
        return level_of(self.statistics.scope_code)

    @property
    def tier_unknown(self) -> int:
        """Employed people whose 务工地域 is none of the four tiers."""
        total = self.statistics.total
        return max(0, total.employed - sum(total.by_tier.get(t, 0) for t in WORK_TIERS))

    @property
    def employed_share(self) -> float | None:
        total = self.statistics.total
        return total.employed / total.workers if total.workers else None

    @property
    def unemployed(self) -> int:
        return self.statistics.total.by_status.get(EmploymentStatus.UNEMPLOYED.value, 0)

    @property
    def poverty_or_monitored(self) -> GroupFigures:
        """脱贫人口（含监测对象）: people and how many of them are employed."""
        return self.statistics.total.priority.get(POVERTY_OR_MONITORED, GroupFigures())


@dataclass(frozen=True)
class PriorityRow:
    """One bar of the 重点群体 chart: a group, village or township."""

    code: str
    name: str
    total: int
    employed: int

    @property
    def not_employed(self) -> int:
        return self.total - self.employed

    @property
    def employed_share(self) -> float | None:
        return self.employed / self.total if self.total else None


def load_overview(store: Store, today: date | None = None) -> Overview:
    """The current month's statistics, as the 月度统计表 made today would show them."""
    today = today or date.today()
    return Overview(monthly_statistics(store, Month.of(today), today), today)


def group_rows(unit: UnitFigures) -> list[PriorityRow]:
    """Each priority group of one unit (a village station's chart): 脱贫人口（含监测
    对象） first, then the groups in their order."""
    return [
        _row(key, PRIORITY_NAMES[key], unit.priority.get(key, GroupFigures()))
        for key in PRIORITY_KEYS
    ]


def unit_rows(overview: Overview, key: str, township: str | None = None) -> list[PriorityRow]:
    """Group ``key`` per village (a township station, or ``township`` drilled into)
    or per township (the county), most people not employed first; units without
    anyone in the group are left out."""
    stats = overview.statistics
    if township is not None:
        units = [v for v in stats.villages if v.code[:9] == township[:9]]
    elif overview.scope_level is OrgLevel.COUNTY:
        units = stats.townships
    else:
        units = stats.villages
    rows = [_row(unit.code, unit.name, unit.priority.get(key, GroupFigures())) for unit in units]
    rows = [row for row in rows if row.total]
    rows.sort(key=lambda row: (-row.not_employed, -row.total, row.code))
    return rows


def township_name(overview: Overview, code: str) -> str:
    return next((t.name for t in overview.statistics.townships if t.code == code), code)


def _row(code: str, name: str, figures: GroupFigures) -> PriorityRow:
    return PriorityRow(code, name, figures.total, figures.employed)
