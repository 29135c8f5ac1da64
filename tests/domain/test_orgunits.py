from __future__ import annotations

from collections import Counter

import pytest

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.common.errors import FieldError
from broker_app.domain.org.units import (
    OrgDirectory,
    OrgUnit,
    load_zoucheng,
    normalize_org_code,
    short_name_of,
)

COUNTY = "370883000000"
ZHONGXINDIAN = "370883105000"
ZHONGXIN_YICUN = "370883105200"
TAIPING = "370883107000"
GANGSHAN = "370883001000"

# Rows per township, from the division list's SOURCES.md.
VILLAGES_PER_TOWNSHIP = {
    "钢山街道": 28,
    "千泉街道": 25,
    "凫山街道": 12,
    "香城镇": 66,
    "城前镇": 111,
    "大束镇": 78,
    "北宿镇": 37,
    "中心店镇": 31,
    "唐村镇": 30,
    "太平镇": 93,
    "石墙镇": 49,
    "峄山镇": 33,
    "看庄镇": 26,
    "张庄镇": 43,
    "田黄镇": 34,
    "郭里镇": 18,
}


@pytest.fixture(scope="module")
def zc() -> OrgDirectory:
    return load_zoucheng()


class TestDirectoryContents:
    def test_load_is_cached(self, zc: OrgDirectory) -> None:
        assert load_zoucheng() is zc

    def test_county(self, zc: OrgDirectory) -> None:
        assert zc.county == OrgUnit(COUNTY, "邹城市", OrgLevel.COUNTY, None, "邹城市")

    def test_counts(self, zc: OrgDirectory) -> None:
        assert len(zc.townships()) == 16
        assert len(zc.villages()) == 714
        assert len(zc) == 1 + 16 + 714

    def test_villages_per_township(self, zc: OrgDirectory) -> None:
        counts = {t.name: len(zc.villages(t.code)) for t in zc.townships()}
        assert counts == VILLAGES_PER_TOWNSHIP

    def test_committee_kinds(self, zc: OrgDirectory) -> None:
        kinds = Counter(
            next(s for s in ("村民委员会", "社区居委会", "居民委员会") if v.name.endswith(s))
            for v in zc.villages()
        )
        assert kinds == {"村民委员会": 666, "社区居委会": 38, "居民委员会": 10}

    def test_codes_and_parents(self, zc: OrgDirectory) -> None:
        for township in zc.townships():
            assert township.code.endswith("000") and len(township.code) == 12
            assert township.parent_code == COUNTY
            assert township.level is OrgLevel.TOWNSHIP
        for village in zc.villages():
            assert len(village.code) == 12 and village.code.isdigit()
            assert village.level is OrgLevel.VILLAGE
            assert village.parent_code == village.code[:9] + "000"

    def test_lists_are_in_code_order(self, zc: OrgDirectory) -> None:
        codes = [t.code for t in zc.townships()]
        assert codes == sorted(codes)
        assert codes[0] == GANGSHAN
        village_codes = [v.code for v in zc.villages()]
        assert village_codes == sorted(village_codes)


class TestShortNames:
    @pytest.mark.parametrize(
        ("name", "short"),
        [
            ("孟庄社区居委会", "孟庄社区"),
            ("庄里村民委员会", "庄里村"),
            ("中心一村民委员会", "中心一村"),
            ("太平一村村民委员会", "太平一村"),
            ("福悦社区居民委员会", "福悦社区"),
            ("某某居民委员会", "某某居委会"),
            ("中心店镇", "中心店镇"),
        ],
    )
    def test_short_name_of(self, name: str, short: str) -> None:
        assert short_name_of(name) == short

    def test_loaded_units_carry_short_names(self, zc: OrgDirectory) -> None:
        assert zc.get("370883001004").short_name == "孟庄社区"
        assert zc.get("370883001004").name == "孟庄社区居委会"
        assert not any(v.short_name.endswith("委员会") for v in zc.villages())


class TestNormalizeOrgCode:
    @pytest.mark.parametrize(
        ("raw", "code"),
        [
            ("370883", COUNTY),
            ("370883105", ZHONGXINDIAN),
            ("370883105200", ZHONGXIN_YICUN),
            (" ３７０８８３１０５ ", ZHONGXINDIAN),
        ],
    )
    def test_accepted(self, raw: str, code: str) -> None:
        assert normalize_org_code(raw) == code

    @pytest.mark.parametrize("raw", ["", "37088", "3708831", "37088310520", "37088310520A", "三七"])
    def test_rejected(self, raw: str) -> None:
        with pytest.raises(FieldError) as caught:
            normalize_org_code(raw)
        assert caught.value.field == "org_code"
        assert "区划代码" in caught.value.message


class TestLookup:
    def test_get_and_find_accept_short_forms(self, zc: OrgDirectory) -> None:
        assert zc.get("370883105").name == "中心店镇"
        assert zc.get("370883") is zc.county
        assert zc.find(ZHONGXIN_YICUN) == zc.get(ZHONGXIN_YICUN)

    def test_unknown_and_malformed(self, zc: OrgDirectory) -> None:
        assert zc.find("370883105999") is None
        assert zc.find("garbage") is None
        with pytest.raises(KeyError):
            zc.get("370883105999")
        with pytest.raises(KeyError):
            zc.get("garbage")

    def test_children(self, zc: OrgDirectory) -> None:
        assert zc.children(COUNTY) == zc.townships()
        assert len(zc.children(ZHONGXINDIAN)) == 31
        assert zc.children(ZHONGXIN_YICUN) == []

    def test_villages_of_a_non_township(self, zc: OrgDirectory) -> None:
        with pytest.raises(KeyError):
            zc.villages(ZHONGXIN_YICUN)

    def test_path(self, zc: OrgDirectory) -> None:
        assert [u.code for u in zc.path(ZHONGXIN_YICUN)] == [COUNTY, ZHONGXINDIAN, ZHONGXIN_YICUN]
        assert [u.code for u in zc.path(ZHONGXINDIAN)] == [COUNTY, ZHONGXINDIAN]
        assert zc.path(COUNTY) == [zc.county]

    def test_display_name(self, zc: OrgDirectory) -> None:
        assert zc.display_name(ZHONGXIN_YICUN) == "中心店镇 / 中心一村"
        assert zc.display_name(ZHONGXINDIAN) == "中心店镇"
        assert zc.display_name(COUNTY) == "邹城市"


class TestScope:
    def test_county_contains_everything_under_370883(self, zc: OrgDirectory) -> None:
        assert zc.in_scope(COUNTY, COUNTY)
        assert zc.in_scope(COUNTY, ZHONGXINDIAN)
        assert zc.in_scope(COUNTY, ZHONGXIN_YICUN)
        assert zc.in_scope("370883", "370883999999")
        assert not zc.in_scope(COUNTY, "370882105200")

    def test_township_contains_itself_and_its_villages(self, zc: OrgDirectory) -> None:
        assert zc.in_scope(ZHONGXINDIAN, ZHONGXINDIAN)
        assert zc.in_scope("370883105", ZHONGXIN_YICUN)
        # A village code newer than the bundled list is still judged by its digits.
        assert zc.in_scope(ZHONGXINDIAN, "370883105399")
        assert not zc.in_scope(ZHONGXINDIAN, COUNTY)
        assert not zc.in_scope(ZHONGXINDIAN, TAIPING)
        assert not zc.in_scope(ZHONGXINDIAN, "370883107200")

    def test_village_contains_only_itself(self, zc: OrgDirectory) -> None:
        assert zc.in_scope(ZHONGXIN_YICUN, ZHONGXIN_YICUN)
        assert not zc.in_scope(ZHONGXIN_YICUN, "370883105201")
        assert not zc.in_scope(ZHONGXIN_YICUN, ZHONGXINDIAN)
        assert not zc.in_scope(ZHONGXIN_YICUN, COUNTY)

    def test_malformed_codes_raise(self, zc: OrgDirectory) -> None:
        with pytest.raises(FieldError):
            zc.in_scope("abc", COUNTY)

    def test_village_codes_in_scope(self, zc: OrgDirectory) -> None:
        assert len(zc.village_codes_in_scope(COUNTY)) == 714
        in_zxd = zc.village_codes_in_scope(ZHONGXINDIAN)
        assert len(in_zxd) == 31
        assert all(code.startswith("370883105") for code in in_zxd)
        assert zc.village_codes_in_scope(ZHONGXIN_YICUN) == [ZHONGXIN_YICUN]
        assert zc.village_codes_in_scope("370883105999") == []
        assert zc.village_codes_in_scope("370882") == []


class TestSearch:
    @pytest.mark.parametrize("text", ["中心店", "zhongxin", "zhongxindian", "zxd", "ZXD", "ｚｘｄ"])
    def test_finds_zhongxindian_first(self, zc: OrgDirectory, text: str) -> None:
        found = zc.search(text)
        assert found[0].code == ZHONGXINDIAN

    def test_substring_of_the_name(self, zc: OrgDirectory) -> None:
        names = [u.short_name for u in zc.search("孟庄")]
        assert names[0] == "孟庄社区"
        assert {"东孟庄村", "西孟庄村"} <= set(names)

    def test_exact_short_name_beats_longer_matches(self, zc: OrgDirectory) -> None:
        assert zc.search("中心一村")[0].code == ZHONGXIN_YICUN

    def test_villages_follow_their_township(self, zc: OrgDirectory) -> None:
        found = zc.search("zhongxin")
        assert [u.level for u in found[:2]] == [OrgLevel.TOWNSHIP, OrgLevel.VILLAGE]

    def test_code_prefix(self, zc: OrgDirectory) -> None:
        found = zc.search("370883105")
        assert found[0].code == ZHONGXINDIAN
        assert len(found) == 32

    def test_empty_text_lists_county_then_townships(self, zc: OrgDirectory) -> None:
        found = zc.search("", limit=17)
        assert found[0] is zc.county
        assert found[1:] == zc.townships()

    def test_limit(self, zc: OrgDirectory) -> None:
        assert len(zc.search("z", limit=5)) == 5
        assert zc.search("zhongxin", limit=0) == []

    def test_no_match(self, zc: OrgDirectory) -> None:
        assert zc.search("qqqq") == []
        assert zc.search("不存在的地方") == []
