"""工程项目 Project and 维权联系卡 RightsCard."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, SyncedRecord


class Project(SyncedRecord, Base):
    __tablename__ = "project"
    record_type = "project"

    name: Mapped[str] = mapped_column(String(128))
    address: Mapped[str] = mapped_column(String(256), default="")
    general_contractor: Mapped[str] = mapped_column(String(128), default="")
    subcontractor: Mapped[str] = mapped_column(String(128), default="")
    labor_officer_name: Mapped[str] = mapped_column(String(64), default="")
    labor_officer_phone: Mapped[str] = mapped_column(String(20), default="")
    manager_phone: Mapped[str] = mapped_column(String(20), default="")
    complaint_phone_hrss: Mapped[str] = mapped_column(String(20), default="")
    complaint_phone_housing: Mapped[str] = mapped_column(String(20), default="")
    complaint_phone_national: Mapped[str] = mapped_column(String(20), default="12333")
    min_wage: Mapped[int | None] = mapped_column(Integer)
    pay_day: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # 包保: the unit and the person answerable for visiting the site every month.
    responsible_org: Mapped[str | None] = mapped_column(String(12))
    responsible_person: Mapped[str] = mapped_column(String(64), default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "name", "address", "general_contractor", "subcontractor", "labor_officer_name",
        "labor_officer_phone", "manager_phone", "complaint_phone_hrss",
        "complaint_phone_housing", "complaint_phone_national", "min_wage", "pay_day",
        "start_date", "end_date", "notes", "responsible_org", "responsible_person",
    )  # fmt: skip


class RightsCard(SyncedRecord, Base):
    __tablename__ = "rights_card"
    record_type = "card"

    worker_id: Mapped[str] = mapped_column(ForeignKey("worker.id"))
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    serial: Mapped[int] = mapped_column(Integer)
    issue_date: Mapped[date] = mapped_column(Date)
    expiry_date: Mapped[date] = mapped_column(Date)
    key_id: Mapped[str] = mapped_column(String(16))
    qr_text: Mapped[str] = mapped_column(Text, default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "worker_id", "project_id", "serial", "issue_date", "expiry_date", "key_id",
        "qr_text", "revoked",
    )  # fmt: skip

    __table_args__ = (
        Index("ix_rights_card_worker", "worker_id"),
        Index("ix_rights_card_project", "project_id"),
    )
