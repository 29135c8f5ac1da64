"""The ways village rosters write each coded field map to the app's codes."""

from __future__ import annotations

import pytest

from broker_app.domain.common import coerce
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
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.written_forms import Unmapped, read_choice, read_flag

WRITTEN: list[tuple[type[LabeledEnum], str, LabeledEnum | None]] = [
    (Education, "中专", Education.VOCATIONAL),
    (Education, "技校", Education.VOCATIONAL),
    (Education, "职高", Education.VOCATIONAL),
    (Education, "中专（含技校）", Education.VOCATIONAL),
    (Education, "本科", Education.BACHELOR),
    (Education, "大学本科", Education.BACHELOR),
    (Education, "研究生", Education.BACHELOR),
    (Education, "硕士", Education.BACHELOR),
    (Education, "大专", Education.COLLEGE),
    (Education, "专科", Education.COLLEGE),
    (Education, "初中", Education.JUNIOR),
    (Education, "初中毕业", Education.JUNIOR),
    (Education, "高中文化程度", Education.SENIOR),
    (Education, "小学", Education.PRIMARY),
    (Education, "文盲", Education.NONE),
    (Education, "半文盲", Education.NONE),
    (Education, "文盲/半文盲", Education.NONE),
    (Education, "中专/技校", Education.VOCATIONAL),  # the app's own label
    (Education, "vocational", Education.VOCATIONAL),  # and its code
    (EmploymentStatus, "务工", EmploymentStatus.EMPLOYED),
    (EmploymentStatus, "外出务工", EmploymentStatus.EMPLOYED),
    (EmploymentStatus, "待业", EmploymentStatus.UNEMPLOYED),
    (EmploymentStatus, "在家务农", EmploymentStatus.FARMING),
    (EmploymentStatus, "打零工", EmploymentStatus.FLEXIBLE),
    (EmploymentStatus, "个体户", EmploymentStatus.SELF_EMPLOYED),
    (EmploymentStatus, "丧失劳动能力", EmploymentStatus.UNABLE),
    (PlaceTier, "省内", PlaceTier.OUT_COUNTY_IN_PROVINCE),
    (PlaceTier, "外省", PlaceTier.OUT_OF_PROVINCE),
    (PlaceTier, "县内", PlaceTier.IN_COUNTY),
    (PlaceTier, "本县", PlaceTier.IN_COUNTY),
    (PlaceTier, "市内", PlaceTier.IN_COUNTY),  # 邹城 is a county-level city
    (PlaceTier, "县外市内", PlaceTier.OUT_COUNTY_IN_PROVINCE),
    (PlaceTier, "国外", PlaceTier.ABROAD),
    (Gender, "男", Gender.MALE),
    (Gender, "女", Gender.FEMALE),
    (Gender, "M", Gender.MALE),
    (Gender, "f", Gender.FEMALE),
    (Gender, "男性", Gender.MALE),
    (MonitoringType, "边缘户", MonitoringType.MARGINAL),
    (MonitoringType, "不稳定户", MonitoringType.UNSTABLE),
    (MonitoringType, "突发困难户", MonitoringType.SUDDEN_HARDSHIP),
    (MonitoringType, "无", None),
    (MonitoringType, "非监测对象", None),
    (EmploymentMode, "公益岗", EmploymentMode.PUBLIC_WELFARE_POST),
    (EmploymentMode, "扶贫车间", EmploymentMode.ASSISTANCE_WORKSHOP),
    (JobKind, "临时工", JobKind.GIG),
    (JobKind, "公益岗", JobKind.PUBLIC_WELFARE),
    (JobKind, "季节工", JobKind.SEASONAL),
]


@pytest.mark.parametrize(("enum", "written", "expected"), WRITTEN)
def test_each_written_form_maps_to_the_code(
    enum: type[LabeledEnum], written: str, expected: LabeledEnum | None
) -> None:
    assert read_choice(written, enum) == expected
    assert coerce.choice(f" {written} ", enum, "f", "字段") == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("是", True), ("否", False), ("有", True), ("无", False), ("√", True), ("×", False),
     ("Y", True), ("N", False), ("ｙｅｓ", True), ("1", True), ("0", False), ("", None)],
)  # fmt: skip
def test_yes_no_as_rosters_write_it(written: str, expected: bool | None) -> None:
    assert read_flag(written) is expected
    assert coerce.flag(written, "disabled", "是否残疾") is expected


def test_a_flag_column_may_hold_the_category_name() -> None:
    assert read_flag("脱贫户", "poverty_alleviated") is True
    assert read_flag("一般户", "poverty_alleviated") is False
    assert read_flag("低保户", "low_income") is True


def test_a_value_nobody_can_map_is_refused_with_its_reason_code() -> None:
    with pytest.raises(Unmapped):
        read_choice("博士后流动站", PlaceTier)
    with pytest.raises(FieldError) as caught:
        coerce.choice("大概初中吧", Education, "education", "文化程度")
    assert caught.value.reason == coerce.UNMAPPED
    assert "大概初中吧" in caught.value.message
    with pytest.raises(FieldError) as flag_err:
        coerce.flag("不清楚", "disabled", "是否残疾")
    assert flag_err.value.reason == coerce.UNMAPPED


def test_every_member_is_reachable_by_label_and_code() -> None:
    for enum in (Education, EmploymentStatus, PlaceTier, Gender, MonitoringType, JobKind):
        for member in enum:
            assert read_choice(member.label, enum) == member
            assert read_choice(member.value, enum) == member
