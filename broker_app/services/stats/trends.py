"""Month-by-month figures of the 统计 page: how matches moved, and how many people
left with organised labour export (劳务输出).

- **Matches**: each entry of a match's history is a move to a status on a date;
  a month counts the moves dated in it, per status (推荐 12, 录用 5, 已上岗 4...).
  A match moves to each status at most once, so a month's 录用 is also the number
  of matches that reached 录用 in it. Archived matches are left out. This figure
  is not in the 月度统计表, so it is counted here (in SQL, from the JSON history).
- **Exports**: the 月度统计表's own figures (``monthly.exports_in_month`` gives them
  per village for one month) for each month: people in the batches that departed
  in the month, of them 脱贫人口（含监测对象）, and the number of those batches;
  counted for the twelve months in one statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.dispatch.status import DEPARTED_VALUES
from broker_app.services.stats.monthly import Month
from broker_app.store.repositories import statistics as statistics_repo
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
    keys = [str(month) for month in months]
    with store.read() as session:
        counts = statistics_repo.match_moves_by_month(session, keys)
    moves = {
        status.value: tuple(counts.get((status.value, key), 0) for key in keys)
        for status in MatchStatus
    }
    return MatchMonths(tuple(months), moves)


def exports_by_month(store: Store, months: list[Month]) -> list[ExportMonth]:
    """The 月度统计表's export totals of each month (its 合计 row's 输出批次, 输出人数
    and 其中脱贫人口), counted for all the months in one statement."""
    if not months:
        return []
    with store.read() as session:
        rows = statistics_repo.exports_by_month(
            session, DEPARTED_VALUES, months[0].first, months[-1].last
        )
    by_key = {row.month: row for row in rows}
    out = []
    for month in months:
        row = by_key.get(str(month))
        out.append(
            ExportMonth(month, row.batches, row.people, row.priority)
            if row
            else ExportMonth(month, 0, 0, 0)
        )
    return out
