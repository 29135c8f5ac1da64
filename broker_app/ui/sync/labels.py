"""Chinese names for what the sync page lists: record kinds, conflict kinds, why the
server refused an edit, and stored values."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from broker_app.ui.i18n import QT_TRANSLATE_NOOP, field_label

_CONTEXT = "sync"

_RECORD_TYPES = {
    "worker": QT_TRANSLATE_NOOP(_CONTEXT, "劳动力"),
    "job": QT_TRANSLATE_NOOP(_CONTEXT, "岗位"),
    "match": QT_TRANSLATE_NOOP(_CONTEXT, "匹配"),
    "batch": QT_TRANSLATE_NOOP(_CONTEXT, "输出批次"),
    "batch_member": QT_TRANSLATE_NOOP(_CONTEXT, "批次人员"),
    "project": QT_TRANSLATE_NOOP(_CONTEXT, "工程项目"),
    "card": QT_TRANSLATE_NOOP(_CONTEXT, "维权卡"),
    "follow_up": QT_TRANSLATE_NOOP(_CONTEXT, "走访记录"),
    "training": QT_TRANSLATE_NOOP(_CONTEXT, "培训记录"),
    "wage_clue": QT_TRANSLATE_NOOP(_CONTEXT, "欠薪线索"),
    "inspection": QT_TRANSLATE_NOOP(_CONTEXT, "项目检查"),
    "site_problem": QT_TRANSLATE_NOOP(_CONTEXT, "发现问题"),
}
_OPS = {
    "create": QT_TRANSLATE_NOOP(_CONTEXT, "新增"),
    "update": QT_TRANSLATE_NOOP(_CONTEXT, "修改"),
    "archive": QT_TRANSLATE_NOOP(_CONTEXT, "归档"),
}
_CONFLICT_KINDS = {
    "field": QT_TRANSLATE_NOOP(_CONTEXT, "同时修改"),
    "duplicate_person": QT_TRANSLATE_NOOP(_CONTEXT, "同一身份证号重复登记"),
    "clock": QT_TRANSLATE_NOOP(_CONTEXT, "电脑时钟偏差"),
}
_REJECTION_CODES = {
    "scope": QT_TRANSLATE_NOOP(_CONTEXT, "超出本驿站辖区"),
    "invalid": QT_TRANSLATE_NOOP(_CONTEXT, "数据不合要求"),
    "unknown_record": QT_TRANSLATE_NOOP(_CONTEXT, "服务器上没有这条记录"),
    "clock": QT_TRANSLATE_NOOP(_CONTEXT, "电脑时钟不对"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def record_type_label(record_type: str) -> str:
    text = _RECORD_TYPES.get(record_type)
    return _tr(text) if text else record_type


def op_label(op: str) -> str:
    text = _OPS.get(op)
    return _tr(text) if text else op


def conflict_kind_label(kind: str) -> str:
    text = _CONFLICT_KINDS.get(kind)
    return _tr(text) if text else kind


def field_name_label(field: str | None) -> str:
    return field_label(field) if field else ""


def rejection_reason(reason: str) -> str:
    """The Chinese part of a stored refusal (``code: 中文 / English``)."""
    chinese = reason.split(" / ", 1)[0]
    code, sep, message = chinese.partition(": ")
    if not sep:
        return chinese
    if message:  # the server's own sentence says more than the code
        return message
    label = _REJECTION_CODES.get(code)
    return _tr(label) if label else code


def value_text(value: object) -> str:
    if value is None or value == "":
        return _tr("（空）")
    if isinstance(value, bool):
        return _tr("是") if value else _tr("否")
    if isinstance(value, list | tuple):
        return "、".join(value_text(v) for v in value)
    return str(value)


def moment_text(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else _tr("从未")
