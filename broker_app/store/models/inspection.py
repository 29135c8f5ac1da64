"""Site inspections (项目检查) and the problems they find (发现问题), synced: the two
lists (双清单) of ``domain.arrears.inspections``."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, SyncedRecord


class Inspection(SyncedRecord, Base):
    """One visit to a project's site: who went, how many workers were there, and
    their rights cards as found (valid, missing, invalid)."""

    __tablename__ = "inspection"
    record_type = "inspection"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    inspected_on: Mapped[date] = mapped_column(Date)
    inspector: Mapped[str] = mapped_column(String(64), default="")
    workers_on_site: Mapped[int | None] = mapped_column(Integer)
    cards_valid: Mapped[int | None] = mapped_column(Integer)
    cards_missing: Mapped[int | None] = mapped_column(Integer)
    cards_invalid: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "project_id", "inspected_on", "inspector", "workers_on_site", "cards_valid",
        "cards_missing", "cards_invalid", "notes",
    )  # fmt: skip

    __table_args__ = (Index("ix_inspection_project", "project_id", "inspected_on"),)


class SiteProblem(SyncedRecord, Base):
    """A problem found on a site, with its rectification deadline and its closing."""

    __tablename__ = "site_problem"
    record_type = "site_problem"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspection.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    found_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_note: Mapped[str] = mapped_column(Text, default="")

    sync_fields = (
        *SyncedRecord.COMMON_SYNC_FIELDS,
        "project_id", "inspection_id", "description", "found_on", "deadline", "closed_on",
        "closing_note",
    )  # fmt: skip

    __table_args__ = (Index("ix_site_problem_project", "project_id", "closed_on"),)
