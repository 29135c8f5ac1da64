"""The pure deadline rule: the next step's due day and "overdue on day d"."""

from __future__ import annotations

from datetime import date

from broker_app.domain.arrears.clues import ClueDeadlines
from broker_app.domain.arrears.deadlines import (
    closed_in_time,
    is_overdue,
    next_step_due,
    overdue_at,
)

ARRIVED = date(2026, 11, 2)


def test_next_step_is_accepting_then_resolving_counted_from_arrival() -> None:
    assert next_step_due("received", ARRIVED) == date(2026, 11, 7)
    assert next_step_due("accepted", ARRIVED) == date(2026, 11, 17)
    assert next_step_due("closed", ARRIVED) is None
    assert next_step_due("rejected", ARRIVED) is None
    county = ClueDeadlines(receive_days=1, accept_days=3, resolve_days=10)
    assert next_step_due("received", ARRIVED, county) == date(2026, 11, 5)
    assert next_step_due("accepted", ARRIVED, county) == date(2026, 11, 12)


def test_the_due_day_itself_is_in_time() -> None:
    assert not is_overdue("received", ARRIVED, date(2026, 11, 7))
    assert is_overdue("received", ARRIVED, date(2026, 11, 8))
    assert not is_overdue("accepted", ARRIVED, date(2026, 11, 17))
    assert is_overdue("accepted", ARRIVED, date(2026, 11, 18))
    assert not is_overdue("closed", ARRIVED, date(2030, 1, 1))


def test_closed_in_time() -> None:
    assert closed_in_time(ARRIVED, date(2026, 11, 17))
    assert not closed_in_time(ARRIVED, date(2026, 11, 18))
    assert not closed_in_time(ARRIVED, None)


def test_overdue_at_reads_history_from_the_step_dates() -> None:
    # Accepted late on the 10th, closed on the 20th (late too).
    accepted, closed = date(2026, 11, 10), date(2026, 11, 20)
    assert not overdue_at(ARRIVED, accepted, closed, date(2026, 11, 7))
    assert overdue_at(ARRIVED, accepted, closed, date(2026, 11, 8))
    assert not overdue_at(ARRIVED, accepted, closed, date(2026, 11, 17))
    assert overdue_at(ARRIVED, accepted, closed, date(2026, 11, 19))
    assert not overdue_at(ARRIVED, accepted, closed, date(2026, 11, 20))
    # Not yet arrived on that day.
    assert not overdue_at(ARRIVED, None, None, date(2026, 11, 1))
