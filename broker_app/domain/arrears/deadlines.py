"""When the next step of a wage-arrears clue is due, and whether it is overdue.

Every deadline is counted in calendar days from the day the clue arrived
(``received_on``), as the county publishes them (接收 1 天、受理 5 天、办结 15 天):

- 已接收 (received): the station must accept the clue (受理) or refuse it (不予受理)
  by ``received_on + accept_days``;
- 已受理 (accepted): it must close it (办结) by ``received_on + resolve_days``;
- 已办结 / 不予受理: nothing is due.

The receive step itself is met by the clue's arrival: a clue is recorded with status
已接收 the moment it reaches the system (card page, phone call or visit), so it is never
late by the station's doing. ``receive_days`` is still the county's figure (the card
page tells the worker by when the station will have the clue).

A step done on its due day is in time; overdue means a day after the due day has begun.
Pure: the date of "today" is always a parameter.
"""

from __future__ import annotations

from datetime import date, timedelta

from broker_app.domain.arrears.clues import DEFAULT_DEADLINES, ClueDeadlines, ClueStatus

#: Statuses with a step still to do.
OPEN_STATUSES = frozenset({ClueStatus.RECEIVED.value, ClueStatus.ACCEPTED.value})


def next_step_due(
    status: str, received_on: date, deadlines: ClueDeadlines = DEFAULT_DEADLINES
) -> date | None:
    """The day by which the clue's next step must be done; None when it is finished
    (closed or refused) or the status is unknown."""
    if status == ClueStatus.RECEIVED.value:
        return received_on + timedelta(days=deadlines.accept_days)
    if status == ClueStatus.ACCEPTED.value:
        return received_on + timedelta(days=deadlines.resolve_days)
    return None


def is_overdue(
    status: str, received_on: date, on: date, deadlines: ClueDeadlines = DEFAULT_DEADLINES
) -> bool:
    """True when the clue's next step was due before ``on`` and is still not done."""
    due = next_step_due(status, received_on, deadlines)
    return due is not None and on > due


def closed_in_time(
    received_on: date, closed_on: date | None, deadlines: ClueDeadlines = DEFAULT_DEADLINES
) -> bool:
    """True when the clue was closed (办结) no later than its resolve deadline."""
    return closed_on is not None and closed_on <= received_on + timedelta(
        days=deadlines.resolve_days
    )


def overdue_at(
    received_on: date,
    accepted_on: date | None,
    closed_on: date | None,
    on: date,
    deadlines: ClueDeadlines = DEFAULT_DEADLINES,
) -> bool:
    """True when, at the end of day ``on``, the clue had a step past its deadline that
    was not yet done: the history read from the step dates, so a month's statistics
    are the same whenever they are made. A refused clue carries the day it was refused
    in ``closed_on`` and is finished from that day, as a closed one."""
    if received_on > on:
        return False
    finished = closed_on is not None and closed_on <= on
    if finished:
        return False
    decided = accepted_on is not None and accepted_on <= on
    step = ClueStatus.ACCEPTED.value if decided else ClueStatus.RECEIVED.value
    return is_overdue(step, received_on, on, deadlines)
