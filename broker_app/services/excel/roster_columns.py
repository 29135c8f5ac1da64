"""Header names of worker rosters: what imports accept and what exports write.

The synonyms come from real templates (the 广东 备案花名册, the 江苏 零转移家庭花名册,
a county HR system's 转移就业 and 台帐 tables, 脱贫劳动力 subsidy lists, 建筑工人实名制
forms) plus the everyday variants brokers type. The first name of each field is the
one shown to users, for example in "缺少必填的列". Export headers are chosen so an
exported roster imports again unchanged; a test holds both lists to that.
"""

from __future__ import annotations

from collections.abc import Mapping

from .specs import ColumnKind, ColumnSpec

ROSTER_HEADER_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "name": ("姓名", "劳动力姓名", "人员姓名", "务工人员姓名", "名字"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "身份证",
        "身份证件号码",
        "证件号码",
        "证件号",
    ),
    "phone": ("联系电话", "手机号", "手机号码", "电话", "联系方式", "电话号码", "手机", "本人电话"),
    "gender": ("性别",),
    "township": ("乡镇", "乡镇(街道)", "镇街", "所属乡镇", "乡镇街道", "镇(街道)"),
    "village": ("村", "村(社区)", "村居", "所在村", "村名", "行政村", "村社区", "所属村"),
    "household_address": (
        "家庭住址",
        "户籍地址",
        "现住地址",
        "家庭地址",
        "住址",
        "居住地址",
        "户籍所在地",
    ),
    "education": ("文化程度", "学历", "受教育程度"),
    "skills": (
        "工种",
        "技能",
        "特长",
        "工种/技能",
        "技能/特长",
        "从事工种",
        "有何特长或就业技能",
        "就业技能",
        "技能特长",
        "专业技能",
    ),
    "certificates": (
        "证书",
        "职业技能证书",
        "职业资格证书",
        "技能证书",
        "持有证书",
        "资格证书",
        "专业职称或技术等级",
    ),
    "labor_brand": ("劳务品牌",),
    "employment_status": ("就业状态", "就业情况", "是否就业", "就业状况"),
    "place_tier": ("务工地域", "就业地点", "务工区域", "就业区域", "就业地域"),
    "employer": ("务工单位", "就业单位", "用工单位", "工作单位", "用人单位", "单位名称"),
    "work_place": ("务工地点", "工作地点", "务工地址", "工作地址"),
    "job_start": (
        "务工开始时间",
        "就业时间",
        "务工起始时间",
        "开始务工时间",
        "务工开始日期",
        "上岗时间",
        "合同始期",
    ),
    "job_end": ("务工结束时间", "务工截止时间", "务工结束日期", "离岗时间", "合同终期"),
    "monthly_income": ("月收入", "外出务工月收入", "务工月收入", "月务工收入", "月工资"),
    "poverty_alleviated": (
        "是否脱贫人口",
        "脱贫户",
        "是否脱贫户",
        "脱贫人口",
        "是否脱贫享受政策人口",
    ),
    "monitoring_type": (
        "监测对象类型",
        "监测对象",
        "监测户类型",
        "是否监测对象",
        "监测类型",
        "防返贫监测对象",
        "是否防返贫监测对象",
        "防止返贫监测对象",
    ),
    "low_income": ("是否低收入人口", "低收入人口", "是否低收入家庭", "是否低收入"),
    "disabled": ("是否残疾人", "残疾人", "是否残疾"),
    "intended_work_types": ("就业意向", "求职意向工种", "意向工种", "求职意向", "外出就业意向"),
    "intended_place_tier": ("意向务工地域", "期望务工地域", "意向就业地点", "期望就业地点"),
    "expected_wage": ("期望工资", "期望月薪", "期望薪资", "期望月收入"),
    "willing_to_train": (
        "培训意愿",
        "是否愿意参加培训",
        "参加培训意愿",
        "培训意向",
        "参加农村劳动力技能培训意向",
    ),
    "notes": ("备注", "其他说明", "说明"),
}

# An import cannot place a person without these two.
ROSTER_REQUIRED_FIELDS: tuple[str, ...] = ("name", "id_number")

# (field, header) in export order. Unit hints in brackets are ignored on import.
ROSTER_EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "姓名"),
    ("gender", "性别"),
    ("id_number", "身份证号"),
    ("phone", "联系电话"),
    ("township", "乡镇（街道）"),
    ("village", "村（社区）"),
    ("household_address", "家庭住址"),
    ("education", "文化程度"),
    ("skills", "工种/技能"),
    ("certificates", "证书"),
    ("labor_brand", "劳务品牌"),
    ("employment_status", "就业状态"),
    ("place_tier", "务工地域"),
    ("employer", "务工单位"),
    ("work_place", "务工地点"),
    ("job_start", "务工开始时间"),
    ("job_end", "务工结束时间"),
    ("monthly_income", "月收入（元）"),
    ("poverty_alleviated", "是否脱贫人口"),
    ("monitoring_type", "监测对象类型"),
    ("low_income", "是否低收入人口"),
    ("disabled", "是否残疾人"),
    ("intended_work_types", "就业意向"),
    ("intended_place_tier", "意向务工地域"),
    ("expected_wage", "期望工资（元/月）"),
    ("willing_to_train", "培训意愿"),
    ("notes", "备注"),
)

_EXPORT_KINDS: Mapping[str, ColumnKind] = {
    "id_number": "id_text",
    "phone": "id_text",
    "job_start": "date",
    "job_end": "date",
    "monthly_income": "money",
    "expected_wage": "money",
}
_EXPORT_WIDTHS: Mapping[str, float] = {
    "name": 10,
    "gender": 6,
    "phone": 14,
    "household_address": 30,
    "employer": 24,
    "work_place": 16,
    "notes": 24,
}


def roster_export_specs() -> list[ColumnSpec]:
    """Column specs for ``ROSTER_EXPORT_COLUMNS``, ready for ``XlsxWriter.add_sheet``."""
    return [
        ColumnSpec(
            header,
            width=_EXPORT_WIDTHS.get(field),
            kind=_EXPORT_KINDS.get(field, "text"),
        )
        for field, header in ROSTER_EXPORT_COLUMNS
    ]
