"""Closed vocabularies of the domain, each with the Chinese label users see.

Values are stable English codes: they are stored in the database and travel over
sync, so renaming a member's *value* is a schema change. Labels may change freely.
Sources for the categories: shared data notes, sections 3 and 4.
"""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A StrEnum whose members carry a Chinese label."""

    label: str

    def __new__(cls, value: str, label: str) -> LabeledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def from_value(cls, value: str) -> LabeledEnum | None:
        """The member stored as ``value``, or None (e.g. a value from a newer version)."""
        member = cls._value2member_map_.get(value)
        return member if isinstance(member, LabeledEnum) else None

    @classmethod
    def from_label(cls, text: str) -> LabeledEnum | None:
        """The member whose label or value equals ``text`` (stripped), else None."""
        text = text.strip()
        for member in cls:
            if text in (member.label, member.value):
                return member
        return None


class Gender(LabeledEnum):
    MALE = "male", "男"
    FEMALE = "female", "女"


class EmploymentStatus(LabeledEnum):
    """就业状态, as the 人社部 platform splits people into 就业 / 未就业 forms."""

    UNEMPLOYED = "unemployed", "未就业"
    EMPLOYED = "employed", "已就业"
    FLEXIBLE = "flexible", "灵活就业"
    SELF_EMPLOYED = "self_employed", "自主创业"
    FARMING = "farming", "务农"
    UNABLE = "unable", "无劳动能力"


class PlaceTier(LabeledEnum):
    """务工地域: where the person works, the tiers used in practice."""

    IN_COUNTY = "in_county", "县内"
    OUT_COUNTY_IN_PROVINCE = "in_province", "县外省内"
    OUT_OF_PROVINCE = "out_of_province", "省外"
    ABROAD = "abroad", "境外"
    NONE = "none", "未就业"


class EmploymentMode(LabeledEnum):
    """就业方式: ways of finding work named in national notices."""

    ORGANISED_EXPORT = "organised_export", "有组织劳务输出"
    SELF_MIGRATION = "self_migration", "自行外出务工"
    ASSISTANCE_WORKSHOP = "assistance_workshop", "就业帮扶车间"
    WORK_FOR_RELIEF = "work_for_relief", "以工代赈"
    PUBLIC_WELFARE_POST = "public_welfare_post", "乡村公益性岗位"
    LOCAL_INDUSTRY = "local_industry", "就近就业"
    FLEXIBLE = "flexible", "灵活就业"
    ENTREPRENEURSHIP = "entrepreneurship", "自主创业"


class MonitoringType(LabeledEnum):
    """防止返贫监测对象 types."""

    UNSTABLE = "unstable", "脱贫不稳定户"
    MARGINAL = "marginal", "边缘易致贫户"
    SUDDEN_HARDSHIP = "sudden_hardship", "突发严重困难户"


class PriorityGroup(LabeledEnum):
    """Groups that come first for assistance and for 公益性岗位 (mission measure 5)."""

    POVERTY_ALLEVIATED = "poverty_alleviated", "脱贫享受政策人口"
    MONITORED = "monitored", "防止返贫监测对象"
    LOW_INCOME = "low_income", "农村低收入人口"
    DISABLED = "disabled", "农村残疾人"
    OLDER = "older", "大龄(45-65周岁)"


class Education(LabeledEnum):
    NONE = "none", "未上学"
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初中"
    SENIOR = "senior", "高中"
    VOCATIONAL = "vocational", "中专/技校"
    COLLEGE = "college", "大专"
    BACHELOR = "bachelor", "本科及以上"


class JobKind(LabeledEnum):
    FULL_TIME = "full_time", "全职"
    GIG = "gig", "零工"
    SEASONAL = "seasonal", "季节性"
    PUBLIC_WELFARE = "public_welfare", "公益性岗位"
    WORK_FOR_RELIEF = "work_for_relief", "以工代赈"
    ASSISTANCE_WORKSHOP = "assistance_workshop", "就业帮扶车间"


class JobStatus(LabeledEnum):
    OPEN = "open", "招聘中"
    FILLED = "filled", "已满员"
    CLOSED = "closed", "已关闭"


class MatchStatus(LabeledEnum):
    RECOMMENDED = "recommended", "推荐"
    CONTACTED = "contacted", "已联系"
    INTERVIEW = "interview", "面试"
    HIRED = "hired", "录用"
    ON_DUTY = "on_duty", "已上岗"
    LEFT = "left", "离岗"
    REJECTED = "rejected", "未录用"


class BatchStatus(LabeledEnum):
    PREPARING = "preparing", "筹备"
    DEPARTED = "departed", "已出发"
    ARRIVED = "arrived", "已到岗"
    FINISHED = "finished", "结束"


class OrgLevel(LabeledEnum):
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "镇街"
    VILLAGE = "village", "村居"


class TrainingKind(LabeledEnum):
    """Training kinds with city targets in the mission text (measures 10, 12, 14)."""

    ENTREPRENEURSHIP = "entrepreneurship", "创业培训"
    AGRICULTURE = "agriculture", "农业经营培训"
    VOCATIONAL = "vocational", "职业技能培训"
    SAFETY = "safety", "安全知识培训"
    OTHER = "other", "其他培训"


class FollowUpKind(LabeledEnum):
    """跟踪服务 kinds for the 就业帮扶台账."""

    VISIT = "visit", "走访"
    PHONE = "phone", "电话回访"
    JOB_REFERRAL = "job_referral", "职业介绍"
    POLICY = "policy", "政策落实"
    TRAINING_REFERRAL = "training_referral", "培训推荐"
    OTHER = "other", "其他"
