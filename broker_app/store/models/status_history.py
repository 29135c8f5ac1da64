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


class WorkerStatusLatest(Base):
    """Each worker's latest status event (by day, then by the order events were
    recorded in), with the priority-group fields of its worker row as stored now
    (NULL when this station holds no row for it), kept by SQLite triggers on
    ``worker_status_event`` and ``worker`` (migration 0014).

    A past month's stock figures count each worker where its latest event up to the
    month's end puts it, with its groups as stored now. For every worker with no
    event after that month's end, this row is that event, so those workers are
    counted from this table's index alone; only the workers with a later event are
    looked up in the history, and the cost follows the changes since the month, not
    the roster (1.7 s of CPU for a pass over 400k workers' history before).

    Never synced: each station derives it from its own history and roster. A
    migration that rebuilds ``worker`` or ``worker_status_event`` (a batch ALTER on
    SQLite copies the table) drops the triggers and must create them again (as 0014
    does); a test checks they are there at head. A priority-group rule that reads a
    further worker column needs that column here too.
    """

    __tablename__ = "worker_status_latest"
    __table_args__ = (
        # The stock figures as of a day, grouped by village, status and tier, from
        # the index alone.
        Index(
            "ix_worker_status_latest_stats",
            "archived",
            "org_code",
            "employment_status",
            "place_tier",
            "day",
            "poverty_alleviated",
            "monitoring_type",
            "low_income",
            "disabled",
            "birth_date",
        ),
        # The workers whose latest event comes after a day and whose first does not:
        # those a past month reads from the history.
        Index("ix_worker_status_latest_day", "day", "first_day"),
        {"sqlite_with_rowid": False},
    )

    worker_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    #: The event's day and id: the latest is the largest (day, event_id).
    day: Mapped[date] = mapped_column(Date)
    event_id: Mapped[int] = mapped_column(Integer)
    #: The day of the worker's first event: before it, the worker counts nowhere.
    first_day: Mapped[date] = mapped_column(Date)
    employment_status: Mapped[str] = mapped_column(String(16))
    place_tier: Mapped[str] = mapped_column(String(16))
    org_code: Mapped[str] = mapped_column(String(12))
    archived: Mapped[bool] = mapped_column(Boolean)
    # Copied from the worker row (the priority groups' fields).
    poverty_alleviated: Mapped[bool | None] = mapped_column(Boolean)
    monitoring_type: Mapped[str | None] = mapped_column(String(24))
    low_income: Mapped[bool | None] = mapped_column(Boolean)
    disabled: Mapped[bool | None] = mapped_column(Boolean)
    birth_date: Mapped[date | None] = mapped_column(Date)
