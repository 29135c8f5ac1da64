"""The priority groups (重点群体) as SQL conditions on the worker row, for the queries
that count or list them (the statistics, the 帮扶预警 list).

The rule itself is ``domain.people.priority``; this is its translation into SQL, kept
in one place so a count in SQL and a judgement in Python cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import ColumnElement, and_, or_

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.idcard import years_before
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE
from broker_app.store.models.worker import Worker


def older_condition(on: date) -> ColumnElement[bool]:
    """大龄: 45 to 65 full years old on day ``on`` (both ends included)."""
    return and_(
        Worker.birth_date <= years_before(on, OLDER_MIN_AGE),
        Worker.birth_date > years_before(on, OLDER_MAX_AGE + 1),
    )


def group_condition(group: PriorityGroup, on: date) -> ColumnElement[bool]:
    """Membership of one priority group as SQL on the worker row."""
    if group is PriorityGroup.POVERTY_ALLEVIATED:
        return Worker.poverty_alleviated.is_(True)
    if group is PriorityGroup.MONITORED:
        return Worker.monitoring_type.is_not(None)
    if group is PriorityGroup.LOW_INCOME:
        return Worker.low_income.is_(True)
    if group is PriorityGroup.DISABLED:
        return Worker.disabled.is_(True)
    return older_condition(on)


def poverty_or_monitored() -> ColumnElement[bool]:
    """脱贫人口（含监测对象）: 脱贫享受政策人口 or any 防止返贫监测对象 type."""
    return or_(Worker.poverty_alleviated.is_(True), Worker.monitoring_type.is_not(None))


def in_groups(groups: Collection[PriorityGroup], on: date) -> ColumnElement[bool]:
    """In any of ``groups`` on day ``on``."""
    return or_(*(group_condition(group, on) for group in PriorityGroup if group in groups))
