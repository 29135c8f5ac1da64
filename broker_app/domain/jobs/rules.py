"""What makes a job posting acceptable: one validator for the editor, the import and the
command line. Takes loosely typed input and returns the stored values, the reasons it
failed, and warnings that do not stop the save (公益性岗位 limits, a past deadline).

Input keys are the JobPosting fields, plus ``wage`` and ``age`` for the written forms
("4000-6000元/月", "18-55周岁") and ``credit_code_confirmed`` for a 统一社会信用代码
whose check character the broker has confirmed against the licence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from broker_app.domain.common import coerce
from broker_app.domain.common.cleaning import Cleaned, Cleaner
from broker_app.domain.common.enums import JobKind, PlaceTier
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import normalize_phone
from broker_app.domain.jobs.age import check_age_range, parse_age_range
from broker_app.domain.jobs.uscc import normalize_uscc
from broker_app.domain.jobs.wage import MAX_WAGE, NEGOTIABLE, Wage, WageUnit, parse_wage
from broker_app.domain.jobs.welfare import RuleWarning, welfare_posting_warnings
from broker_app.domain.org.codes import COUNTY_PREFIX, normalize_org_code
from broker_app.domain.org.place import locate_place

#: Labour Law art. 15: no one under 16 may be hired.
MIN_HIRING_AGE: Final = 16
MAX_HEADCOUNT: Final = 100_000

LABELS = {
    "title": "岗位名称",
    "employer_name": "单位名称",
    "employer_credit_code": "统一社会信用代码",
    "kind": "岗位类型",
    "work_type": "工种",
    "place_org_code": "工作地点（县内镇村）",
    "place_tier": "务工地域",
    "place_text": "工作地点",
    "headcount": "招聘人数",
    "wage": "薪资待遇",
    "wage_min": "最低薪资",
    "wage_max": "最高薪资",
    "wage_unit": "薪资单位",
    "age": "年龄要求",
    "age_min": "最低年龄",
    "age_max": "最高年龄",
    "requirements": "岗位要求",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "deadline": "截止日期",
    "contact_name": "联系人",
    "contact_phone": "联系电话",
    "notes": "备注",
}

_TEXT_LIMITS = {
    "title": 128,
    "employer_name": 128,
    "work_type": 64,
    "place_text": 128,
    "contact_name": 64,
}
_FREE_TEXT = ("requirements", "notes")
_WAGE_KEYS = ("wage", "wage_min", "wage_max", "wage_unit")
_AGE_KEYS = ("age", "age_min", "age_max")
_PLACE_KEYS = ("place_org_code", "place_tier", "place_text")
_SPACES = re.compile(r"\s+")


@dataclass
class CleanJob(Cleaned):
    """The outcome of validating one posting."""

    warnings: list[RuleWarning] = field(default_factory=list)


def clean_job(
    raw: Mapping[str, Any],
    *,
    today: date | None = None,
    partial: bool = False,
    current: Mapping[str, Any] | None = None,
) -> CleanJob:
    """Validate ``raw``. With ``partial`` only the fields present are checked and
    returned (edits, re-imports); ``current`` holds the stored values then, so that
    rules across fields (公益性岗位 limits, date order) see the whole posting."""
    today = today or date.today()
    out = CleanJob()
    values = out.values
    c = Cleaner(raw, out, partial=partial)
    for name in ("title", "employer_name"):
        c.field(name, lambda v, n=name: _required_text(n, v))
    credit_confirmed = bool(raw.get("credit_code_confirmed"))
    c.field("employer_credit_code", lambda v: _credit_code(v, credit_confirmed))
    c.field("kind", _kind)
    for name in ("work_type", "place_text", "contact_name"):
        c.field(name, lambda v, n=name: _limited(n, coerce.text(v)))
    for name in _FREE_TEXT:
        c.field(name, coerce.text)
    c.field("headcount", _headcount)
    c.field("contact_phone", _contact_phone)
    c.run(lambda: values.update(_place(raw)), *_PLACE_KEYS)
    c.run(lambda: values.update(_wage(raw)), *_WAGE_KEYS)
    c.run(lambda: values.update(_age(raw)), *_AGE_KEYS)
    for name in ("start_date", "end_date", "deadline"):
        c.field(name, lambda v, n=name: coerce.day(v, n, LABELS[n]))
    _check_whole(out, {**(current or {}), **values}, today, check_deadline="deadline" in values)
    return out


def _required_text(name: str, value: Any) -> str:
    # A yes/no or date cell here is a slip in the sheet, never a name to store.
    text = _SPACES.sub(" ", coerce.cell_text(value, name, LABELS[name]))
    if not text:
        raise FieldError(name, f"{LABELS[name]}不能为空", f"{name}: required", reason="required")
    return _limited(name, text)


def _credit_code(value: Any, confirmed: bool) -> str:
    text = coerce.text(value)
    try:
        return normalize_uscc(text, verify_check=not confirmed) if text else ""
    except FieldError as err:
        raise FieldError(
            "employer_credit_code", err.message, err.message_en, reason=err.reason
        ) from None


def _kind(value: Any) -> str:
    kind = coerce.choice(value, JobKind, "kind", LABELS["kind"])
    return (kind or JobKind.FULL_TIME).value


def _headcount(value: Any) -> int:
    count = coerce.whole_number(
        _strip_unit(value, "人", "名"),
        "headcount",
        LABELS["headcount"],
        minimum=1,
        maximum=MAX_HEADCOUNT,
    )
    return count or 1


def _contact_phone(value: Any) -> str:
    phone = coerce.cell_text(value, "contact_phone", LABELS["contact_phone"])
    if not phone:
        return ""
    try:
        return normalize_phone(phone)
    except FieldError as err:
        raise FieldError("contact_phone", err.message, err.message_en, reason=err.reason) from None


def _limited(name: str, text: str) -> str:
    limit = _TEXT_LIMITS.get(name)
    if limit is not None and len(text) > limit:
        raise FieldError(
            name,
            f"{LABELS[name]}太长（最多{limit}个字）",
            f"{name}: longer than {limit}",
            reason="length",
        )
    return text


def _strip_unit(value: Any, *units: str) -> Any:
    if isinstance(value, str):
        text = value.strip()
        for unit in units:
            text = text.removesuffix(unit)
        return text
    return value


def _place(raw: Mapping[str, Any]) -> dict[str, Any]:
    text = coerce.text(raw.get("place_text"))
    code_text = coerce.text(raw.get("place_org_code"))
    tier = coerce.choice(raw.get("place_tier"), PlaceTier, "place_tier", LABELS["place_tier"])
    if tier is PlaceTier.NONE:
        raise FieldError(
            "place_tier", "岗位的务工地域不能是“未就业”", "place_tier: none", reason="choice"
        )
    code: str | None = None
    if code_text:
        code = normalize_org_code(code_text)
        if not code.startswith(COUNTY_PREFIX):
            raise FieldError(
                "place_org_code",
                f"工作地点代码 {code} 不在邹城市内；县外的岗位请只填务工地域和地点",
                f"place_org_code {code} outside the county",
                reason="outside",
            )
        if tier not in (None, PlaceTier.IN_COUNTY):
            raise FieldError(
                "place_tier",
                f"工作地点在县内镇村，务工地域却填了“{tier.label}”",
                "place_tier contradicts place_org_code",
                reason="mismatch",
            )
        tier = PlaceTier.IN_COUNTY
    elif text:
        found = locate_place(text)
        if tier is None or tier is found.tier:
            code = found.org_code
        tier = tier or found.tier
    if tier is None:
        shown = f"“{text}”" if text else ""
        raise FieldError(
            "place_tier",
            f"无法判断工作地点{shown}属于县内、县外省内、省外还是境外，请填写务工地域",
            f"cannot tell the place tier of {text!r}",
            reason="required",
        )
    return {"place_org_code": code, "place_tier": tier.value, "place_text": text}


def _wage(raw: Mapping[str, Any]) -> dict[str, Any]:
    written = raw.get("wage")
    if written is not None and not isinstance(written, str):
        written = coerce.text(written)  # a bare number cell: a monthly amount
    if written is not None and (coerce.text(written) or not _has_any(raw, _WAGE_KEYS[1:])):
        wage = parse_wage(written)
    else:
        unit = coerce.choice(raw.get("wage_unit"), WageUnit, "wage_unit", LABELS["wage_unit"])
        low, high = (
            coerce.whole_number(raw.get(n), n, LABELS[n], minimum=1, maximum=MAX_WAGE)
            for n in ("wage_min", "wage_max")
        )
        wage = Wage(low, high, unit or WageUnit.MONTH) if (low or high or unit) else NEGOTIABLE
        if low is not None and high is not None and low > high:
            raise FieldError(
                "wage_max", "最高薪资低于最低薪资", "wage_max below wage_min", reason="order"
            )
    return {"wage_min": wage.minimum, "wage_max": wage.maximum, "wage_unit": wage.unit.value}


def _age(raw: Mapping[str, Any]) -> dict[str, Any]:
    written = raw.get("age")
    if written is not None and (coerce.text(written) or not _has_any(raw, _AGE_KEYS[1:])):
        low, high = parse_age_range(coerce.text(written))
    else:
        low, high = check_age_range(
            coerce.whole_number(raw.get("age_min"), "age_min", LABELS["age_min"], maximum=200),
            coerce.whole_number(raw.get("age_max"), "age_max", LABELS["age_max"], maximum=200),
        )
    if low is not None and low < MIN_HIRING_AGE:
        raise FieldError(
            "age_min",
            f"最低年龄不能低于{MIN_HIRING_AGE}周岁（劳动法禁止招用未满16周岁的未成年人）",
            f"age_min {low} below {MIN_HIRING_AGE}",
            reason="too_young",
        )
    if high is not None and high < MIN_HIRING_AGE:
        raise FieldError(
            "age_max",
            f"最高年龄{high}周岁低于法定最低就业年龄{MIN_HIRING_AGE}周岁",
            f"age_max {high} below {MIN_HIRING_AGE}",
            reason="too_young",
        )
    return {"age_min": low, "age_max": high}


def _has_any(raw: Mapping[str, Any], names: tuple[str, ...]) -> bool:
    return any(not coerce.is_blank(raw.get(name)) for name in names)


def _check_whole(
    out: CleanJob, whole: Mapping[str, Any], today: date, check_deadline: bool
) -> None:
    start, end = whole.get("start_date"), whole.get("end_date")
    if start and end and end < start:
        out.errors.append(
            FieldError(
                "end_date", "结束日期早于开始日期", "end_date before start_date", reason="order"
            )
        )
    deadline = whole.get("deadline")
    if check_deadline and deadline and deadline < today:
        out.warnings.append(
            RuleWarning(
                "deadline",
                f"截止日期{deadline.isoformat()}已过，岗位不会再被推荐",
                f"deadline {deadline} has passed",
                "deadline_passed",
            )
        )
    out.warnings.extend(
        welfare_posting_warnings(
            str(whole.get("kind") or ""),
            whole.get("age_min"),
            whole.get("age_max"),
            str(whole.get("requirements") or ""),
        )
    )
