"""What makes a 工程项目 record acceptable: one validator for the editor and the command
line. The fields follow what the statutory 维权信息告示牌 shows (shared notes, section 2):
the contractors, the 劳资专管员, the complaint phones, the local minimum wage and the
pay day."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from broker_app.domain.common import coerce
from broker_app.domain.common.cleaning import Cleaned, Cleaner
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.phone import normalize_phone
from broker_app.domain.org.codes import normalize_org_code
from broker_app.domain.org.units import load_zoucheng

#: The nationwide 人社 hotline: the complaint number every card carries at least.
NATIONAL_HOTLINE = "12333"

#: Field labels as users see them, for messages and forms.
LABELS = {
    "name": "项目名称",
    "address": "项目地址",
    "general_contractor": "施工总承包单位",
    "subcontractor": "劳务分包单位/班组",
    "labor_officer_name": "劳资专管员",
    "labor_officer_phone": "劳资专管员电话",
    "manager_phone": "项目负责人电话",
    "complaint_phone_hrss": "人社（劳动保障监察）投诉电话",
    "complaint_phone_housing": "住建部门投诉电话",
    "complaint_phone_national": "全国人社服务热线",
    "min_wage": "当地最低工资标准（元/月）",
    "pay_day": "工资支付日（每月几日）",
    "start_date": "开工日期",
    "end_date": "竣工日期",
    "notes": "备注",
    "responsible_org": "包保单位",
    "responsible_person": "包保责任人",
}

_MAX_LENGTH = {
    "name": 128,
    "address": 256,
    "general_contractor": 128,
    "subcontractor": 128,
    "labor_officer_name": 64,
    "responsible_person": 64,
}
_REQUIRED = ("name", "general_contractor")
# People's own phones: a mobile or a landline, never a service number.
_PERSON_PHONES = ("labor_officer_phone", "manager_phone")
_COMPLAINT_PHONES = ("complaint_phone_hrss", "complaint_phone_housing", "complaint_phone_national")
# Monthly minimum wages in China lie between about 1,500 and 2,700 yuan; the bounds
# only catch a daily or hourly figure typed into the monthly field.
MIN_WAGE_RANGE = (1000, 10000)


class CleanProject(Cleaned):
    """The outcome of validating one project: stored values, or the reasons it failed."""


def clean_project(raw: Mapping[str, Any], *, partial: bool = False) -> CleanProject:
    """Validate ``raw`` (field -> value as typed). With ``partial`` only the fields
    present are checked and returned (for edits)."""
    out = CleanProject()
    c = Cleaner(raw, out, partial=partial)
    for name, limit in _MAX_LENGTH.items():
        c.field(name, lambda _v, n=name, m=limit: _text(raw, n, m))
    c.field("notes", coerce.text)
    c.field("responsible_org", lambda _v: _unit(raw, "responsible_org"))
    for name in _PERSON_PHONES:
        c.field(name, lambda _v, n=name: _phone(raw, n, False))
    for name in _COMPLAINT_PHONES:
        c.field(name, lambda _v, n=name: _phone(raw, n, True))
    if "complaint_phone_national" in out.values and not out.values["complaint_phone_national"]:
        out.values["complaint_phone_national"] = NATIONAL_HOTLINE
    c.field("min_wage", lambda _v: _number(raw, "min_wage", *MIN_WAGE_RANGE))
    c.field("pay_day", lambda _v: _number(raw, "pay_day", 1, 31))
    for name in ("start_date", "end_date"):
        c.field(name, lambda v, n=name: coerce.day(v, n, LABELS[n]))
    start, end = out.values.get("start_date"), out.values.get("end_date")
    if start and end and end < start:
        out.errors.append(
            FieldError(
                "end_date", "竣工日期早于开工日期", "end_date before start_date", reason="order"
            )
        )
    return out


def _text(raw: Mapping[str, Any], name: str, limit: int) -> str:
    value = coerce.text(raw.get(name))
    label = LABELS[name]
    if name in _REQUIRED and not value:
        raise FieldError(name, f"请填写{label}", f"{name}: required", reason="required")
    if len(value) > limit:
        raise FieldError(
            name,
            f"{label}太长（最多{limit}个字，实为{len(value)}个）",
            f"{name}: {len(value)} characters, at most {limit}",
            reason="length",
        )
    return value


def _unit(raw: Mapping[str, Any], name: str) -> str | None:
    """A unit of the county typed as its code or its name (太平镇, 庄里村), as its
    12-digit code; blank is none."""
    text = coerce.text(raw.get(name))
    if not text:
        return None
    directory = load_zoucheng()
    if text.isdigit():
        try:
            code = normalize_org_code(text)
        except FieldError as err:
            raise FieldError(name, err.message, err.message_en, reason=err.reason) from None
        if directory.find(code) is not None:
            return code
    else:
        named = [u for u in directory.search(text, limit=5) if text in (u.name, u.short_name)]
        if len(named) == 1:
            return named[0].code
    raise FieldError(
        name,
        f"{LABELS[name]}“{text}”不是本县的单位（填单位代码或全名，如 太平镇）",
        f"{name}: unknown unit {text!r}",
        reason="unit",
    )


def _number(raw: Mapping[str, Any], name: str, low: int, high: int) -> int | None:
    return coerce.whole_number(raw.get(name), name, LABELS[name], minimum=low, maximum=high)


def _phone(raw: Mapping[str, Any], name: str, service: bool) -> str:
    value = raw.get(name)
    if coerce.is_blank(value):
        return ""
    try:
        return normalize_phone(str(value), allow_service=service)
    except FieldError as err:
        # The phone module speaks of "电话" or "手机号"; say which of the project's phones.
        label = LABELS[name]
        message = (
            label + err.message.removeprefix("电话")
            if err.message.startswith("电话")
            else f"{label}：{err.message}"
        )
        raise FieldError(name, message, f"{name}: {err.message_en}", reason=err.reason) from None
