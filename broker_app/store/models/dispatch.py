"""劳务输出批次 DispatchBatch and its members: an organised group sent to an employer."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, SyncedRecord


class DispatchBatch(SyncedRecord, Base):
    __tablename__ = "dispatch_batch"
    record_type = "batch"

    name: Mapped[str] = mapped_column(String(128))
    employer: Mapped[str] = mapped_column(String(128))
    project: Mapped[str] = mapped_column(String(128), default="")
    #: The construction project the batch goes to, chosen by the broker (its rights
    #: cards are issued on it); no foreign key, as sync may bring the two apart.
    project_id: Mapped[str | None] = mapped_column(String(36))
    destination: Mapped[str] = mapped_column(String(128), default="")
    place_tier: Mapped[str] = mapped_column(String(16))
    departure_date: Mapped[date | None] = mapped_column(Date)
    transport: Mapped[str] = mapped_column(String(64), default="")
    leader_name: Mapped[str] = mapped_column(String(64), default="")
    leader_phone: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "name", "employer", "project", "destination", "place_tier", "departure_date",
        "transport", "leader_name", "leader_phone", "status", "notes", "project_id",
    )  # fmt: skip

    __table_args__ = (Index("ix_dispatch_batch_departure", "archived", "departure_date"),)


class DispatchMember(SyncedRecord, Base):
    """A worker in a batch; its own record so two stations can add members concurrently."""

    __tablename__ = "dispatch_member"
    record_type = "batch_member"

    batch_id: Mapped[str] = mapped_column(ForeignKey("dispatch_batch.id"))
    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"))
    match_id: Mapped[str | None] = mapped_column(String(36))
    work_type: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "batch_id", "worker_id", "match_id", "work_type", "notes",
    )  # fmt: skip

    __table_args__ = (
        Index("ix_dispatch_member_batch", "batch_id"),
        Index("ix_dispatch_member_worker", "worker_id"),
    )
