"""Tables that never travel over sync: this station, its settings, divisions, outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from broker_app.store.base import Base, JsonDict


class Station(Base):
    """This installation. One row; ``node_id`` signs every HLC stamp it writes."""

    __tablename__ = "station"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    node_id: Mapped[str] = mapped_column(String(36))
    org_code: Mapped[str | None] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(128), default="")
    operator_name: Mapped[str] = mapped_column(String(64), default="")
    operator_phone: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OrgUnit(Base):
    """The division list (county, townships, villages), loaded from resources."""

    __tablename__ = "org_unit"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    short_name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(12))


class OutboxEntry(Base):
    """A committed local write waiting to be pushed.

    ``seq`` is the station's own sequence number; ``fields`` holds the new values of
    the fields this write changed, all stamped with ``hlc``.
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(12))
    fields: Mapped[dict[str, Any]] = mapped_column(JsonDict)
    hlc: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # pending -> acked, or quarantined with ``error`` for a person to look at.
    state: Mapped[str] = mapped_column(String(12), default="pending")
    error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_outbox_state", "state", "seq"),)
