"""Wage-arrears clues (欠薪线索), synced: see ``domain.arrears.clues``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, SyncedRecord


class WageClue(SyncedRecord, Base):
    __tablename__ = "wage_clue"
    record_type = "wage_clue"

    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id"))
    # The scanned card, when the clue came from the card page (the issuing key and
    # the serial name it; the card itself may be at another station).
    card_serial: Mapped[int | None] = mapped_column(Integer)
    card_key_id: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    reporter_phone: Mapped[str] = mapped_column(String(20))
    reporter_name: Mapped[str | None] = mapped_column(String(64))
    amount_owed: Mapped[int | None] = mapped_column(Integer)
    months_owed: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    query_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    public_note: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str | None] = mapped_column(String(64))

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "project_id", "card_serial", "card_key_id", "source", "reporter_phone",
        "reporter_name", "amount_owed", "months_owed", "description", "query_code",
        "status", "received_on", "accepted_on", "closed_on", "reject_reason",
        "public_note", "operator",
    )  # fmt: skip

    __table_args__ = (
        Index("ix_wage_clue_project", "project_id"),
        Index("ix_wage_clue_query_code", "query_code"),
        Index("ix_wage_clue_status", "status", "received_on"),
    )
