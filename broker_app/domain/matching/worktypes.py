"""工种 as people write them, folded to one name per trade, so 电焊工 finds 焊工.

Brokers, employers and county postings name the same trade many ways (电焊工, 电焊,
氩弧焊工; 保洁, 清洁工, 环卫工). Each group below lists the canonical name first; a
text is scanned for every known name, longest first and consumed once found, so
叉车工 is not also read as 车工 and 水电工 not as 电工 alone. A text naming no known
trade stands for itself, so rare trades still match when both sides write them alike.

Also here: which trades a 劳务品牌 stands for (mission measure 8 names 梁山好焊,
汶上纺织, 泗水柳编; 鲁菜师傅 and 山东手造 come from measure 14), and the words in a
worker's 意向工种 that name a kind of posting rather than a trade (零工, 公益性岗位).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Final

from broker_app.domain.common.enums import JobKind

_GROUPS: tuple[tuple[str, ...], ...] = (
    ("焊工", "电焊工", "电焊", "气焊工", "电气焊工", "氩弧焊工", "二保焊工", "焊接工", "焊接"),
    ("电工", "维修电工", "低压电工", "高压电工", "电气工", "电路维修"),
    ("水暖工", "管道工", "水暖", "管工"),
    ("瓦工", "泥瓦工", "砌筑工", "泥工", "抹灰工", "瓦匠", "砖瓦工"),
    ("木工", "木匠", "模板工", "支模工"),
    ("钢筋工", "扎钢筋", "绑扎工"),
    ("架子工", "脚手架工"),
    ("油漆工", "涂装工", "喷漆工", "粉刷工", "油工", "腻子工"),
    ("保洁员", "保洁", "清洁工", "保洁工", "环卫工", "清扫工", "环卫保洁"),
    ("保安员", "保安", "门卫", "安保员", "安保"),
    ("厨师", "厨工", "炒菜师傅", "面点师", "帮厨", "厨房"),
    ("育婴员", "月嫂", "育儿嫂", "母婴护理"),
    ("养老护理员", "护理员", "护工", "陪护"),
    ("家政服务员", "家政", "家政员", "保姆"),
    ("快递员", "快递", "分拣员"),
    ("网约配送员", "外卖员", "骑手", "配送员", "送餐员"),
    ("叉车工", "叉车司机", "叉车"),
    ("驾驶员", "司机", "货车司机", "大车司机", "货运司机", "客车司机"),
    ("挖掘机司机", "挖掘机", "挖机司机", "挖机", "挖掘机操作工"),
    ("农机操作", "农机手", "拖拉机手", "收割机手"),
    ("普工", "操作工", "流水线工人", "生产工人", "杂工", "小工"),
    ("搬运工", "装卸工", "力工"),
    ("电子装配", "电子装配工", "装配工", "组装工"),
    ("缝纫工", "缝纫", "制衣工", "服装工", "平车工"),
    ("纺织工", "纺纱工", "织布工", "挡车工"),
    ("柳编工", "柳编", "编织工"),
    ("手工艺", "手工艺人", "手造"),
    ("机修工", "维修工", "设备维修", "机械维修"),
    ("数控操作工", "数控", "cnc"),
    ("仓库管理员", "仓管", "库管", "仓库"),
    ("收银员", "收银"),
    ("服务员", "餐厅服务员", "传菜员"),
    ("农业工人", "种植工", "采摘工", "大棚工", "农工", "果树管护", "田间管理"),
    ("护林员", "生态护林员", "护林"),
    ("绿化工", "园林工", "绿化养护", "绿化"),
    ("道路养护工", "养路工", "道路养护", "公路养护"),
    ("河道管护员", "巡河员", "河道管护", "河道保洁"),
)

#: Trade names each labour brand stands for.
LABOR_BRAND_TRADES: Final[Mapping[str, tuple[str, ...]]] = {
    "梁山好焊": ("焊工",),
    "鲁菜师傅": ("厨师",),
    "汶上纺织": ("纺织工", "缝纫工"),
    "泗水柳编": ("柳编工",),
    "山东手造": ("手工艺",),
}

_KIND_WORDS: tuple[tuple[str, JobKind], ...] = (
    ("就业帮扶车间", JobKind.ASSISTANCE_WORKSHOP),
    ("帮扶车间", JobKind.ASSISTANCE_WORKSHOP),
    ("扶贫车间", JobKind.ASSISTANCE_WORKSHOP),
    ("公益性岗位", JobKind.PUBLIC_WELFARE),
    ("公益岗位", JobKind.PUBLIC_WELFARE),
    ("公益岗", JobKind.PUBLIC_WELFARE),
    ("以工代赈", JobKind.WORK_FOR_RELIEF),
    ("零工", JobKind.GIG),
    ("临时工", JobKind.GIG),
    ("短工", JobKind.GIG),
    ("日结", JobKind.GIG),
    ("季节工", JobKind.SEASONAL),
    ("季节性", JobKind.SEASONAL),
    ("全职", JobKind.FULL_TIME),
    ("长期工", JobKind.FULL_TIME),
    ("正式工", JobKind.FULL_TIME),
)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


# Names that cover two trades at once.
_COMPOUNDS: tuple[tuple[str, tuple[str, ...]], ...] = (("水电工", ("电工", "水暖工")),)

_CANONICAL: dict[str, tuple[str, ...]] = {}
for _group in _GROUPS:
    for _name in _group:
        _CANONICAL.setdefault(_fold(_name), (_group[0],))
for _name, _trades in _COMPOUNDS:
    _CANONICAL[_fold(_name)] = _trades
# Longest first, so the most specific name is consumed before its parts.
_NAMES: tuple[str, ...] = tuple(sorted(_CANONICAL, key=lambda name: (-len(name), name)))


@lru_cache(maxsize=65_536)
def trades_in(text: str) -> frozenset[str]:
    """Canonical trade names written in one text (焊工 for 高级电焊工)."""
    rest = _fold(text)
    if not rest:
        return frozenset()
    found: set[str] = set()
    for name in _NAMES:
        if name in rest:
            found.update(_CANONICAL[name])
            rest = rest.replace(name, "|")
    if not found and not any(word in rest for word, _ in _KIND_WORDS):
        found.add(rest)
    return frozenset(found)


def trade_keys(texts: Iterable[str]) -> frozenset[str]:
    """Canonical trade names of several texts (a worker's skills, a job's work type)."""
    keys: frozenset[str] = frozenset()
    for text in texts:
        if text:
            keys = keys | trades_in(text)
    return keys


@lru_cache(maxsize=4096)
def _kinds_in(text: str) -> frozenset[str]:
    folded = _fold(text)
    return frozenset(kind.value for word, kind in _KIND_WORDS if word in folded)


def intended_kinds(texts: Iterable[str]) -> frozenset[str]:
    """JobKind values a worker's 意向工种 names (零工, 公益性岗位, 全职 ...)."""
    kinds: frozenset[str] = frozenset()
    for text in texts:
        if text:
            kinds = kinds | _kinds_in(text)
    return kinds


def brands_for(trades: frozenset[str], text: str) -> frozenset[str]:
    """Labour brands that fit a job: those standing for one of its trades, and those
    its title or requirements name."""
    return frozenset(
        brand
        for brand, brand_trades in LABOR_BRAND_TRADES.items()
        if brand in text or not trades.isdisjoint(brand_trades)
    )
