"""Village names as rosters write them resolve to the right division code."""

from __future__ import annotations

import pytest

from broker_app.domain.common.errors import FieldError
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.org.village_names import VillageResolver

COUNTY = "370883000000"


def test_every_village_resolves_from_its_short_and_full_name_with_township() -> None:
    directory = load_zoucheng()
    resolver = VillageResolver(directory, COUNTY)
    for village in directory.villages():
        township = directory.get(village.parent_code or "")
        assert resolver.resolve(township.short_name, village.short_name) == village.code
        assert resolver.resolve(township.name, village.name) == village.code


@pytest.mark.parametrize(
    ("township", "village"),
    [
        ("太平镇", "庄里村"),
        ("太平", "庄里"),
        ("", "庄里村民委员会"),
        ("太平镇人民政府", "庄里村委会"),
    ],
)
def test_common_spellings(township: str, village: str) -> None:
    assert VillageResolver(load_zoucheng(), COUNTY).resolve(township, village) == "370883107200"


def test_a_name_in_two_townships_asks_for_the_township() -> None:
    resolver = VillageResolver(load_zoucheng(), COUNTY)
    with pytest.raises(FieldError) as info:
        resolver.resolve("", "周庄")
    assert "请填写乡镇" in info.value.message and info.value.reason == "ambiguous"


def test_a_village_outside_the_station_scope_is_refused() -> None:
    township_station = VillageResolver(load_zoucheng(), "370883107000")  # 太平镇
    with pytest.raises(FieldError) as info:
        township_station.resolve("香城镇", "任意村")
    assert "辖区" in info.value.message


def test_a_village_station_fills_in_its_own_village() -> None:
    village_station = VillageResolver(load_zoucheng(), "370883107200")
    assert village_station.resolve("", "") == "370883107200"
