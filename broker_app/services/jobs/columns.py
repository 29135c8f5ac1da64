"""Header names of job posting workbooks, as employers' and the county's lists write them.

The first name of each field is the one shown to users (for example in "缺少必填的列").
``wage`` and ``age`` hold the written forms ("4000-6000元/月", "18-55周岁"); a 学历要求
column is kept by appending it to the requirements.
"""

from __future__ import annotations

from collections.abc import Mapping

JOB_HEADER_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "employer_name": (
        "单位名称", "用工单位", "招聘单位", "用人单位", "企业名称", "公司名称", "单位", "企业",
    ),
    "employer_credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "统一信用代码"),
    "title": ("岗位名称", "招聘岗位", "岗位", "职位名称", "职位", "招聘职位", "工作岗位"),
    "work_type": ("工种", "所需工种", "岗位工种", "职业工种", "职业(工种)"),
    "kind": ("岗位类型", "用工类型", "用工形式", "岗位类别", "招聘类型", "岗位性质"),
    "headcount": (
        "招聘人数", "需求人数", "用工人数", "招工人数", "人数", "招聘数量", "岗位数量",
    ),
    "place_text": ("工作地点", "工作地址", "用工地点", "务工地点", "工作地区"),
    "place_tier": ("务工地域", "工作区域", "就业地域"),
    "wage": (
        "薪资待遇", "薪资", "工资待遇", "薪酬待遇", "月薪", "工资", "薪酬", "待遇", "薪资范围",
        "工资标准",
    ),
    "age": ("年龄要求", "年龄", "年龄限制", "年龄范围"),
    "education": ("学历要求", "文化程度要求", "学历"),
    "requirements": (
        "岗位要求", "任职要求", "招聘条件", "岗位条件", "任职条件", "要求", "其他要求",
        "岗位职责",
    ),
    "contact_name": ("联系人", "联系人姓名"),
    "contact_phone": ("联系电话", "联系方式", "电话", "手机", "手机号", "联系人电话"),
    "deadline": ("截止日期", "报名截止日期", "招聘截止日期", "截止时间", "有效期至"),
    "start_date": ("开始日期", "到岗日期", "用工开始日期", "上岗时间", "开工日期"),
    "end_date": ("结束日期", "用工结束日期", "完工日期"),
    "notes": ("备注", "说明", "其他说明"),
}  # fmt: skip

#: A row cannot make a posting without these.
JOB_REQUIRED_FIELDS: tuple[str, ...] = ("employer_name", "title")
