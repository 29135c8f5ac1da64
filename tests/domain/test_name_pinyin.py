from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broker_app.domain.people.name_pinyin import NamePinyin, name_pinyin
from broker_app.domain.people.surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES


def test_whole_name_and_given_name() -> None:
    keys = name_pinyin("张三丰")
    assert keys == NamePinyin(
        full=("zhangsanfeng", "sanfeng"),
        initials=("zsf", "sf"),
        sort_key="zhang san feng",
    )


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("曾广", "zengguang", "zg"),
        ("单田芳", "shantianfang", "stf"),
        ("仇英", "qiuying", "qy"),
        ("区小明", "ouxiaoming", "oxm"),
        ("查良镛", "zhaliangyong", "zly"),
        ("乐嘉", "yuejia", "yj"),
        ("朴树", "piaoshu", "ps"),
        ("覃为", "qinwei", "qw"),
        ("解小东", "xiexiaodong", "xxd"),
        ("盖丽", "geli", "gl"),
        ("缪斯", "miaosi", "ms"),
        ("尉明", "yuming", "ym"),
        ("种师道", "chongshidao", "csd"),
        ("秘明", "biming", "bm"),
        ("黑明", "heming", "hm"),
        ("翟明", "zhaiming", "zm"),
        ("繁明", "poming", "pm"),
        ("召明", "shaoming", "sm"),
        ("员明", "yunming", "ym"),
        ("便明", "pianming", "pm"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("万俟卨", "moqixie", "mqx"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("单于明", "chanyuming", "cym"),
        ("澹台灭明", "tantaimieming", "ttmm"),
    ],
)
def test_surname_readings_are_searchable(name: str, full: str, initials: str) -> None:
    keys = name_pinyin(name)
    assert full in keys.full
    assert initials in keys.initials


def test_pypinyin_reading_stays_searchable_too() -> None:
    # Someone who does not know the surname reading types what they would say.
    keys = name_pinyin("曾广")
    assert keys.full == ("cengguang", "zengguang", "guang")
    assert keys.initials == ("cg", "zg", "g")


def test_sort_key_uses_the_surname_reading() -> None:
    assert name_pinyin("曾广").sort_key == "zeng guang"
    assert name_pinyin("尉明").sort_key == "wei ming"
    assert name_pinyin("单于明").sort_key == "chan yu ming"
    assert name_pinyin("欧阳娜娜").sort_key == "ou yang na na"


def test_compound_surname_given_name() -> None:
    keys = name_pinyin("欧阳娜娜")
    assert "ouyangnana" in keys.full
    assert "nana" in keys.full and "nn" in keys.initials


def test_ambiguous_compound_is_searchable_both_ways() -> None:
    # 单于明 may be 单于 + 明 or 单 (shan) + 于明.
    keys = name_pinyin("单于明")
    assert {"chanyuming", "shanyuming", "ming", "yuming"} <= set(keys.full)


def test_two_character_name_is_never_split_as_compound() -> None:
    keys = name_pinyin("欧阳")
    assert keys.full == ("ouyang", "yang")


def test_names_order_syllable_by_syllable() -> None:
    names = ["连杰", "李明", "曾广", "张三", "阿里", "陈一"]
    ordered = sorted(names, key=lambda n: name_pinyin(n).sort_key)
    # 曾 sorts as zeng, not among the c's; 李 before 连 although "liming" > "lianjie".
    assert ordered == ["阿里", "陈一", "李明", "连杰", "曾广", "张三"]


@pytest.mark.parametrize(
    ("name", "full0"),
    [
        ("买买提·艾力", "maimaitiaili"),
        ("买买提•艾力", "maimaitiaili"),
        ("买买提．艾力", "maimaitiaili"),
        ("张 三", "zhangsan"),
        ("张\u3000三", "zhangsan"),
        ("张A三", "zhangasan"),
        ("Tom", "tom"),
        ("吕布", "lvbu"),
    ],
)
def test_spaces_and_dots_dropped_other_characters_kept_lowercase(name: str, full0: str) -> None:
    assert name_pinyin(name).full[0] == full0


def test_empty_name() -> None:
    assert name_pinyin("  ") == NamePinyin(full=(), initials=(), sort_key="")


def test_results_are_cached() -> None:
    name_pinyin.cache_clear()
    first = name_pinyin("王小二")
    assert name_pinyin("王小二") is first
    assert name_pinyin.cache_info().hits == 1


def test_surname_table_has_the_required_entries() -> None:
    required_single = {
        "曾": "zeng", "单": "shan", "仇": "qiu", "区": "ou", "查": "zha", "乐": "yue",
        "朴": "piao", "覃": "qin", "解": "xie", "盖": "ge", "缪": "miao", "种": "chong",
        "秘": "bi", "黑": "he", "翟": "zhai", "繁": "po", "召": "shao", "员": "yun",
        "便": "pian",
    }  # fmt: skip
    for surname, reading in required_single.items():
        assert SINGLE_SURNAMES[surname][0] == reading
    assert "yu" in SINGLE_SURNAMES["尉"]
    for compound in ("长孙", "万俟", "尉迟", "单于", "澹台"):
        assert compound in COMPOUND_SURNAMES


COMMON = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤明华建国军伟芳娜敏静丽强磊洋艳勇杰娟涛超"
    "秀霞平刚桂英"
)


@given(st.text(alphabet=COMMON, min_size=1, max_size=4))
def test_keys_are_plain_lowercase_letters(name: str) -> None:
    keys = name_pinyin(name)
    assert keys.full and keys.initials
    for key in (*keys.full, *keys.initials):
        assert key.isascii() and key.isalpha() and key.islower()
    assert len(keys.initials[0]) == len(name)
    assert keys.sort_key.count(" ") == len(name) - 1
    assert keys.sort_key.replace(" ", "") in keys.full
