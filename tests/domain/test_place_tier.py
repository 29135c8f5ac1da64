"""务工地域 from a written place of work, with the division data, and the worker rule
that fills a blank 务工地域 from 务工地点."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.org.place import place_tier_of
from broker_app.domain.people.rules import clean_worker
from tests.conftest import worker_input


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("太平镇庄里村", PlaceTier.IN_COUNTY),
        ("钢山街道", PlaceTier.IN_COUNTY),
        ("邹城市物流园区", PlaceTier.IN_COUNTY),
        ("济宁市任城区", PlaceTier.OUT_COUNTY_IN_PROVINCE),
        ("山东青岛黄岛区", PlaceTier.OUT_COUNTY_IN_PROVINCE),
        ("曲阜", PlaceTier.OUT_COUNTY_IN_PROVINCE),
        ("江苏省苏州市", PlaceTier.OUT_OF_PROVINCE),
        ("北京市朝阳区", PlaceTier.OUT_OF_PROVINCE),  # not the Zoucheng village 朝阳
        ("深圳", PlaceTier.OUT_OF_PROVINCE),
        ("新加坡", PlaceTier.ABROAD),
        ("香港", PlaceTier.ABROAD),
        ("日本东京", PlaceTier.ABROAD),
        ("某工地", None),
        ("", None),
    ],
)
def test_the_place_says_the_tier(text: str, tier: PlaceTier | None) -> None:
    assert place_tier_of(text) is tier


def _clean(**fields: object) -> dict[str, object]:
    result = clean_worker(worker_input(**fields), today=date(2025, 6, 1))
    assert result.ok, result.errors
    return result.values


def test_a_blank_tier_of_someone_at_work_comes_from_the_place() -> None:
    values = _clean(employment_status="已就业", work_place="江苏苏州工业园区", place_tier="")
    assert values["place_tier"] == "out_of_province"
    values = _clean(employment_status="灵活就业", work_place="太平镇")
    assert values["place_tier"] == "in_county"


def test_a_written_tier_and_the_unemployed_are_left_as_they_are() -> None:
    values = _clean(employment_status="已就业", work_place="江苏苏州", place_tier="县内")
    assert values["place_tier"] == "in_county"  # the broker's word wins
    values = _clean(employment_status="未就业", work_place="江苏苏州")
    assert values["place_tier"] == "none"
    values = _clean(employment_status="已就业", work_place="某工地")
    assert values["place_tier"] == "none"  # the words do not say: still asked for
