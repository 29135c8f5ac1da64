"""跟踪服务记录 FollowUp and 培训记录 Training, the rows of the 就业帮扶台账."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, SyncedRecord


class FollowUp(SyncedRecord, Base):
    __tablename__ = "follow_up"
    record_type = "follow_up"

    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"))
    date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(24))
    content: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(String(64), default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "worker_id", "date", "kind", "content", "result", "operator",
    )  # fmt: skip

    __table_args__ = (
        Index("ix_follow_up_worker", "worker_id", "date"),
        # A worker's latest live follow-up in one index seek (the triggers' recount of
        # ``worker_last_follow_up``), and a month's follow-ups without a scan (the
        # monthly statistics).
        Index("ix_follow_up_worker_live", "worker_id", "archived", "date"),
        Index("ix_follow_up_date", "date", "archived", "worker_id"),
    )


class WorkerLastFollowUp(Base):
    """The day of each worker's latest live 跟踪服务记录 (no row: none), kept by
    SQLite triggers on ``follow_up`` (migration 0012), so every write path keeps it:
    the record writer, sync apply, bulk loads, archiving and deletes.

    The 帮扶预警 list asks this for each of ~250,000 priority-group people at a
    county; one seek in this narrow table costs about half the seek for the
    latest date among the worker's follow-ups. It never travels over sync: each
    station derives it from its own follow-ups. Triggers on this table copy the
    day onto the worker row (``Worker.last_follow_up``, migration 0015), where
    ``ix_worker_stats`` carries it for the summary by village. A migration that
    rebuilds ``follow_up``, this table or ``worker`` (a batch ALTER on SQLite copies
    the table) drops their triggers and must create them again (as 0012 and 0015
    do); tests check they are there at head.
    """

    __tablename__ = "worker_last_follow_up"
    worker_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    __table_args__ = ({"sqlite_with_rowid": False},)


class Training(SyncedRecord, Base):
    __tablename__ = "training"
    record_type = "training"

    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"))
    kind: Mapped[str] = mapped_column(String(24))
    course: Mapped[str] = mapped_column(String(128))
    provider: Mapped[str] = mapped_column(String(128), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    hours: Mapped[int | None] = mapped_column(Integer)
    certificate: Mapped[str] = mapped_column(String(128), default="")
    passed: Mapped[bool | None] = mapped_column(Boolean)

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "worker_id", "kind", "course", "provider", "start_date", "end_date", "hours",
        "certificate", "passed",
    )  # fmt: skip

    __table_args__ = (Index("ix_training_worker", "worker_id"),)
