"""What makes a worker record acceptable: one validator for the editor, the import
and the command line. Takes loosely typed input and returns the stored values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common import coerce
from broker_app.domain.common.cleaning import Cleaned, Cleaner
from broker_app.domain.common.enums import (
    Education,
    EmploymentMode,
    EmploymentStatus,
    Gender,
    MonitoringType,
    PlaceTier,
)
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import normalize_phone
from broker_app.domain.common.textnorm import remove_spaces
from broker_app.domain.org.place import place_tier_of
from broker_app.domain.people.idcard import age_on, parse_id_number

MIN_WORKING_AGE = 16
#: Statuses of people at work, who have a 务工地域 (as the statistics count them).
_AT_WORK = frozenset(
    s.value
    for s in (EmploymentStatus.EMPLOYED, EmploymentStatus.FLEXIBLE, EmploymentStatus.SELF_EMPLOYED)
)
_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaffA-Za-z·•.\- ]{2,40}$")

#: Field labels as users see them, for messages.
LABELS = {
    "name": "姓名",
    "id_number": "身份证号",
    "phone": "联系电话",
    "gender": "性别",
    "org_code": "户籍村",
    "household_address": "户籍地址",
    "education": "文化程度",
    "skills": "工种/技能",
    "certificates": "证书",
    "labor_brand": "劳务品牌",
    "poverty_alleviated": "是否脱贫人口",
    "monitoring_type": "监测对象类型",
    "low_income": "是否农村低收入人口",
    "disabled": "是否残疾",
    "employment_status": "就业状态",
    "employment_mode": "就业方式",
    "place_tier": "务工地域",
    "employer": "务工单位",
    "work_place": "务工地点",
    "job_start": "务工开始日期",
    "job_end": "务工结束日期",
    "monthly_income": "月收入",
    "intended_work_types": "意向工种",
    "intended_place_tier": "意向务工地域",
    "expected_wage": "期望月薪",
    "willing_to_train": "培训意愿",
    "consent": "同意采集信息",
    "consent_date": "同意日期",
    "notes": "备注",
}

_TEXT_FIELDS = ("household_address", "labor_brand", "employer", "work_place", "notes")
_LIST_FIELDS = ("skills", "certificates", "intended_work_types")
_FLAG_FIELDS = ("poverty_alleviated", "low_income", "disabled", "consent")
# Coded fields a record may lack: an unreadable value there never loses the person.
_OPTIONAL_CODED = frozenset(
    {"education", "monitoring_type", "employment_mode", "intended_place_tier",
     "employment_status", "place_tier", "willing_to_train", "poverty_alleviated",
     "low_income", "disabled"}
)  # fmt: skip
# What "empty" is for a field that has a default.
_EMPTY: dict[str, Any] = {
    "employment_status": EmploymentStatus.UNEMPLOYED.value,
    "place_tier": PlaceTier.NONE.value,
    "poverty_alleviated": False,
    "low_income": False,
    "disabled": False,
}


def _left_empty(err: FieldError, written: Any) -> FieldError:
    shown = coerce.text(written)
    label = LABELS.get(err.field, err.field)
    return FieldError(
        err.field,
        f"{label}“{shown}”无法识别，已留空，请核对后补填",
        f"{err.field}: unknown value {shown!r} left empty",
        reason=coerce.UNMAPPED,
    )


@dataclass
class CleanWorker(Cleaned):
    """The outcome of validating one worker: stored values, or the reasons it failed."""

    # Optional coded fields left empty because nobody can map what was written.
    warnings: list[FieldError] = field(default_factory=list)


def clean_worker(
    raw: Mapping[str, Any],
    *,
    today: date | None = None,
    partial: bool = False,
    lenient: bool = False,
) -> CleanWorker:
    """Validate ``raw`` (field -> value as typed). With ``partial`` only the fields
    present are checked and returned (for edits and imports that update). With
    ``lenient`` (imports) an optional coded field whose value nobody can map is left
    empty and reported in ``warnings`` instead of refusing the record."""
    today = today or date.today()
    out = CleanWorker()
    c = Cleaner(raw, out, partial=partial)
    c.field("name", _name)
    c.run(lambda: _set_id(raw, today, out), "id_number")
    c.field("phone", _phone)
    c.field("org_code", _org_code)
    for name in _TEXT_FIELDS:
        c.field(name, coerce.text)
    for name in _LIST_FIELDS:
        c.field(name, coerce.words)
    for name in _FLAG_FIELDS:
        c.field(name, lambda v, n=name: bool(coerce.flag(v, n, LABELS[n])))
    c.field("willing_to_train", lambda v: coerce.flag(v, "willing_to_train", "培训意愿"))
    for name, enum, default in _CHOICES:
        c.field(name, lambda v, n=name, e=enum, d=default: _choice(v, n, e, d))
    for name in ("job_start", "job_end", "consent_date"):
        c.field(name, lambda v, n=name: coerce.day(v, n, LABELS[n]))
    for name in ("monthly_income", "expected_wage"):
        c.field(name, lambda v, n=name: coerce.whole_number(v, n, LABELS[n], maximum=1_000_000))
    if lenient:
        _leave_unmapped_empty(raw, out, partial=partial)
    _check_consistency(out)
    return out


def _leave_unmapped_empty(raw: Mapping[str, Any], out: CleanWorker, *, partial: bool) -> None:
    """An optional coded field whose value nobody can map is left empty and reported
    in ``warnings`` instead of refusing the record (imports)."""
    kept: list[FieldError] = []
    for err in out.errors:
        if err.reason == coerce.UNMAPPED and err.field in _OPTIONAL_CODED:
            out.warnings.append(_left_empty(err, raw.get(err.field)))
            if partial:
                out.values.pop(err.field, None)  # an update keeps what is stored
            else:
                out.values[err.field] = _EMPTY.get(err.field)
        else:
            kept.append(err)
    out.errors[:] = kept


_CHOICES: tuple[tuple[str, Any, Any], ...] = (
    ("education", Education, None),
    ("monitoring_type", MonitoringType, None),
    ("employment_mode", EmploymentMode, None),
    ("intended_place_tier", PlaceTier, None),
    ("employment_status", EmploymentStatus, EmploymentStatus.UNEMPLOYED),
    ("place_tier", PlaceTier, PlaceTier.NONE),
)


def _cell(value: Any, name: str) -> str:
    return coerce.cell_text(value, name, LABELS[name])


def _name(value: Any) -> str:
    name = _cell(value, "name")
    if not name:
        raise FieldError("name", "姓名不能为空", "name: required", reason="required")
    name = remove_spaces(name)
    if not _NAME.match(name):
        raise FieldError(
            "name",
            f"姓名“{name}”应为2到40个汉字或字母",
            f"name: not a plausible name: {name!r}",
            reason="format",
        )
    return name


def _set_id(raw: Mapping[str, Any], today: date, out: CleanWorker) -> None:
    """The ID number and what it says (birth date, gender); a typed gender must agree."""
    value = raw.get("id_number")
    if coerce.is_blank(value):
        raise FieldError("id_number", "身份证号不能为空", "id_number: required", reason="required")
    info = parse_id_number(str(value))
    age = age_on(info.birth_date, today)
    if age < MIN_WORKING_AGE:
        raise FieldError(
            "id_number",
            f"按身份证号计算年龄为{age}周岁，未满{MIN_WORKING_AGE}周岁不能登记为劳动力",
            f"id_number: age {age} below {MIN_WORKING_AGE}",
            reason="too_young",
        )
    out.values.update(id_number=info.number, birth_date=info.birth_date, gender=info.gender.value)
    typed_gender = coerce.text(raw.get("gender"))
    try:
        read_gender = coerce.choice(typed_gender, Gender, "gender", LABELS["gender"])
    except FieldError as err:
        # The ID number says the gender; an unreadable 性别 cell is only noted.
        out.warnings.append(_left_empty(err, typed_gender))
        return
    if read_gender is not None and read_gender != info.gender:
        raise FieldError(
            "gender",
            f"性别“{typed_gender}”与身份证号不符（身份证号显示为{info.gender.label}）",
            f"gender: {typed_gender!r} contradicts the ID number",
            reason="mismatch",
        )


def _phone(value: Any) -> str:
    phone = _cell(value, "phone")
    # A person's own number: mobile or landline, never a hotline like 12345.
    return normalize_phone(phone, allow_service=False) if phone else ""


def _org_code(value: Any) -> str:
    code = coerce.text(value)
    if not re.fullmatch(r"\d{12}", code):
        raise FieldError("org_code", "请选择户籍所在村", "org_code: required", reason="required")
    return code


def _choice(value: Any, name: str, enum: Any, default: Any) -> Any:
    member = coerce.choice(value, enum, name, LABELS[name]) or default
    return member.value if member else None


def _check_consistency(out: CleanWorker) -> None:
    values = out.values
    start, end = values.get("job_start"), values.get("job_end")
    if start and end and end < start:
        out.errors.append(
            FieldError(
                "job_end", "务工结束日期早于开始日期", "job_end before job_start", reason="order"
            )
        )
    status = values.get("employment_status")
    tier = values.get("place_tier")
    if status == EmploymentStatus.UNEMPLOYED.value and tier not in (None, PlaceTier.NONE.value):
        # An unemployed person has no place of work; keep the data consistent.
        values["place_tier"] = PlaceTier.NONE.value
    elif (
        status in _AT_WORK
        and tier in (None, PlaceTier.NONE.value)
        and "place_tier" in values
        and values.get("work_place")
    ):
        # A roster gives 务工地点 and leaves 务工地域 blank: the place says the tier,
        # and the statistics count the person where they work.
        found = place_tier_of(str(values["work_place"]))
        if found is not None:
            values["place_tier"] = found.value
