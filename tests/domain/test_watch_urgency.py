"""The 帮扶预警 ranking: who comes first, and the word for how urgent."""

from __future__ import annotations

from datetime import date, timedelta

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.watch_urgency import Urgency, urgency_level, urgency_score

TODAY = date(2025, 3, 20)
POOR = (PriorityGroup.POVERTY_ALLEVIATED,)
OLDER = (PriorityGroup.OLDER,)


def score(groups: tuple[PriorityGroup, ...], **kw: object) -> int:
    values: dict[str, object] = dict(
        unemployed=False, job_ended=None, job_end_days=30, never_followed=False,
        last_follow_up=None, follow_up_days=90, today=TODAY,
    )  # fmt: skip
    values.update(kw)
    return urgency_score(groups, **values)  # type: ignore[arg-type]


def test_most_urgent_first() -> None:
    ranked = [
        score(POOR, job_ended=TODAY - timedelta(days=2), unemployed=True, never_followed=True),
        score(POOR, unemployed=True, never_followed=True),
        score(POOR, job_ended=TODAY - timedelta(days=25)),
        score(POOR, unemployed=True),
        score(POOR, last_follow_up=TODAY - timedelta(days=200)),
        score(POOR, last_follow_up=TODAY - timedelta(days=95)),
        # Other groups after the first priority, whatever their reasons.
        score(OLDER, job_ended=TODAY, unemployed=True, never_followed=True),
        score(OLDER, unemployed=True),
        score(OLDER, never_followed=True),
    ]
    assert ranked == sorted(ranked, reverse=True) and len(set(ranked)) == len(ranked)


def test_a_fresher_job_loss_is_more_urgent() -> None:
    fresh = score(OLDER, job_ended=TODAY - timedelta(days=1))
    stale = score(OLDER, job_ended=TODAY - timedelta(days=29))
    assert fresh > stale


def test_levels() -> None:
    assert urgency_level(score(POOR, job_ended=TODAY)) is Urgency.HIGH
    assert urgency_level(score(OLDER, unemployed=True, never_followed=True)) is Urgency.HIGH
    assert urgency_level(score(POOR, unemployed=True)) is Urgency.MEDIUM
    assert urgency_level(score(OLDER, last_follow_up=TODAY - timedelta(days=100))) is Urgency.LOW
