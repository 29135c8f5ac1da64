"""Who comes first for assistance and for 公益性岗位 (mission measure 5).

Measure 5 places 脱贫享受政策人口（含防止返贫监测帮扶对象）, 农村低收入人口, 农村残疾人
and 农村大龄人员（45-65周岁） on public-welfare posts; national notices put
脱贫人口（含监测对象） first for organised labour export. "农村" is taken as given:
the roster holds rural labour only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

from broker_app.domain.common.enums import MonitoringType, PriorityGroup
from broker_app.domain.people.idcard import age_on

# Measure 5 names 45-65 周岁; both ends count, so a person is 大龄 from the 45th
# birthday until the day before the 66th.
OLDER_MIN_AGE: Final = 45
OLDER_MAX_AGE: Final = 65

FIRST_PRIORITY: Final = frozenset({PriorityGroup.POVERTY_ALLEVIATED, PriorityGroup.MONITORED})
# Spelled out rather than "every member": a group added later is not eligible
# until someone reads the rules and says so.
PUBLIC_WELFARE_ELIGIBLE: Final = frozenset(
    {
        PriorityGroup.POVERTY_ALLEVIATED,
        PriorityGroup.MONITORED,
        PriorityGroup.LOW_INCOME,
        PriorityGroup.DISABLED,
        PriorityGroup.OLDER,
    }
)


def is_older(birth_date: date, on: date) -> bool:
    """True if the person is 农村大龄人员 (45 to 65 full years old) on day ``on``."""
    if on < birth_date:
        return False
    return OLDER_MIN_AGE <= age_on(birth_date, on) <= OLDER_MAX_AGE


def priority_groups(
    *,
    poverty_alleviated: bool,
    monitoring_type: MonitoringType | None,
    low_income: bool,
    disabled: bool,
    birth_date: date | None,
    on: date,
) -> list[PriorityGroup]:
    """The groups a person belongs to on day ``on``, in PriorityGroup declaration order.

    Any monitoring type makes the person 防止返贫监测对象; without a birth date the
    age group cannot be judged and is left out.
    """
    member = {
        PriorityGroup.POVERTY_ALLEVIATED: poverty_alleviated,
        PriorityGroup.MONITORED: monitoring_type is not None,
        PriorityGroup.LOW_INCOME: low_income,
        PriorityGroup.DISABLED: disabled,
        PriorityGroup.OLDER: birth_date is not None and is_older(birth_date, on),
    }
    return [group for group in PriorityGroup if member[group]]


def is_first_priority(groups: Iterable[PriorityGroup]) -> bool:
    """True for 脱贫人口（含防止返贫监测对象）, first in line for organised labour export."""
    return any(group in FIRST_PRIORITY for group in groups)
