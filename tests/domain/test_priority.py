from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import MonitoringType, PriorityGroup
from broker_app.domain.people.priority import (
    OLDER_MAX_AGE,
    OLDER_MIN_AGE,
    PUBLIC_WELFARE_ELIGIBLE,
    is_first_priority,
    is_older,
    priority_groups,
)

ON = date(2026, 6, 1)


def test_bounds_from_measure_5() -> None:
    assert (OLDER_MIN_AGE, OLDER_MAX_AGE) == (45, 65)


@pytest.mark.parametrize(
    ("birth", "older"),
    [
        (date(1981, 6, 2), False),  # 44, turns 45 tomorrow
        (date(1981, 6, 1), True),  # 45th birthday today
        (date(1961, 6, 2), True),  # 64
        (date(1960, 6, 2), True),  # 65, turns 66 tomorrow
        (date(1960, 6, 1), False),  # 66th birthday today
        (date(2000, 1, 1), False),
    ],
)
def test_is_older_is_inclusive_of_45_and_65(birth: date, older: bool) -> None:
    assert is_older(birth, ON) is older


def test_is_older_before_birth_is_false() -> None:
    assert is_older(date(2030, 1, 1), ON) is False


def no_groups(**overrides: object) -> list[PriorityGroup]:
    values: dict[str, object] = {
        "poverty_alleviated": False,
        "monitoring_type": None,
        "low_income": False,
        "disabled": False,
        "birth_date": None,
        "on": ON,
    }
    values.update(overrides)
    return priority_groups(**values)  # type: ignore[arg-type]


def test_nobody() -> None:
    assert no_groups() == []
    assert no_groups(birth_date=date(1990, 1, 1)) == []


def test_everybody_in_declaration_order() -> None:
    groups = priority_groups(
        disabled=True,
        low_income=True,
        birth_date=date(1970, 1, 1),
        monitoring_type=MonitoringType.SUDDEN_HARDSHIP,
        poverty_alleviated=True,
        on=ON,
    )
    assert groups == list(PriorityGroup)


@pytest.mark.parametrize("kind", list(MonitoringType))
def test_any_monitoring_type_means_monitored(kind: MonitoringType) -> None:
    assert no_groups(monitoring_type=kind) == [PriorityGroup.MONITORED]


def test_single_flags() -> None:
    assert no_groups(poverty_alleviated=True) == [PriorityGroup.POVERTY_ALLEVIATED]
    assert no_groups(low_income=True) == [PriorityGroup.LOW_INCOME]
    assert no_groups(disabled=True) == [PriorityGroup.DISABLED]
    assert no_groups(birth_date=date(1970, 1, 1)) == [PriorityGroup.OLDER]


def test_first_priority_is_poverty_alleviated_or_monitored() -> None:
    assert is_first_priority([PriorityGroup.POVERTY_ALLEVIATED])
    assert is_first_priority([PriorityGroup.OLDER, PriorityGroup.MONITORED])
    assert not is_first_priority(
        [PriorityGroup.LOW_INCOME, PriorityGroup.DISABLED, PriorityGroup.OLDER]
    )
    assert not is_first_priority([])


def test_all_five_groups_are_eligible_for_public_welfare_posts() -> None:
    assert frozenset(PriorityGroup) == PUBLIC_WELFARE_ELIGIBLE
    assert len(PUBLIC_WELFARE_ELIGIBLE) == 5
