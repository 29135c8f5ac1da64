"""A month's wage-arrears figures (欠薪线索) and site inspections: how many clues
arrived, were accepted, closed within their deadline, refused, and were overdue, and
how many sites were visited and problems found, per unit of the station's scope and
in total. Read from the clues' step dates, so a month's figures are the
same whenever they are made (a clue closed later does not change last month's
"overdue at month end").

Definitions (``domain.arrears.deadlines``):

- 收到: received in the month;
- 受理: accepted in the month;
- 按期办结: closed in the month, no later than its resolve deadline;
- 逾期办结: closed in the month, after it;
- 不予受理: refused in the month;
- 月末超期未办: at the end of the month (or today, for the month under way), open
  with its next step past due;
- 项目检查, 发现问题: site visits made and problems found in the month.
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
from broker_app.store.repositories import inspections as inspection_repo
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
    inspections: int = 0
    problems_found: int = 0

    def add(self, other: ClueFigures) -> None:
        for name in FIGURE_NAMES:
            setattr(self, name, getattr(self, name) + getattr(other, name))


#: The figures, in the order the page and the workbook show them, with their headers.
FIGURE_NAMES = (
    "received",
    "accepted",
    "closed_in_time",
    "closed_late",
    "rejected",
    "overdue",
    "inspections",
    "problems_found",
)
FIGURE_HEADERS = (
    "收到线索",
    "受理",
    "按期办结",
    "逾期办结",
    "不予受理",
    "月末超期未办",
    "项目检查",
    "发现问题",
)


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
        visits = inspection_repo.visits_between(session, first, last)
        problems = inspection_repo.problems_found_between(session, first, last)
    directory = load_zoucheng()
    units: dict[str, ClueFigures] = {}

    def unit_of(code: str) -> ClueFigures:
        figures = units.get(code)
        if figures is None:
            known = directory.find(code) is not None
            name = directory.display_name(code) if known else code
            figures = units[code] = ClueFigures(code, name)
        return figures

    for clue in clues:
        _count(unit_of(clue.org_code), clue, first, last, as_of, deadlines)
    for _project, _day, org in visits:
        unit_of(org).inspections += 1
    for org, _problem in problems:
        unit_of(org).problems_found += 1
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
