"""A place outside Zoucheng is never read as a Zoucheng village of the same name."""

from __future__ import annotations

from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.org.place import JobPlace, locate_place


def test_beijing_chaoyang_is_out_of_province_not_a_village_called_chaoyang() -> None:
    assert locate_place("北京市朝阳区") == JobPlace(None, PlaceTier.OUT_OF_PROVINCE)


def test_zoucheng_places_still_resolve() -> None:
    assert locate_place("邹城市太平镇庄里村") == JobPlace("370883107200", PlaceTier.IN_COUNTY)
    assert locate_place("庄里村") == JobPlace("370883107200", PlaceTier.IN_COUNTY)
    assert locate_place("济宁市任城区").tier is PlaceTier.OUT_COUNTY_IN_PROVINCE
