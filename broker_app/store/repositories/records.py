"""Queries that work the same for every synced record kind."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.base import Base, SyncedRecord
from broker_app.store.wire import to_wire

R = TypeVar("R", bound=SyncedRecord)


def by_id(session: Session, cls: type[R], record_id: str) -> R | None:
    """The record of kind ``cls`` with this id (archived ones too), or None."""
    return session.scalar(select(cls).where(cls.id == record_id))


def by_ids(session: Session, cls: type[R], record_ids: Sequence[str]) -> dict[str, R]:
    """The records of kind ``cls`` with these ids, by id (missing ones left out)."""
    return {r.id: r for r in session.scalars(select(cls).where(cls.id.in_(record_ids)))}


def table_counts(session: Session) -> dict[str, int]:
    """Rows per table of the station database (any table, synced or local)."""
    return {
        table.name: session.scalar(select(func.count()).select_from(table)) or 0
        for table in Base.metadata.sorted_tables
    }


def iter_wire(
    session: Session, cls: type[SyncedRecord], *, include_archived: bool = False
) -> Iterator[dict[str, Any]]:
    """Each record as ``{"id": ..., field: wire value, ...}``, streamed in creation order."""
    columns = [cls.id, *(getattr(cls, name) for name in cls.sync_fields)]
    stmt = select(*columns).order_by(cls.pk)
    if not include_archived:
        stmt = stmt.where(cls.archived.is_(False))
    names = ("id", *cls.sync_fields)
    for row in session.execute(stmt.execution_options(yield_per=2000)):
        yield {name: to_wire(value) for name, value in zip(names, row, strict=True)}
