"""The priority groups (重点群体) as SQL conditions on the worker row, for the queries
that count or list them (the statistics, the 帮扶预警 list).

The rule itself is ``domain.people.priority``; this is its translation into SQL, kept
in one place so a count in SQL and a judgement in Python cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.idcard import years_before
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE
from broker_app.store.models.worker import Worker


def older_condition(on: date, source: Any = Worker) -> ColumnElement[bool]:
    """大龄: 45 to 65 full years old on day ``on`` (both ends included)."""
    return and_(
        source.birth_date <= years_before(on, OLDER_MIN_AGE),
        source.birth_date > years_before(on, OLDER_MAX_AGE + 1),
    )


def group_condition(group: PriorityGroup, on: date, source: Any = Worker) -> ColumnElement[bool]:
    """Membership of one priority group as SQL on the worker row, or on ``source``,
    a table with the same group columns (``WorkerStatusLatest`` copies them)."""
    if group is PriorityGroup.POVERTY_ALLEVIATED:
        return source.poverty_alleviated.is_(True)
    if group is PriorityGroup.MONITORED:
        return source.monitoring_type.is_not(None)
    if group is PriorityGroup.LOW_INCOME:
        return source.low_income.is_(True)
    if group is PriorityGroup.DISABLED:
        return source.disabled.is_(True)
    return older_condition(on, source)


def poverty_or_monitored(source: Any = Worker) -> ColumnElement[bool]:
    """脱贫人口（含监测对象）: 脱贫享受政策人口 or any 防止返贫监测对象 type."""
    return or_(source.poverty_alleviated.is_(True), source.monitoring_type.is_not(None))


def in_groups(groups: Collection[PriorityGroup], on: date) -> ColumnElement[bool]:
    """In any of ``groups`` on day ``on``."""
    return or_(*(group_condition(group, on) for group in PriorityGroup if group in groups))
