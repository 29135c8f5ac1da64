"""The channel server's tables (its own schema, separate from the station database)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class OrgUnit(ServerBase):
    """The division list: county, townships, villages."""

    __tablename__ = "org_unit"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    short_name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(12))


class Station(ServerBase):
    """An enrolled (or awaiting enrolment) station and its credential.

    ``token_hash`` is the SHA-256 of the secret half of the credential; the secret
    itself is never stored. ``node_id`` is the station database's own id: every
    stamp the station writes must end with it.
    """

    __tablename__ = "station"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org_code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(128))
    # pending (code issued) -> active (enrolled) -> revoked
    status: Mapped[str] = mapped_column(String(12))
    node_id: Mapped[str | None] = mapped_column(String(64), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)


class EnrolmentCode(ServerBase):
    """A one-time code (stored hashed) that turns into a station credential."""

    __tablename__ = "enrolment_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class Record(ServerBase):
    """The current state of one synced record.

    ``fields`` and ``versions`` are compact JSON text: pull splices them into the
    answer without parsing. ``seq`` is the change sequence of the record's last
    change; pull hands out records in ``seq`` order after a cursor.
    """

    __tablename__ = "record"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_type: Mapped[str] = mapped_column(String(24))
    org_code: Mapped[str] = mapped_column(String(12))
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    fields: Mapped[str] = mapped_column(Text)
    versions: Mapped[str] = mapped_column(Text)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    # Copies of two fields, indexed: duplicate-person detection and merging.
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    worker_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # A card's project: a station holding the card may read the project it names.
    project_id: Mapped[str | None] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(36))

    __table_args__ = (Index("ix_record_org_seq", "org_code", "seq"),)


class ScopeExit(ServerBase):
    """A record that left a unit at change ``seq`` (its ``org_code`` changed from
    ``from_org`` to ``to_org``): a station pulling past ``seq`` that held it while it
    was in ``from_org`` and may no longer read it is told to delete it."""

    __tablename__ = "scope_exit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    from_org: Mapped[str] = mapped_column(String(12))
    to_org: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AppliedMutation(ServerBase):
    """Mutation ids already applied: a re-pushed one is answered ``duplicate``."""

    __tablename__ = "applied_mutation"
    mutation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(DateTime)


class Conflict(ServerBase):
    """A losing value kept for review, a duplicate person, or a clamped clock.

    ``org_code`` decides who sees it: the record's unit for a field conflict; for a
    duplicate person the lowest unit holding both records (a township or the county).
    """

    __tablename__ = "conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # field | duplicate_person | clock
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    other_record_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(64))
    org_code: Mapped[str] = mapped_column(String(12), index=True)
    winner_value: Mapped[str | None] = mapped_column(Text)
    winner_stamp: Mapped[str | None] = mapped_column(String(64))
    winner_station: Mapped[str | None] = mapped_column(String(36))
    loser_value: Mapped[str | None] = mapped_column(Text)
    loser_stamp: Mapped[str | None] = mapped_column(String(64))
    loser_station: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (Index("ix_conflict_open", "resolved", "id"),)


class StationKey(ServerBase):
    """A station's rights-card signing key (public half), as the key list publishes it."""

    __tablename__ = "station_key"
    key_id: Mapped[str] = mapped_column(String(8), primary_key=True)  # hex of 4 bytes
    public_key: Mapped[str] = mapped_column(String(64))  # hex of 32 bytes
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"), index=True)
    org_code: Mapped[str] = mapped_column(String(12))
    #: Kept for old databases only: the published label is the station's current
    #: name in the register (``keys.key_list``), never text a station chose.
    label: Mapped[str] = mapped_column(String(128), default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    certified: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    #: The highest card serial stored under this key: a station restored from an
    #: older backup learns it before it issues a card, so no serial repeats.
    max_serial: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    certified_at: Mapped[datetime | None] = mapped_column(DateTime)


class ScopeRefusal(ServerBase):
    """Every push item refused for lying outside the station's scope."""

    __tablename__ = "scope_refusal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(String(36), index=True)
    mutation_id: Mapped[str] = mapped_column(String(36))
    record_type: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    org_code: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Counter(ServerBase):
    """Named counters; ``seq`` is the change sequence. Its row lock serialises writers,
    so changes commit in sequence order and a cursor never skips a late commit."""

    __tablename__ = "counter"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class CardServiceCredential(ServerBase):
    """The public card service's credential (issued by the county, stored hashed like a
    station's): it may read what cards print and hand in clues, nothing else."""

    __tablename__ = "card_service"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    # active -> revoked
    status: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)


class CardClue(ServerBase):
    """A clue handed in by the card service: its query code (the worker's key to its
    progress) and the id the card service gave it (a resend is answered, not stored
    twice), pointing at the ``wage_clue`` record."""

    __tablename__ = "card_clue"
    query_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    clue_id: Mapped[str] = mapped_column(String(36), unique=True)
    record_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CountySetting(ServerBase):
    """One part of the county's policy for every station (``sync.county_policy``):
    ``card_page_url`` or ``clue_days``, as JSON text."""

    __tablename__ = "county_setting"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
