"""Record fields to and from their JSON wire form (outbox, sync, ``list --json``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, inspect

from broker_app.store.base import SyncedRecord


def to_wire(value: Any) -> Any:
    """JSON-able form of one field value: dates as ISO text, the rest as is."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value


def dated_fields(cls: type[SyncedRecord]) -> tuple[str, ...]:
    """Synced fields that hold a date or datetime: the only ones whose wire form differs
    from the stored value (lists and scalars are JSON as they are)."""
    kinds = _column_kinds(cls)
    return tuple(name for name in cls.sync_fields if name in kinds)


def _column_kinds(cls: type[SyncedRecord]) -> dict[str, type]:
    cached: dict[str, type] | None = getattr(cls, "_wire_kinds", None)
    if cached is None:
        cached = {}
        for col in inspect(cls).columns:
            if isinstance(col.type, DateTime):
                cached[col.key] = datetime
            elif isinstance(col.type, Date):
                cached[col.key] = date
        cls._wire_kinds = cached  # type: ignore[attr-defined]
    return cached


def from_wire(cls: type[SyncedRecord], field: str, value: Any) -> Any:
    """Python value of one wire field for the model ``cls``."""
    if value is None:
        return None
    kind = _column_kinds(cls).get(field)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def record_to_wire(record: SyncedRecord, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    names = fields if fields is not None else type(record).sync_fields
    return {name: to_wire(getattr(record, name)) for name in names}
