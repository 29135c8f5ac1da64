"""工作地点: where a posting's work is, from what the employer wrote.

Inside 邹城市 the place is a township or village code (so matching can tell 同村 from
同镇); outside it only the 务工地域 tier matters for monitoring and for matching a
worker's intention. Names are matched as written in full (太平镇, 钢山街道) to avoid
short cores matching unrelated words; a village is found by its everyday name
(庄里村, 孟庄社区) inside the township named, or alone if the name is unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.common.textnorm import compact
from broker_app.domain.org.codes import COUNTY_CODE
from broker_app.domain.org.units import COUNTY_NAME, OrgDirectory, load_zoucheng
from broker_app.domain.org.village_names import village_keys

# Shandong outside Zoucheng: the province, its cities, and Jining's other districts
# and counties (people name the county they go to).
_IN_PROVINCE = (
    "山东", "济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安",
    "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽", "兖州", "曲阜", "泗水",
    "微山", "鱼台", "金乡", "嘉祥", "汶上", "梁山", "任城", "滕州",
)  # fmt: skip
_OTHER_PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏",
    "浙江", "安徽", "福建", "江西", "河南", "湖北", "湖南", "广东", "广西", "海南",
    "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
    # Cities people name without their province.
    "苏州", "昆山", "无锡", "常州", "南京", "杭州", "宁波", "温州", "义乌", "深圳",
    "广州", "东莞", "佛山", "厦门", "郑州", "合肥", "徐州",
)  # fmt: skip
# 对外劳务合作 counts 港澳台 with foreign countries.
_ABROAD = (
    "境外", "国外", "出国", "海外", "香港", "澳门", "台湾", "日本", "韩国", "新加坡",
    "以色列", "俄罗斯", "沙特", "阿联酋", "迪拜", "德国", "澳大利亚", "新西兰", "非洲",
)  # fmt: skip


@dataclass(frozen=True)
class JobPlace:
    org_code: str | None  # a township or village of 邹城市, when named
    tier: PlaceTier | None  # None: the text does not say


def locate_place(text: str, directory: OrgDirectory | None = None) -> JobPlace:
    """The org unit and tier a place text names, as far as it says."""
    directory = directory or load_zoucheng()
    place = compact(text)
    if not place:
        return JobPlace(None, None)
    index = _index(directory)
    township = None
    for name, code in index.townships:
        if name in place:
            # 唐村镇 must not read as a village called 唐村.
            township, place = code, place.replace(name, " ")
            break
    if township is not None or COUNTY_NAME[:2] in place:  # 邹城
        village = _village(place, index, township)
        return JobPlace(village or township, PlaceTier.IN_COUNTY)
    # A place elsewhere is recognised before village names: 北京市朝阳区 is not the
    # Zoucheng village 朝阳.
    if any(word in place for word in _ABROAD):
        return JobPlace(None, PlaceTier.ABROAD)
    if any(word in place for word in _OTHER_PROVINCES):
        return JobPlace(None, PlaceTier.OUT_OF_PROVINCE)
    if any(word in place for word in _IN_PROVINCE):
        return JobPlace(None, PlaceTier.OUT_COUNTY_IN_PROVINCE)
    village = _village(place, index, None)
    if village is not None:
        return JobPlace(village, PlaceTier.IN_COUNTY)
    return JobPlace(None, None)


def place_tier_of(text: str, directory: OrgDirectory | None = None) -> PlaceTier | None:
    """务工地域 a written place of work says: a town or village of 邹城市 (or 邹城
    itself) is 县内, another place in 山东 县外省内, another province 省外, abroad
    (港澳台 included) 境外; None when the words do not say."""
    if directory is not None:
        return locate_place(text, directory).tier
    return _tier_of(compact(text))


# A roster names the same few places again and again; each lookup scans every
# village name (about 0.1 ms), so an import of 100k rows asks each place once.
@lru_cache(maxsize=4096)
def _tier_of(place: str) -> PlaceTier | None:
    return locate_place(place).tier


def place_name(code: str, directory: OrgDirectory | None = None) -> str:
    """Display name of a place code: 太平镇 / 庄里村; the code itself if unknown."""
    directory = directory or load_zoucheng()
    if code == COUNTY_CODE:
        return COUNTY_NAME
    return directory.display_name(code) if directory.find(code) else code


@dataclass(frozen=True)
class _Index:
    townships: tuple[tuple[str, str], ...]  # (full name, code), longest first
    # village written name -> codes, per township prefix and county-wide
    villages: dict[str, tuple[str, ...]]


@cache
def _index(directory: OrgDirectory) -> _Index:
    townships = sorted(
        ((unit.name, unit.code) for unit in directory.townships()),
        key=lambda item: -len(item[0]),
    )
    villages: dict[str, list[str]] = {}
    for unit in directory.villages():
        keys = village_keys(unit.name)
        names = {unit.name, unit.short_name, keys[0]}
        bare = keys[-1]
        if len(bare) >= 2:
            # Written with either suffix; the bare core alone is too short to trust.
            names.update({bare + "村", bare + "社区"})
        for name in names:
            villages.setdefault(name, []).append(unit.code)
    return _Index(tuple(townships), {k: tuple(v) for k, v in villages.items()})


def _village(place: str, index: _Index, township: str | None) -> str | None:
    best: tuple[int, str] | None = None
    for name, codes in index.villages.items():
        if name not in place:
            continue
        if township is not None:
            codes = tuple(c for c in codes if c.startswith(township[:9]))
        if len(codes) != 1:
            continue
        if best is None or len(name) > best[0]:
            best = (len(name), codes[0])
    return best[1] if best else None
