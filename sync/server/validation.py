"""Checks on one pushed mutation before it is merged; each failure is a per-item
rejection with a Chinese and an English reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sync.hlc import is_stamp
from sync.protocol import CREATE, OPS, REJECT_INVALID
from sync.schema import ORG_CODE, RECORD_TYPES
from sync.server.record_check import problem_with

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_ID = re.compile(r"^[0-9A-Za-z-]{1,36}$")
_MAX_FIELDS = 128


@dataclass(frozen=True)
class Rejection:
    code: str
    message: str
    message_en: str


@dataclass(frozen=True)
class CheckedMutation:
    mutation_id: str
    record_type: str
    record_id: str
    op: str
    fields: dict[str, Any]
    hlc: str
    base: dict[str, str] = field(default_factory=dict)


def invalid(detail_zh: str, detail_en: str) -> Rejection:
    return Rejection(
        REJECT_INVALID, f"数据格式不正确：{detail_zh}", f"malformed mutation: {detail_en}"
    )


def check(raw: Any) -> CheckedMutation | Rejection:
    """The mutation in typed form, or why it cannot be applied at all."""
    if not isinstance(raw, dict):
        return invalid("不是对象", "not an object")
    mutation_id, record_id = raw.get("mutation_id"), raw.get("record_id")
    record_type, op = raw.get("record_type"), raw.get("op")
    fields, hlc, base = raw.get("fields"), raw.get("hlc"), raw.get("base") or {}
    if not isinstance(mutation_id, str) or not _ID.match(mutation_id):
        return invalid("缺少变更编号", "missing or bad mutation_id")
    if not isinstance(record_id, str) or not _ID.match(record_id):
        return invalid("缺少记录编号", "missing or bad record_id")
    if record_type not in RECORD_TYPES:
        return invalid(f"未知的记录种类 {record_type!r}", f"unknown record_type {record_type!r}")
    if op not in OPS:
        return invalid(f"未知的操作 {op!r}", f"unknown op {op!r}")
    if not isinstance(fields, dict) or len(fields) > _MAX_FIELDS:
        return invalid("字段不是对象", "fields is not an object")
    bad = next((name for name in fields if not _NAME.match(name)), None)
    if bad is not None:
        return invalid(f"字段名不合法 {bad!r}", f"bad field name {bad!r}")
    if not isinstance(hlc, str):
        return invalid("缺少时间戳", "missing hlc")
    if not is_stamp(hlc):
        return invalid("时间戳格式不对", "hlc is not a stamp")
    # ``base`` is only compared with stored stamps: any text will do, but bounded.
    if (
        not isinstance(base, dict)
        or len(base) > _MAX_FIELDS
        or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) <= 64 and len(v) <= 96
            for k, v in base.items()
        )
    ):
        return invalid("base 不是对象", "base is not an object of stamps")
    if op == CREATE and ORG_CODE not in fields:
        return invalid("新建记录缺少区划代码", "create without org_code")
    if not _encodable(fields):
        return invalid("文字中有无法识别的字符", "a text value is not valid Unicode")
    problem = problem_with(record_type, fields)
    if problem is not None:
        return invalid(*problem)
    return CheckedMutation(mutation_id, record_type, record_id, op, fields, hlc, base)


def _encodable(value: Any) -> bool:
    """False when some string in ``value`` cannot be stored as UTF-8 (a lone surrogate
    such as JSON ``"\\ud800"``): storing it would fail the whole batch's transaction."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True
