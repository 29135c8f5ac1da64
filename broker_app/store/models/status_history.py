"""The history of each worker's employment status: one event per change, with the
day it took effect, so monthly statistics can say who worked at a month's end.

Local to this station (never synced): every station records the changes it writes
or receives, on the day it learns of them, or on the day the record itself gives
(the job's start or end).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base


class WorkerStatusEvent(Base):
    __tablename__ = "worker_status_event"
    __table_args__ = (
        Index("ix_worker_status_event_worker_day", "worker_id", "day"),
        # Each worker's latest event up to a day, read from the index alone (the
        # stock figures of a past month).
        Index(
            "ix_worker_status_event_latest",
            "worker_id",
            "day",
            "org_code",
            "employment_status",
            "place_tier",
            "archived",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    worker_id: Mapped[str] = mapped_column(String(36))
    #: The day the status took effect.
    day: Mapped[date] = mapped_column(Date, index=True)
    employment_status: Mapped[str] = mapped_column(String(16))
    place_tier: Mapped[str] = mapped_column(String(16))
    org_code: Mapped[str] = mapped_column(String(12))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
