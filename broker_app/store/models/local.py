"""Tables that never travel over sync: this station, its settings, divisions, outbox,
and the sync bookkeeping (cursor, parked records, the server's open conflicts)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Index, Integer, String, Text
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
    the fields this write changed, all stamped with ``hlc``. A ``create`` written by a
    bulk path (import, demo data) has no ``fields``: the record's synced fields are
    read when it is sent (a later edit has its own entry with a later stamp, so the
    server ends with the same values), which keeps a 100k import's outbox small.
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(12))
    fields: Mapped[dict[str, Any]] = mapped_column(JsonDict)
    hlc: Mapped[str] = mapped_column(String(64))
    # For an update: the stamp each changed field had before this write. The server
    # calls the write concurrent (a conflict) when the field changed since then.
    base: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # pending -> acked, or quarantined with ``error`` for a person to look at.
    state: Mapped[str] = mapped_column(String(12), default="pending")
    error: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_outbox_state", "state", "seq"),)


#: SyncState key of the newest stamp pulled from other stations; the clock resumes
#: above it, so an edit made after seeing a value is always stamped later than it.
MAX_SEEN_STAMP = "max_seen_stamp"


class SyncState(Base):
    """Sync bookkeeping as key/value: the pull cursor (written in the same transaction
    as the page it ends), last success, last error, the published card keys."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncParked(Base):
    """A pulled record whose parent is not here yet (a match whose worker comes in a
    later page, or a posting outside this station's scope). It is written as soon as
    the parent arrives; meanwhile later versions of it merge into ``fields``."""

    __tablename__ = "sync_parked"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(24))
    missing_id: Mapped[str] = mapped_column(String(36), index=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JsonDict)
    versions: Mapped[dict[str, Any]] = mapped_column(JsonDict)
    parked_at: Mapped[datetime] = mapped_column(DateTime)


class SyncConflict(Base):
    """An open conflict in this station's scope as the server last reported it (the
    server holds the log and its resolution; this is a copy for people to see)."""

    __tablename__ = "sync_conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the server's id
    kind: Mapped[str] = mapped_column(String(16))
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    other_record_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(64))
    org_code: Mapped[str] = mapped_column(String(12))
    winner: Mapped[dict[str, Any]] = mapped_column(JsonDict)
    loser: Mapped[dict[str, Any]] = mapped_column(JsonDict)
    created_at: Mapped[str] = mapped_column(String(32))


class MovedOut(Base):
    """A worker who left this station's scope (moved to another village): the one line
    kept after the person's records were deleted here. Deliberately no name, ID number
    or phone: only the record id, the unit the person moved to and when."""

    __tablename__ = "moved_out"
    worker_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    to_org_code: Mapped[str | None] = mapped_column(String(12))
    moved_on: Mapped[date] = mapped_column(Date)
    noted_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class DepartedRecord(Base):
    """A record deleted here because it left this station's scope. Should it come back
    (the person moves back), this station's own old stamps in it are its own past,
    not a sign of a copied data folder (see ``sync_identity``)."""

    __tablename__ = "departed_record"
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(24))
    departed_at: Mapped[datetime] = mapped_column(DateTime)
