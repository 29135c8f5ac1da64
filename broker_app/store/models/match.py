"""匹配 Match: one worker put forward for one job, and how it went."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, JsonList, SyncedRecord


class Match(SyncedRecord, Base):
    __tablename__ = "match"
    record_type = "match"

    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"))
    job_id: Mapped[str] = mapped_column(ForeignKey("job_posting.id"))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(JsonList, default=list)
    status: Mapped[str] = mapped_column(String(16))
    # [{"status": ..., "date": "YYYY-MM-DD", "note": ...}, ...] oldest first.
    history: Mapped[list[Any]] = mapped_column(JsonList, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "worker_id", "job_id", "score", "reasons", "status", "history", "notes",
    )  # fmt: skip

    __table_args__ = (
        Index("ix_match_worker", "worker_id"),
        Index("ix_match_job", "job_id"),
        Index("ix_match_status", "archived", "status"),
    )
