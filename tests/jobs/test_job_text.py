"""Wage, age and place as postings write them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.common.errors import FieldError
from broker_app.domain.jobs.age import birth_bounds, format_age_range, parse_age_range
from broker_app.domain.jobs.wage import (
    Wage,
    WageUnit,
    format_wage,
    monthly_equivalent,
    parse_wage,
)
from broker_app.domain.org.place import locate_place
from broker_app.domain.people.idcard import age_on


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4000-6000元/月", Wage(4000, 6000, WageUnit.MONTH)),
        ("4000～6000", Wage(4000, 6000, WageUnit.MONTH)),
        ("月薪4000至6000元", Wage(4000, 6000, WageUnit.MONTH)),
        ("4k-6k", Wage(4000, 6000, WageUnit.MONTH)),
        ("0.8万-1万", Wage(8000, 10000, WageUnit.MONTH)),
        ("面议", Wage(None, None, WageUnit.MONTH)),
        ("", Wage(None, None, WageUnit.MONTH)),
        ("150元/天", Wage(150, 150, WageUnit.DAY)),
        ("150元/天（8小时）", Wage(150, 150, WageUnit.DAY)),
        ("日薪200", Wage(200, 200, WageUnit.DAY)),
        ("20元/小时", Wage(20, 20, WageUnit.HOUR)),
        ("年薪10万", Wage(100000, 100000, WageUnit.YEAR)),
        ("4000元以上", Wage(4000, None, WageUnit.MONTH)),
        ("底薪3000+提成", Wage(3000, None, WageUnit.MONTH)),
        ("6000以内", Wage(None, 6000, WageUnit.MONTH)),
        ("计件", Wage(None, None, WageUnit.PIECE)),
    ],
)
def test_parse_wage(text: str, expected: Wage) -> None:
    assert parse_wage(text) == expected


@pytest.mark.parametrize("text", ["很高", "6000-4000元/月"])
def test_parse_wage_refuses_with_reason(text: str) -> None:
    with pytest.raises(FieldError) as info:
        parse_wage(text)
    assert "薪资待遇" in info.value.message


@given(
    st.integers(1, 100_000),
    st.integers(0, 50_000),
    st.sampled_from([WageUnit.MONTH, WageUnit.DAY, WageUnit.HOUR, WageUnit.YEAR]),
    st.sampled_from(["both", "min", "max", "none"]),
)
def test_format_then_parse_round_trips(low: int, extra: int, unit: WageUnit, which: str) -> None:
    high = low + extra
    minimum = low if which in ("both", "min") else None
    maximum = high if which in ("both", "max") else None
    written = format_wage(minimum, maximum, unit.value)
    parsed = parse_wage(written)
    if minimum is None and maximum is None:
        assert parsed.negotiable
    else:
        assert parsed == Wage(minimum, maximum, unit)


def test_monthly_equivalent_uses_official_month() -> None:
    assert monthly_equivalent(4000, "month") == 4000
    assert monthly_equivalent(150, "day") == 3262  # 150 x 21.75
    assert monthly_equivalent(20, "hour") == 3480  # 20 x 174
    assert monthly_equivalent(120000, "year") == 10000
    assert monthly_equivalent(5, "piece") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18-55周岁", (18, 55)),
        ("18至55岁", (18, 55)),
        ("18岁-60岁", (18, 60)),
        ("55周岁以下", (None, 55)),
        ("不满55周岁", (None, 54)),
        ("不超过60岁", (None, 60)),
        ("18周岁以上", (18, None)),
        ("年满18周岁", (18, None)),
        ("超过18岁", (19, None)),
        ("不限", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_age_range(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_age_range(text) == expected


def test_age_by_gender_asks_for_one_range() -> None:
    with pytest.raises(FieldError) as info:
        parse_age_range("男55女50周岁以下")
    assert info.value.reason == "by_gender"


@given(
    st.dates(date(1930, 1, 1), date(2010, 12, 31)),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.integers(16, 70),
    st.integers(0, 30),
)
def test_birth_bounds_agree_with_age_on(birth: date, on: date, low: int, span: int) -> None:
    high = low + span
    earliest, latest = birth_bounds(low, high, on)
    assert earliest is not None and latest is not None
    inside = earliest <= birth <= latest
    assert inside == (low <= age_on(birth, on) <= high)


def test_format_age_range() -> None:
    assert format_age_range(None, None) == "不限"
    assert format_age_range(18, None) == "18周岁以上"
    assert parse_age_range(format_age_range(None, 55)) == (None, 55)


@pytest.mark.parametrize(
    ("text", "code", "tier"),
    [
        ("邹城市太平镇工业园", "370883107000", PlaceTier.IN_COUNTY),
        ("唐村镇", "370883106000", PlaceTier.IN_COUNTY),
        ("香城镇香城村", "370883101200", PlaceTier.IN_COUNTY),
        ("邹城市城区", None, PlaceTier.IN_COUNTY),
        ("济南市历城区", None, PlaceTier.OUT_COUNTY_IN_PROVINCE),
        ("江苏苏州", None, PlaceTier.OUT_OF_PROVINCE),
        ("日本", None, PlaceTier.ABROAD),
        ("某某地方", None, None),
    ],
)
def test_locate_place(text: str, code: str | None, tier: PlaceTier | None) -> None:
    place = locate_place(text)
    assert (place.org_code, place.tier) == (code, tier)
