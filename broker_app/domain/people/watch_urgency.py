"""How urgent a person on the 帮扶预警 list is: a score to rank by, and a level to say.

A village station of 2,000 workers has hundreds of priority-group people on the
list on any day, far more than a broker reaches in a week; the list is worked from
the top, so the order must put first whom a week's delay hurts most:

1. 脱贫人口 and 防止返贫监测对象 before the other groups (the mission's first
   priority, 保障措施(二): "聚焦未就业和就业不稳的脱贫人口").
2. Within that: a job lost in the last days (the risk of returning to poverty is
   highest right after it, and the fresher the loss the better the chance to place
   the person again) before long unemployment, before a missed follow-up; and a
   follow-up never made, or the longer overdue, before a recent one.
3. A person with more than one reason before one with fewer, through the sum.

``WEEKLY_CAPACITY`` is how many people a broker contacts in a week beside other work:
about eight a working day (a visit or a call with its record). The station can
change it (``WatchRules.weekly_capacity``).

No Qt and no SQL.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Final

from broker_app.domain.common.enums import LabeledEnum, PriorityGroup
from broker_app.domain.people.priority import FIRST_PRIORITY

WEEKLY_CAPACITY: Final = 40
_FIRST_TIER: Final = 100
_JOB_ENDED: Final = 40
_UNEMPLOYED: Final = 25
_NEVER_FOLLOWED: Final = 20
_OVERDUE: Final = 10
#: A follow-up overdue earns one more point per this many days, up to this many points;
#: the 帮扶预警 summary counts in SQL by the same months (``overdue_months``).
OVERDUE_MONTH_DAYS: Final = 30
OVERDUE_MAX_MONTHS: Final = 10
# Within a tier, a group's own weight breaks ties between equal reasons.
_GROUP_WEIGHT: Final = {
    PriorityGroup.MONITORED: 8,
    PriorityGroup.POVERTY_ALLEVIATED: 6,
    PriorityGroup.LOW_INCOME: 4,
    PriorityGroup.DISABLED: 4,
    PriorityGroup.OLDER: 2,
}


class Urgency(LabeledEnum):
    HIGH = "high", "紧急"
    MEDIUM = "medium", "较急"
    LOW = "low", "一般"


def urgency_score(
    groups: Collection[PriorityGroup],
    *,
    unemployed: bool,
    job_ended: date | None,
    job_end_days: int,
    never_followed: bool,
    last_follow_up: date | None,
    follow_up_days: int,
    today: date,
) -> int:
    """Higher is more urgent. ``job_ended`` is the end of a job lost within
    ``job_end_days``; ``last_follow_up`` a follow-up older than ``follow_up_days``."""
    score = _FIRST_TIER if any(g in FIRST_PRIORITY for g in groups) else 0
    score += max((_GROUP_WEIGHT[g] for g in groups), default=0)
    if job_ended is not None:
        days = max(0, (today - job_ended).days)
        # 10 more points on the day the job ended, none on the last day of the window.
        score += _JOB_ENDED + max(0, 10 * (job_end_days - days) // max(1, job_end_days))
    if unemployed:
        score += _UNEMPLOYED
    if never_followed:
        score += _NEVER_FOLLOWED
    elif last_follow_up is not None:
        overdue = max(0, (today - last_follow_up).days - follow_up_days)
        score += _OVERDUE + overdue_months(overdue)  # one more point a month overdue
    return score


def overdue_months(days_overdue: int) -> int:
    """Whole months a follow-up is overdue, as the score counts them (capped)."""
    return min(OVERDUE_MAX_MONTHS, max(0, days_overdue) // OVERDUE_MONTH_DAYS)


def urgency_level(score: int) -> Urgency:
    """The score in a word: 紧急 for a recent job loss or an unemployed person never
    reached, 较急 for an unemployed person or a long-missed follow-up, else 一般."""
    points = score % _FIRST_TIER
    if points >= _JOB_ENDED + 8 or points >= _UNEMPLOYED + _NEVER_FOLLOWED:
        return Urgency.HIGH
    if points >= _UNEMPLOYED or points >= _NEVER_FOLLOWED + 2:
        return Urgency.MEDIUM
    return Urgency.LOW
