"""Declarative base and the columns every synced record shares."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

import orjson
from sqlalchemy import (
    Boolean,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so Alembic's batch migrations on SQLite can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table_of(cls: type[Any]) -> Table:
    """The Core table of a mapped class, typed (``__table__`` is a FromClause to mypy)."""
    table = cls.__table__
    assert isinstance(table, Table)
    return table


def _dumps(value: Any) -> str:
    """Compact JSON text, non-ASCII kept as is (what ``json.dumps(value,
    ensure_ascii=False, separators=(",", ":"))`` writes, about 4x faster)."""
    # Non-string keys become strings, as the json module does (a year as a key).
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


class JsonList(TypeDecorator[list[Any]]):
    """A list stored as compact JSON text (skills, reasons, certificates...)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[Any] | None, dialect: Dialect) -> str:
        if not value:
            return "[]"  # most lists are empty
        return _dumps(list(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[Any]:
        return orjson.loads(value) if value else []


class JsonDict(TypeDecorator[dict[str, Any]]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> str:
        return _dumps(dict(value)) if value else "{}"

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict[str, Any]:
        return orjson.loads(value) if value else {}


class SyncedRecord:
    """Columns of every record that travels over sync.

    ``pk`` is a local row number (compact keys for big lists); ``id`` is the UUIDv7
    that identifies the record everywhere. ``versions`` maps each synced field to the
    HLC stamp of its last write, for per-field last-writer-wins merge.
    """

    #: Wire name of the record kind (outbox, sync, ``list KIND``).
    record_type: ClassVar[str]
    #: Fields that travel over sync; every other column is local or derived.
    sync_fields: ClassVar[tuple[str, ...]]

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    org_code: Mapped[str] = mapped_column(String(12), index=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    versions: Mapped[dict[str, Any]] = mapped_column(JsonDict, default=dict)

    #: Fields common to every record that also travel over sync.
    COMMON_SYNC_FIELDS: ClassVar[tuple[str, ...]] = ("org_code", "archived")
