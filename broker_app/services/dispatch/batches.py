"""劳务输出批次 use cases: list, create, edit, cancel, and move a batch along.

Members are their own synced records (two stations may add people to one batch at
the same time); adding and removing them lives in ``dispatch_members``. What a
departure or an arrival writes into the members' employment records is decided in
``domain.dispatch.employment`` and applied by ``dispatch_journey``, in the same
transaction as the status change.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.common.errors import FieldError, InvalidInput, UserError
from broker_app.domain.dispatch.query import BatchFilter
from broker_app.domain.dispatch.rules import EDITABLE_FIELDS, clean_batch, default_batch_name
from broker_app.domain.dispatch.status import (
    MEMBERS_EDITABLE,
    batch_status,
    check_batch_transition,
    next_batch_statuses,
)
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.dispatch.journey import JourneyReport, apply_journey
from broker_app.store.models.card import Project
from broker_app.store.models.dispatch import DispatchBatch
from broker_app.store.repositories import dispatch as queries
from broker_app.store.repositories import records
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)


class InvalidBatch(InvalidInput):
    """The input breaks one or more rules; ``errors`` says which, field by field."""


class BatchNotFound(UserError, LookupError):
    def __init__(self, batch_id: str) -> None:
        super().__init__(f"找不到该劳务输出批次（{batch_id}）", f"no dispatch batch {batch_id}")
        self.batch_id = batch_id


@dataclass(frozen=True)
class BatchStatusChanged:
    batch_id: str
    status: BatchStatus
    changes: list[Change]
    #: What the move wrote into the members' records, and what it had to skip.
    report: JourneyReport = field(default_factory=JourneyReport)


class DispatchService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def list_batches(self, flt: BatchFilter | None = None) -> list[queries.BatchRow]:
        with self.store.read() as session:
            return queries.list_batches(session, flt or BatchFilter())

    def batch(self, batch_id: str) -> dict[str, Any]:
        """Stored fields plus ``id``, ``next`` (statuses it may move to) and
        ``members_editable``."""
        with self.store.read() as session:
            batch = get_batch(session, batch_id)
            values = {name: getattr(batch, name) for name in DispatchBatch.sync_fields}
            status = batch_status(batch.status)
            return {
                "id": batch.id,
                **values,
                "next": next_batch_statuses(batch.status),
                "members_editable": status in MEMBERS_EDITABLE,
            }

    def members(self, batch_id: str) -> list[queries.MemberRow]:
        with self.store.read() as session:
            get_batch(session, batch_id)
            return queries.members(session, batch_id)

    # -- writes ------------------------------------------------------------------
    def create_batch(self, raw: Mapping[str, Any]) -> Change:
        """A new batch in 筹备, owned by this station's org unit."""
        cleaned = clean_batch(raw)
        if not cleaned.ok:
            raise InvalidBatch(cleaned.errors)
        with self.store.write() as session:
            org = get_station(session).org_code
            if not org:
                raise LookupError("驿站尚未设置所属村/镇街")
            _link_project(session, cleaned.values)
            values = {**cleaned.values, "org_code": org, "status": BatchStatus.PREPARING.value}
            batch = self.store.writer(session).create(DispatchBatch, values)
            batch_id = batch.id
        log.info("created dispatch batch %s", batch_id)
        return Change(RecordKind.BATCH, Op.CREATE, (batch_id,))

    def edit_batch(self, batch_id: str, raw: Mapping[str, Any]) -> Change:
        """Change the fields present in ``raw``; a finished batch keeps all but its notes."""
        with self.store.write() as session:
            batch = get_batch(session, batch_id)
            current = {name: getattr(batch, name) for name in EDITABLE_FIELDS}
            cleaned = clean_batch(raw, partial=True, current=current)
            if not cleaned.ok:
                raise InvalidBatch(cleaned.errors)
            if batch.status == BatchStatus.FINISHED.value:
                frozen = [
                    n for n, v in cleaned.values.items() if n != "notes" and v != current.get(n)
                ]
                if frozen:
                    raise InvalidBatch(
                        [
                            FieldError(
                                frozen[0],
                                "批次已结束，只能修改备注",
                                f"batch {batch_id} is finished; only notes may change",
                                reason="finished",
                            )
                        ]
                    )
            departed = batch.status != BatchStatus.PREPARING.value
            undated = "departure_date" in cleaned.values and not cleaned.values["departure_date"]
            if departed and undated:
                raise InvalidBatch(
                    [
                        FieldError(
                            "departure_date",
                            "批次已出发，出发日期不能为空",
                            "departure_date required once departed",
                            reason="required",
                        )
                    ]
                )
            if (
                cleaned.values.get("project_id")
                and cleaned.values["project_id"] != batch.project_id
            ):
                _link_project(session, cleaned.values, current=batch.project)
            changed = self.store.writer(session).update(batch, cleaned.values)
        return Change(RecordKind.BATCH, Op.UPDATE, (batch_id,), frozenset(changed))

    def cancel_batch(self, batch_id: str) -> list[Change]:
        """A batch that will not leave: archived with its members (only while 筹备)."""
        with self.store.write() as session:
            batch = get_batch(session, batch_id)
            if batch.status != BatchStatus.PREPARING.value:
                status = batch_status(batch.status)
                label = status.label if status else batch.status
                raise InvalidBatch(
                    [
                        FieldError(
                            "status",
                            f"批次已“{label}”，不能取消；请把状态改为“结束”",
                            f"batch {batch_id} in status {batch.status} cannot be cancelled",
                            reason="move",
                        )
                    ]
                )
            writer = self.store.writer(session)
            member_ids = []
            for member in queries.member_records(session, batch_id):
                writer.archive(member)
                member_ids.append(member.id)
            writer.archive(batch)
        log.info("cancelled dispatch batch %s (%d members)", batch_id, len(member_ids))
        changes = [Change(RecordKind.BATCH, Op.ARCHIVE, (batch_id,), frozenset({"archived"}))]
        if member_ids:
            changes.append(
                Change(
                    RecordKind.BATCH_MEMBER, Op.ARCHIVE, tuple(member_ids), frozenset({"archived"})
                )
            )
        return changes

    def change_status(
        self,
        batch_id: str,
        status: str,
        day: date | None = None,
        today: date | None = None,
    ) -> BatchStatusChanged:
        """Move the batch to ``status`` (value or label) on ``day`` (default today).

        已出发 needs members and sets the departure date to ``day``; 已到岗 cannot be
        dated before the departure. The members' records follow (see the module doc
        of ``domain.dispatch.employment``).
        """
        today = today or date.today()
        day = day or today
        with self.store.write() as session:
            batch = get_batch(session, batch_id)
            target = check_batch_transition(batch.status, status)
            if day > today:
                raise FieldError(
                    "date", "日期不能晚于今天", f"status date {day} after today", reason="future"
                )
            members = queries.member_records(session, batch_id)
            changes_to_batch: dict[str, Any] = {"status": target.value}
            if target is BatchStatus.DEPARTED:
                if not members:
                    raise FieldError(
                        "members",
                        "批次还没有人员，不能出发",
                        "a batch without members cannot depart",
                        reason="empty",
                    )
                changes_to_batch["departure_date"] = day
                if batch.name == default_batch_name(batch.employer, batch.departure_date):
                    # The default name carries the planned day: keep it true.
                    changes_to_batch["name"] = default_batch_name(batch.employer, day)
            elif (
                target is BatchStatus.ARRIVED
                and batch.departure_date
                and day < batch.departure_date
            ):
                raise FieldError(
                    "date",
                    f"到岗日期不能早于出发日期（{batch.departure_date.isoformat()}）",
                    f"arrival {day} before departure {batch.departure_date}",
                    reason="order",
                )
            writer = self.store.writer(session)
            changed = writer.update(batch, changes_to_batch)
            report = apply_journey(session, writer, batch, members, target, day, today)
        changes = [Change(RecordKind.BATCH, Op.UPDATE, (batch_id,), frozenset(changed))]
        changes.extend(report.changes)
        log.info(
            "batch %s now %s (%d workers updated, %d matches on duty)",
            batch_id, target.value, len(report.worker_ids), len(report.match_ids),
        )  # fmt: skip
        return BatchStatusChanged(batch_id, target, changes, report)


def get_batch(session: Transaction, batch_id: str) -> DispatchBatch:
    batch = queries.get_batch(session, batch_id)
    if batch is None:
        raise BatchNotFound(batch_id)
    return batch


def _link_project(session: Transaction, values: dict[str, Any], current: str = "") -> None:
    """Check the chosen project exists; the batch's 项目 text names it when the broker
    typed none (the dispatch list prints that text)."""
    project_id = values.get("project_id")
    if not project_id:
        return
    project = records.by_id(session, Project, project_id)
    if project is None or project.archived:
        raise InvalidBatch(
            [
                FieldError(
                    "project_id",
                    "找不到所选的工程项目，请重新选择",
                    f"no project {project_id}",
                    reason="unknown",
                )
            ]
        )
    if not values.get("project", current):
        values["project"] = project.name
