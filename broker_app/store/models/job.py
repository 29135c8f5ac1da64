"""岗位 JobPosting: an opening collected from an employer or published by the county."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, SyncedRecord


class JobPosting(SyncedRecord, Base):
    __tablename__ = "job_posting"
    record_type = "job"

    # org_code (inherited) is the publishing unit: a county or township posting
    # reaches every station below it.
    title: Mapped[str] = mapped_column(String(128))
    employer_name: Mapped[str] = mapped_column(String(128))
    employer_credit_code: Mapped[str] = mapped_column(String(18), default="")
    kind: Mapped[str] = mapped_column(String(24))
    work_type: Mapped[str] = mapped_column(String(64), default="")
    place_org_code: Mapped[str | None] = mapped_column(String(12))
    place_tier: Mapped[str] = mapped_column(String(16))
    place_text: Mapped[str] = mapped_column(String(128), default="")
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    wage_min: Mapped[int | None] = mapped_column(Integer)
    wage_max: Mapped[int | None] = mapped_column(Integer)
    # What wage_min/wage_max count: "month", "day", "hour", "year" or "piece"
    # (计件, no amounts). A day wage stored as if monthly would mislead every match.
    wage_unit: Mapped[str] = mapped_column(String(8), default="month")
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    requirements: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # 报名截止日期: after it the posting is no longer recommended.
    deadline: Mapped[date | None] = mapped_column(Date)
    contact_name: Mapped[str] = mapped_column(String(64), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "title", "employer_name", "employer_credit_code", "kind", "work_type",
        "place_org_code", "place_tier", "place_text", "headcount", "wage_min",
        "wage_max", "wage_unit", "age_min", "age_max", "requirements", "start_date",
        "end_date", "deadline", "contact_name", "contact_phone", "status", "notes",
    )  # fmt: skip

    __table_args__ = (Index("ix_job_posting_status", "archived", "status"),)
