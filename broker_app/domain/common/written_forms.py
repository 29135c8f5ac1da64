"""The ways village rosters write each coded field, mapped to the app's codes.

One table for every coded field (education, employment status, place tier, gender,
employment mode, monitoring type, job kind) and for yes/no answers, so the worker
editor, the roster import and the job-posting import all accept the same spellings.
A spelling that maps to ``None`` means "nothing" (a roster writes 无 or / for "not a
monitored household"): the field is left empty without a warning.

Keys are compared after ``normalise`` (NFKC, no spaces, lower case, common suffixes
such as 毕业/文化/学历 removed), so 初中毕业, 初中文化 and ＂初 中＂ are all 初中.
No Qt and no SQL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from broker_app.domain.common.enums import (
    Education,
    EmploymentMode,
    EmploymentStatus,
    Gender,
    JobKind,
    LabeledEnum,
    MonitoringType,
    PlaceTier,
)

# Words that mean "none" in an optional coded column.
NOTHING = frozenset({"无", "否", "/", "-", "--", "—", "——", "暂无", "没有", "非", "不是"})

YES = frozenset(
    {"是", "有", "√", "✓", "✔", "y", "yes", "true", "1", "对", "是的", "已", "要", "愿意"}
)
NO = frozenset(
    {"否", "无", "不是", "×", "x", "✗", "✘", "n", "no", "false", "0", "没有", "非", "不", "不要",
     "不愿意"}
)  # fmt: skip

# Extra spellings of yes/no for particular flags: a 是否脱贫人口 column often holds the
# household's category rather than 是/否.
FLAG_EXTRA: Mapping[str, Mapping[str, bool]] = {
    "poverty_alleviated": {
        "脱贫户": True, "脱贫人口": True, "已脱贫": True, "脱贫享受政策人口": True,
        "建档立卡": True, "建档立卡户": True, "贫困户": True, "脱贫": True,
        "一般户": False, "一般农户": False, "非贫困户": False, "非脱贫户": False,
    },
    "low_income": {
        "低保": True, "低保户": True, "特困": True, "特困户": True, "特困供养": True,
        "低保边缘": True, "低保边缘户": True, "低收入": True, "低收入户": True,
        "一般户": False,
    },
    "disabled": {"残疾": True, "残疾人": True, "持证残疾人": True, "健全": False, "健康": False},
}  # fmt: skip

_FORMS: dict[type[LabeledEnum], dict[str, LabeledEnum | None]] = {
    Education: {
        **dict.fromkeys(
            ("文盲", "半文盲", "文盲半文盲", "文盲或半文盲", "文盲/半文盲", "未上过学", "没上过学",
             "不识字", "无学历", "学龄前"),
            Education.NONE,
        ),
        **dict.fromkeys(("小学", "完小", "小学以下", "高小"), Education.PRIMARY),
        **dict.fromkeys(("初中", "初级中学", "初小", "中学"), Education.JUNIOR),
        **dict.fromkeys(("高中", "普高", "普通高中", "高级中学"), Education.SENIOR),
        **dict.fromkeys(
            ("中专", "技校", "职高", "职业高中", "中技", "中职", "中等专业学校", "技工学校",
             "中专/技校", "中专技校", "中专或技校", "中专、技校", "中专及技校", "中等职业教育",
             "职专", "职中"),
            Education.VOCATIONAL,
        ),
        **dict.fromkeys(
            ("大专", "专科", "大学专科", "高职", "高职高专", "高专", "大专/高职"), Education.COLLEGE
        ),
        **dict.fromkeys(
            ("本科", "大学本科", "大学", "大本", "学士", "本科以上", "研究生", "硕士", "硕士研究生",
             "博士", "博士研究生", "研究生及以上", "本科及以上"),
            Education.BACHELOR,
        ),
    },
    EmploymentStatus: {
        **dict.fromkeys(
            ("未就业", "失业", "无业", "待业", "未务工", "未外出", "在家", "赋闲", "待岗"),
            EmploymentStatus.UNEMPLOYED,
        ),
        **dict.fromkeys(
            ("已就业", "就业", "在岗", "务工", "外出务工", "在外务工", "打工", "上班", "已务工",
             "已外出", "转移就业", "稳定就业"),
            EmploymentStatus.EMPLOYED,
        ),
        **dict.fromkeys(
            ("灵活就业", "零工", "打零工", "临时工", "散工"), EmploymentStatus.FLEXIBLE
        ),
        **dict.fromkeys(
            ("自主创业", "创业", "个体", "个体户", "个体经营", "自营"),
            EmploymentStatus.SELF_EMPLOYED,
        ),
        **dict.fromkeys(
            ("务农", "在家务农", "种地", "农业", "种植", "养殖", "种养殖"), EmploymentStatus.FARMING
        ),
        **dict.fromkeys(
            ("无劳动能力", "丧失劳动能力", "无劳力", "无劳动力"), EmploymentStatus.UNABLE
        ),
    },
    PlaceTier: {
        # 邹城 is a county-level city: a Zoucheng roster's 市内 / 本市 is the county.
        **dict.fromkeys(
            ("县内", "本县", "市内", "本市", "县域内", "县内乡外", "乡镇内", "镇内", "本镇", "村内",
             "本村", "邹城", "邹城市", "邹城市内", "就近", "本地", "当地"),
            PlaceTier.IN_COUNTY,
        ),
        **dict.fromkeys(
            ("县外省内", "省内", "省内县外", "县外市内", "市内县外", "省内市外", "市外省内", "本省",
             "山东", "山东省", "山东省内", "外县", "县外"),
            PlaceTier.OUT_COUNTY_IN_PROVINCE,
        ),
        **dict.fromkeys(
            ("省外", "外省", "出省", "跨省", "省外务工", "外出省外"), PlaceTier.OUT_OF_PROVINCE
        ),
        **dict.fromkeys(("境外", "国外", "出国", "海外", "国(境)外", "国境外"), PlaceTier.ABROAD),
        **dict.fromkeys(("未就业", "未外出", "在家", "未务工"), PlaceTier.NONE),
    },
    Gender: {
        **dict.fromkeys(("男", "男性", "m", "male", "1"), Gender.MALE),
        **dict.fromkeys(("女", "女性", "f", "female", "2"), Gender.FEMALE),
    },
    MonitoringType: {
        **dict.fromkeys(
            ("脱贫不稳定户", "脱贫不稳定", "不稳定户", "脱贫不稳定人口"), MonitoringType.UNSTABLE
        ),
        **dict.fromkeys(
            ("边缘易致贫户", "边缘易致贫", "边缘户", "边缘易致贫人口"), MonitoringType.MARGINAL
        ),
        **dict.fromkeys(
            ("突发严重困难户", "突发困难户", "严重困难户", "突发严重困难"),
            MonitoringType.SUDDEN_HARDSHIP,
        ),
        **dict.fromkeys(("非监测对象", "非监测户", "一般户"), None),
    },
    EmploymentMode: {
        **dict.fromkeys(
            ("有组织劳务输出", "劳务输出", "组织输出", "有组织输出"),
            EmploymentMode.ORGANISED_EXPORT,
        ),
        **dict.fromkeys(
            ("自行外出务工", "自行外出", "自主外出", "自主外出务工", "外出务工", "自谋职业"),
            EmploymentMode.SELF_MIGRATION,
        ),
        **dict.fromkeys(
            ("就业帮扶车间", "帮扶车间", "扶贫车间", "就业扶贫车间"),
            EmploymentMode.ASSISTANCE_WORKSHOP,
        ),
        **dict.fromkeys(("以工代赈",), EmploymentMode.WORK_FOR_RELIEF),
        **dict.fromkeys(
            ("乡村公益性岗位", "公益性岗位", "公益岗", "公益岗位", "扶贫公益岗"),
            EmploymentMode.PUBLIC_WELFARE_POST,
        ),
        **dict.fromkeys(("就近就业", "就地就业", "本地就业"), EmploymentMode.LOCAL_INDUSTRY),
        **dict.fromkeys(("灵活就业", "零工", "打零工"), EmploymentMode.FLEXIBLE),
        **dict.fromkeys(("自主创业", "创业"), EmploymentMode.ENTREPRENEURSHIP),
    },
    JobKind: {
        **dict.fromkeys(("全职", "长期", "长期工", "正式工", "合同工"), JobKind.FULL_TIME),
        **dict.fromkeys(("零工", "临时工", "临时", "短期工", "日结"), JobKind.GIG),
        **dict.fromkeys(("季节性", "季节工", "季节性用工", "短期季节工"), JobKind.SEASONAL),
        **dict.fromkeys(
            ("公益性岗位", "公益岗", "公益岗位", "乡村公益性岗位"), JobKind.PUBLIC_WELFARE
        ),
        **dict.fromkeys(("以工代赈",), JobKind.WORK_FOR_RELIEF),
        **dict.fromkeys(
            ("就业帮扶车间", "帮扶车间", "扶贫车间", "就业扶贫车间"), JobKind.ASSISTANCE_WORKSHOP
        ),
    },
}  # fmt: skip

# Endings that add nothing to a category: 初中毕业, 高中文化, 本科学历, 中专（含技校）.
_SUFFIXES = ("毕业", "肄业", "在读", "文化", "学历", "程度", "水平")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]$")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The comparison key of a written value."""
    key = _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()
    for _ in range(2):  # 初中毕业（肄业）
        key = _BRACKETED.sub("", key) or key
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
    return key


# The table keyed by normalised spelling; the enum's own labels and codes are added,
# so the table is complete even for members nobody spells differently.
_INDEX: dict[type[LabeledEnum], dict[str, LabeledEnum | None]] = {}


def _index(enum: type[LabeledEnum]) -> dict[str, LabeledEnum | None]:
    found = _INDEX.get(enum)
    if found is None:
        found = {}
        for member in enum:
            found[normalise(member.label)] = member
            found[normalise(member.value)] = member
        for spelling, target in _FORMS.get(enum, {}).items():
            found.setdefault(normalise(spelling), target)
        _INDEX[enum] = found
    return found


class Unmapped(LookupError):
    """Nobody knows what this spelling means for that field."""


def read_choice(text: str, enum: type[LabeledEnum]) -> LabeledEnum | None:
    """The member ``text`` means; None for blank and for spellings of "nothing";
    raises ``Unmapped`` for anything else."""
    key = normalise(text)
    if not key:
        return None
    table = _index(enum)
    if key in table:
        return table[key]
    if key in NOTHING:
        return None
    raise Unmapped(text)


def read_flag(text: str, field: str = "") -> bool | None:
    """是/否 and the ways rosters write it (and, per field, the category names that
    mean yes or no); None for blank; raises ``Unmapped`` otherwise."""
    key = normalise(text)
    if not key:
        return None
    extra = FLAG_EXTRA.get(field, {})
    if key in extra:
        return extra[key]
    if key in YES:
        return True
    if key in NO:
        return False
    raise Unmapped(text)


def spellings(enum: type[LabeledEnum]) -> dict[str, LabeledEnum | None]:
    """Every spelling known for ``enum`` (normalised), for tests and help texts."""
    return dict(_index(enum))
