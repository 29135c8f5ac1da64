"""Queries that work the same for every synced record kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.store.base import SyncedRecord
from broker_app.store.wire import to_wire


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
