"""跟踪服务记录 and 培训记录 of one worker: the rows behind the 就业帮扶台账."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from broker_app.domain.common import coerce
from broker_app.domain.common.enums import FollowUpKind, TrainingKind
from broker_app.domain.common.errors import FieldError, InvalidInput
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.store.base import SyncedRecord
from broker_app.store.models.assistance import FollowUp, Training
from broker_app.store.repositories import assistance as assistance_repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.repositories.records import by_id
from broker_app.store.store import Store


class InvalidRecord(InvalidInput):
    """The input breaks one or more rules; ``errors`` says which, field by field."""


def clean_follow_up(raw: Mapping[str, Any], today: date) -> dict[str, Any]:
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    try:
        values["date"] = coerce.day(raw.get("date"), "date", "日期") or today
        if values["date"] > today:
            raise FieldError("date", "跟踪日期不能晚于今天", "follow-up date in the future")
    except FieldError as err:
        errors.append(err)
    try:
        kind = coerce.choice(raw.get("kind"), FollowUpKind, "kind", "服务方式")
        values["kind"] = (kind or FollowUpKind.VISIT).value
    except FieldError as err:
        errors.append(err)
    values["content"] = coerce.text(raw.get("content"))
    values["result"] = coerce.text(raw.get("result"))
    values["operator"] = coerce.text(raw.get("operator"))
    if not values["content"]:
        errors.append(
            FieldError("content", "请填写服务内容", "content required", reason="required")
        )
    if errors:
        raise InvalidRecord(errors)
    return values


def clean_training(raw: Mapping[str, Any]) -> dict[str, Any]:
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    try:
        kind = coerce.choice(raw.get("kind"), TrainingKind, "kind", "培训类别")
        values["kind"] = (kind or TrainingKind.VOCATIONAL).value
    except FieldError as err:
        errors.append(err)
    values["course"] = coerce.text(raw.get("course"))
    if not values["course"]:
        errors.append(FieldError("course", "请填写培训项目", "course required", reason="required"))
    values["provider"] = coerce.text(raw.get("provider"))
    values["certificate"] = coerce.text(raw.get("certificate"))
    for name, label in (("start_date", "开始日期"), ("end_date", "结束日期")):
        try:
            values[name] = coerce.day(raw.get(name), name, label)
        except FieldError as err:
            errors.append(err)
    try:
        values["hours"] = coerce.whole_number(raw.get("hours"), "hours", "学时", maximum=2000)
        values["passed"] = coerce.flag(raw.get("passed"), "passed", "是否结业")
    except FieldError as err:
        errors.append(err)
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        errors.append(FieldError("end_date", "结束日期早于开始日期", "end before start"))
    if errors:
        raise InvalidRecord(errors)
    return values


class AssistanceService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def follow_ups(self, worker_id: str) -> list[dict[str, Any]]:
        return self._list(FollowUp, worker_id, FollowUp.date.desc())

    def trainings(self, worker_id: str) -> list[dict[str, Any]]:
        return self._list(Training, worker_id, Training.end_date.desc())

    def add_follow_up(
        self, worker_id: str, raw: Mapping[str, Any], today: date | None = None
    ) -> Change:
        return self._add(FollowUp, worker_id, clean_follow_up(raw, today or date.today()))

    def edit_follow_up(
        self, record_id: str, raw: Mapping[str, Any], today: date | None = None
    ) -> Change:
        return self._edit(FollowUp, record_id, clean_follow_up(raw, today or date.today()))

    def add_training(self, worker_id: str, raw: Mapping[str, Any]) -> Change:
        return self._add(Training, worker_id, clean_training(raw))

    def edit_training(self, record_id: str, raw: Mapping[str, Any]) -> Change:
        return self._edit(Training, record_id, clean_training(raw))

    def _list(
        self, cls: type[FollowUp] | type[Training], worker_id: str, order: Any
    ) -> list[dict[str, Any]]:
        with self.store.read() as session:
            records = assistance_repo.of_worker(session, cls, worker_id, order)
            return [{"id": r.id, **{f: getattr(r, f) for f in cls.sync_fields}} for r in records]

    def _add(self, cls: type[SyncedRecord], worker_id: str, values: dict[str, Any]) -> Change:
        with self.store.write() as session:
            worker = worker_repo.get(session, worker_id)
            if worker is None:
                raise LookupError(f"找不到该劳动力记录（{worker_id}）")
            record = self.store.writer(session).create(
                cls, {**values, "worker_id": worker_id, "org_code": worker.org_code}
            )
            return Change(
                RecordKind(cls.record_type), Op.CREATE, (record.id,), frozenset({"worker_id"})
            )

    def _edit(self, cls: type[SyncedRecord], record_id: str, values: dict[str, Any]) -> Change:
        with self.store.write() as session:
            record = by_id(session, cls, record_id)
            if record is None:
                raise LookupError(f"找不到该记录（{record_id}）")
            changed = self.store.writer(session).update(record, values)
            return Change(RecordKind(cls.record_type), Op.UPDATE, (record_id,), frozenset(changed))
