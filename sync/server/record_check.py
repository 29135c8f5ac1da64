"""A pushed record's fields against its kind's schema (``sync.record_fields``).

What the server stores every station must be able to store and merge: a value the
desktop's column cannot hold (an integer past 64 bits, JSON nested hundreds deep, a
date that is no date, text of megabytes) is refused here, per item, never stored.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from sync import record_fields as rf
from sync.server.scope import is_org_code

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_REF = re.compile(r"[0-9A-Za-z-]{1,36}", re.ASCII)
_OBJECT_KEY = re.compile(r"[a-z][a-z0-9_]{0,31}", re.ASCII)

Problem = tuple[str, str]


def problem_with(record_type: str, fields: dict[str, Any]) -> Problem | None:
    """Why these fields cannot be stored for a record of ``record_type`` (Chinese,
    English), or None. A required field a new record lacks is no danger (a station
    holds such a record aside until a version that has it arrives) and passes."""
    specs = rf.FIELDS[record_type]
    unknown = [name for name in fields if name not in specs]
    if len(unknown) > rf.MAX_UNKNOWN_FIELDS:
        return (
            f"未知字段太多（{len(unknown)} 个）",
            f"too many unknown fields ({len(unknown)})",
        )
    for name in unknown:
        if not _small_json(fields[name]):
            return (f"未知字段 {name} 的值太大或嵌套太深", f"unknown field {name} too large")
    for name, value in fields.items():
        spec = specs.get(name)
        if spec is None:
            continue
        why = _value_problem(spec, value)
        if why is not None:
            return (f"字段 {name}：{why[0]}", f"field {name}: {why[1]}")
    return None


def _value_problem(spec: rf.FieldSpec, value: Any) -> Problem | None:
    if value is None:
        return None if spec.nullable else ("不能为空", "must not be null")
    kind = spec.kind
    if kind == rf.TEXT:
        if not isinstance(value, str):
            return ("应为文字", "must be text")
        if spec.codes is not None:
            if value in spec.codes or (value == "" and spec.nullable):
                return None
            return (f"不是可用的代码 {value[:32]!r}", f"unknown code {value[:32]!r}")
        if len(value) > spec.max_len:
            return (f"超过 {spec.max_len} 个字", f"longer than {spec.max_len} characters")
        return None
    if kind == rf.INT:
        if type(value) is not int or not rf.INT_MIN <= value <= rf.INT_MAX:
            return ("应为64位以内的整数", "must be a 64-bit integer")
        return None
    if kind == rf.FLOAT:
        if type(value) not in (int, float) or not math.isfinite(value) or abs(value) > 1e15:
            return ("应为有限的数", "must be a finite number")
        return None
    if kind == rf.BOOL:
        return None if isinstance(value, bool) else ("应为真或假", "must be a boolean")
    if kind == rf.DATE:
        return None if _is_date(value) else ("应为日期 YYYY-MM-DD", "must be a YYYY-MM-DD date")
    if kind == rf.ORG:
        return None if is_org_code(value) else ("应为12位区划代码", "must be a 12-digit org code")
    if kind == rf.REF:
        if isinstance(value, str) and _REF.fullmatch(value):
            return None
        return ("应为记录编号", "must be a record id")
    if kind == rf.LIST:
        return _list_problem(spec, value)
    raise AssertionError(f"unknown field kind {kind}")


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _list_problem(spec: rf.FieldSpec, value: Any) -> Problem | None:
    if not isinstance(value, list):
        return ("应为列表", "must be a list")
    if len(value) > rf.LIST_ITEMS:
        return (f"超过 {rf.LIST_ITEMS} 项", f"more than {rf.LIST_ITEMS} items")
    for item in value:
        ok = _object_ok(item, spec.max_len) if spec.objects else _text_ok(item, spec.max_len)
        if not ok:
            return ("列表中有不合格的项", "a list item has the wrong type or size")
    return None


def _text_ok(item: Any, max_len: int) -> bool:
    return isinstance(item, str) and len(item) <= max_len


def _object_ok(item: Any, max_len: int) -> bool:
    """A flat object of short scalars (a match's history entry)."""
    if not isinstance(item, dict) or len(item) > rf.OBJECT_KEYS:
        return False
    for key, value in item.items():
        if not isinstance(key, str) or _OBJECT_KEY.fullmatch(key) is None:
            return False
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, str):
            if len(value) > max_len:
                return False
        elif type(value) is int:
            if not rf.INT_MIN <= value <= rf.INT_MAX:
                return False
        elif type(value) is float:
            if not math.isfinite(value):
                return False
        else:
            return False
    return True


def _small_json(value: Any) -> bool:
    """A value of an unknown field: shallow, small, and storable by every station."""
    if _depth(value, rf.MAX_UNKNOWN_DEPTH) > rf.MAX_UNKNOWN_DEPTH:
        return False
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return len(text.encode("utf-8", "surrogatepass")) <= rf.MAX_UNKNOWN_BYTES and _ints_fit(value)


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of ``value`` (a scalar is 0), counted no further than ``limit`` + 1
    and without recursion, so a value nested thousands deep costs nothing."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            level += 1
            deepest = max(deepest, level)
            if level > limit:
                return level
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level) for child in children)
    return deepest


def _ints_fit(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is int and not rf.INT_MIN <= item <= rf.INT_MAX:
            return False
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True
