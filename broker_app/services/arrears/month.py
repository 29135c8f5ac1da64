"""A month's wage-arrears figures (欠薪线索): how many clues arrived, were accepted,
closed within their deadline, refused, and were overdue, per unit of the station's
scope and in total. Read from the clues' step dates, so a month's figures are the
same whenever they are made (a clue closed later does not change last month's
"overdue at month end").

Definitions (``domain.arrears.deadlines``):

- 收到: received in the month;
- 受理: accepted in the month;
- 按期办结: closed in the month, no later than its resolve deadline;
- 逾期办结: closed in the month, after it;
- 不予受理: refused in the month;
- 月末超期未办: at the end of the month (or today, for the month under way), open
  with its next step past due.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from broker_app.domain.arrears.clues import ClueDeadlines, ClueStatus
from broker_app.domain.arrears.deadlines import closed_in_time, overdue_at
from broker_app.domain.org.units import load_zoucheng
from broker_app.services.arrears.clues import deadlines_of
from broker_app.store.models.arrears import WageClue
from broker_app.store.repositories import clues as clue_repo
from broker_app.store.store import Store


@dataclass
class ClueFigures:
    """The counts of one unit (or the total)."""

    code: str
    name: str
    received: int = 0
    accepted: int = 0
    closed_in_time: int = 0
    closed_late: int = 0
    rejected: int = 0
    overdue: int = 0

    def add(self, other: ClueFigures) -> None:
        for name in FIGURE_NAMES:
            setattr(self, name, getattr(self, name) + getattr(other, name))


#: The figures, in the order the page and the workbook show them, with their headers.
FIGURE_NAMES = ("received", "accepted", "closed_in_time", "closed_late", "rejected", "overdue")
FIGURE_HEADERS = ("收到线索", "受理", "按期办结", "逾期办结", "不予受理", "月末超期未办")


@dataclass(frozen=True)
class MonthClues:
    first: date
    last: date
    #: The day "overdue" was judged on: the month's last day, or today if earlier.
    as_of: date
    deadlines: ClueDeadlines
    units: list[ClueFigures]
    total: ClueFigures = field(default_factory=lambda: ClueFigures("", "合计"))


def month_clues(store: Store, first: date, last: date, today: date | None = None) -> MonthClues:
    """The figures of the month from ``first`` to ``last`` (its first and last days)."""
    today = today or date.today()
    as_of = min(last, today)
    with store.read() as session:
        deadlines = deadlines_of(session)
        clues = clue_repo.of_period(session, first, last)
    directory = load_zoucheng()
    units: dict[str, ClueFigures] = {}
    for clue in clues:
        figures = units.get(clue.org_code)
        if figures is None:
            known = directory.find(clue.org_code) is not None
            name = directory.display_name(clue.org_code) if known else clue.org_code
            figures = units[clue.org_code] = ClueFigures(clue.org_code, name)
        _count(figures, clue, first, last, as_of, deadlines)
    rows = [units[code] for code in sorted(units)]
    total = ClueFigures("", "合计")
    for row in rows:
        total.add(row)
    return MonthClues(first, last, as_of, deadlines, rows, total)


def _count(
    figures: ClueFigures,
    clue: WageClue,
    first: date,
    last: date,
    as_of: date,
    deadlines: ClueDeadlines,
) -> None:
    def within(day: date | None) -> bool:
        return day is not None and first <= day <= last

    figures.received += within(clue.received_on)
    figures.accepted += within(clue.accepted_on)
    if within(clue.closed_on):
        if clue.status == ClueStatus.REJECTED.value:
            figures.rejected += 1
        elif closed_in_time(clue.received_on, clue.closed_on, deadlines):
            figures.closed_in_time += 1
        else:
            figures.closed_late += 1
    figures.overdue += overdue_at(
        clue.received_on, clue.accepted_on, clue.closed_on, as_of, deadlines
    )
