"""跟踪服务记录 and 培训记录: their fields, list columns and service calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from broker_app.domain.common.enums import FollowUpKind, TrainingKind
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.changes import Change, RecordKind
from broker_app.ui.i18n import QT_TRANSLATE_NOOP
from broker_app.ui.worker_editor.fields import FieldSpec

Values = Mapping[str, Any]


@dataclass(frozen=True)
class RecordForm:
    """How the worker editor shows one kind of assistance record."""

    record_kind: RecordKind
    #: Marked in the "labels" context.
    title: str
    fields: tuple[FieldSpec, ...]
    columns: tuple[str, ...]
    list: Callable[[AssistanceService, str], list[dict[str, Any]]]
    #: (service, worker id, values)
    add: Callable[[AssistanceService, str, Values], Change]
    #: (service, record id, values)
    edit: Callable[[AssistanceService, str, Values], Change]

    def spec(self, name: str) -> FieldSpec:
        return next(spec for spec in self.fields if spec.name == name)


FOLLOW_UP = RecordForm(
    record_kind=RecordKind.FOLLOW_UP,
    title=QT_TRANSLATE_NOOP("labels", "跟踪服务记录"),
    fields=(
        FieldSpec("date", "date", label=QT_TRANSLATE_NOOP("labels", "服务日期")),
        FieldSpec(
            "kind",
            "choice",
            label=QT_TRANSLATE_NOOP("labels", "服务方式"),
            choices=FollowUpKind,
            required=True,
        ),
        FieldSpec("content", "multiline", label=QT_TRANSLATE_NOOP("labels", "服务内容")),
        FieldSpec("result", label=QT_TRANSLATE_NOOP("labels", "服务结果")),
        FieldSpec("operator", label=QT_TRANSLATE_NOOP("labels", "经办人")),
    ),
    columns=("date", "kind", "content", "result", "operator"),
    list=lambda service, worker_id: service.follow_ups(worker_id),
    add=lambda service, worker_id, values: service.add_follow_up(worker_id, values),
    edit=lambda service, record_id, values: service.edit_follow_up(record_id, values),
)

TRAINING = RecordForm(
    record_kind=RecordKind.TRAINING,
    title=QT_TRANSLATE_NOOP("labels", "培训记录"),
    fields=(
        FieldSpec(
            "kind",
            "choice",
            label=QT_TRANSLATE_NOOP("labels", "培训类别"),
            choices=TrainingKind,
            required=True,
        ),
        FieldSpec("course", label=QT_TRANSLATE_NOOP("labels", "培训项目")),
        FieldSpec("provider", label=QT_TRANSLATE_NOOP("labels", "培训机构")),
        FieldSpec("start_date", "date", label=QT_TRANSLATE_NOOP("labels", "开始日期")),
        FieldSpec("end_date", "date", label=QT_TRANSLATE_NOOP("labels", "结束日期")),
        FieldSpec("hours", "number", label=QT_TRANSLATE_NOOP("labels", "学时")),
        FieldSpec("certificate", label=QT_TRANSLATE_NOOP("labels", "所获证书")),
        FieldSpec("passed", "yes_no", label=QT_TRANSLATE_NOOP("labels", "是否结业")),
    ),
    columns=("kind", "course", "provider", "start_date", "end_date", "hours", "passed"),
    list=lambda service, worker_id: service.trainings(worker_id),
    add=lambda service, worker_id, values: service.add_training(worker_id, values),
    edit=lambda service, record_id, values: service.edit_training(record_id, values),
)
