"""Month-by-month figures of the 统计 page: how matches moved, and how many people
left with organised labour export (劳务输出).

- **Matches**: each entry of a match's history is a move to a status on a date;
  a month counts the moves dated in it, per status (推荐 12, 录用 5, 已上岗 4...).
  A match moves to each status at most once, so a month's 录用 is also the number
  of matches that reached 录用 in it. Archived matches are left out. This figure
  is not in the 月度统计表, so it is counted here.
- **Exports**: the 月度统计表's own figures (``stats.exports_in_month``) for each
  month: people in the batches that departed in the month, of them 脱贫人口
  （含监测对象）, and the number of those batches.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from broker_app.domain.common.enums import MatchStatus
from broker_app.services.stats.monthly import Month, exports_in_month
from broker_app.store.repositories import matches as match_repo
from broker_app.store.store import Store

#: How many months the page's trends show, the current one included.
TREND_MONTHS = 12


def recent_months(today: date, count: int = TREND_MONTHS) -> list[Month]:
    """The ``count`` months ending with the month of ``today``, oldest first."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return [Month((index + n) // 12, (index + n) % 12 + 1) for n in range(count)]


@dataclass(frozen=True)
class MatchMonths:
    months: tuple[Month, ...]
    #: MatchStatus value -> moves to that status in each month (aligned with months).
    moves: dict[str, tuple[int, ...]]

    def total(self, status: str) -> int:
        return sum(self.moves.get(status, ()))


@dataclass(frozen=True)
class ExportMonth:
    """People exported in one month (the 月度统计表's 输出 figures of its 合计 row)."""

    month: Month
    batches: int
    people: int
    #: Of the people, 脱贫人口（含监测对象）.
    priority: int

    @property
    def others(self) -> int:
        return self.people - self.priority


def match_moves_by_month(store: Store, months: list[Month]) -> MatchMonths:
    """Moves of live matches to each status, per month of ``months``."""
    wanted = {str(month): n for n, month in enumerate(months)}
    counts: Counter[tuple[str, int]] = Counter()
    with store.read() as session:
        # The history's JSON is read raw and parsed here: one pass, any database.
        for history in match_repo.live_histories(session):
            for entry in history:
                slot = wanted.get(_month_key(entry))
                if slot is not None:
                    counts[(str(entry.get("status")), slot)] += 1
    moves = {
        status.value: tuple(counts[(status.value, n)] for n in range(len(months)))
        for status in MatchStatus
    }
    return MatchMonths(tuple(months), moves)


def exports_by_month(store: Store, months: list[Month]) -> list[ExportMonth]:
    """The 月度统计表's export totals of each month, from ``stats.exports_in_month``."""
    out = []
    for month in months:
        figures = exports_in_month(store, month)
        batch_ids: set[str] = set()
        people = priority = 0
        for ids, exported, poor in figures.by_village.values():
            batch_ids |= ids
            people += exported
            priority += poor
        out.append(ExportMonth(month, len(batch_ids), people, priority))
    return out


def _month_key(entry: Any) -> str:
    """``YYYY-MM`` of a history entry's ISO date; empty for anything else."""
    if not isinstance(entry, dict):
        return ""
    day = entry.get("date")
    return day[:7] if isinstance(day, str) else ""
