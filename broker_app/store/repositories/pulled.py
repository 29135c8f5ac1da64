"""The station database's side of merging a pulled page (``services.sync.apply``).

The merge rules live in the service; every read and write of the records it merges is
here, generic over the synced kinds (a kind added to ``RECORD_TYPES`` needs nothing
new). A read of many ids binds them as one JSON array (``id IN (SELECT value FROM
json_each(?))``): binding 500 parameters a chunk spent more time in SQLAlchemy than the
lookups took in SQLite. Inserts go through the driver's ``executemany``
(``bulk.insert_rows``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from broker_app.store.base import SyncedRecord, table_of
from broker_app.store.bulk import insert_rows
from broker_app.store.models import Worker
from broker_app.store.models.status_history import WorkerStatusEvent
from broker_app.store.status_history import event_row
from broker_app.store.wire import to_wire
from broker_app.store.worker_search import FACET_FIELDS, facet_bits

#: A record as this station holds it: (pk, synced fields as wire values, versions).
Held = tuple[int, dict[str, Any], dict[str, str]]


def held(session: Session, cls: type[SyncedRecord], ids: Sequence[str]) -> dict[str, Held]:
    """The records of kind ``cls`` among ``ids`` that this station holds, by id."""
    columns = [cls.pk, cls.id, cls.versions, *(getattr(cls, n) for n in cls.sync_fields)]
    found: dict[str, Held] = {}
    if not ids:
        return found
    for row in session.execute(select(*columns).where(_among(cls.id, ids))):
        values = {
            name: to_wire(value) for name, value in zip(cls.sync_fields, row[3:], strict=True)
        }
        found[row[1]] = (row[0], values, dict(row[2] or {}))
    return found


def present(session: Session, cls: type[SyncedRecord], ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` this station holds as records of kind ``cls``."""
    if not ids:
        return set()
    return set(session.scalars(select(cls.id).where(_among(cls.id, ids))))


def _among(column: Any, ids: Sequence[str]) -> ColumnElement[bool]:
    """``column IN`` the ids, bound as one JSON array (any number of ids)."""
    each = func.json_each(orjson.dumps(list(ids)).decode()).table_valued("value")
    return column.in_(select(each.c.value))


def insert_new(
    session: Session, cls: type[SyncedRecord], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert new records, each row holding every column it sets, as stored."""
    insert_rows(session, table_of(cls), rows)


def update_fields(
    session: Session,
    cls: type[SyncedRecord],
    columns: tuple[str, ...],
    params: Sequence[Mapping[str, Any]],
) -> None:
    """Set ``columns`` of records by pk: each params row holds ``k_pk`` and a
    ``v_<column>`` per column (one executemany per set of columns)."""
    session.execute(_update_statement(table_of(cls), columns), list(params))


@cache
def _update_statement(table: Table, columns: tuple[str, ...]) -> Any:
    values: dict[str, Any] = {name: bindparam(f"v_{name}") for name in columns}
    return update(table).where(table.c.pk == bindparam("k_pk")).values(values)


def searched_fields(session: Session, ids: Sequence[str]) -> list[tuple[int, str, str, str, int]]:
    """(pk, name, id_number, phone, search key facets) of the given workers, as
    stored now."""
    if not ids:
        return []
    flags = [getattr(Worker, name) for name in FACET_FIELDS]
    stmt = select(Worker.pk, Worker.name, Worker.id_number, Worker.phone, *flags).where(
        _among(Worker.id, ids)
    )
    return [
        (pk, name, number, phone, facet_bits(*rest))
        for pk, name, number, phone, *rest in session.execute(stmt)
    ]


def add_arrivals(session: Session, workers: Iterable[Mapping[str, Any]], day: date) -> None:
    """The status history's first event of each new worker (rows as inserted), in one
    executemany: the ORM's insert spent a second per 100k workers binding rows."""
    rows = [event_row(row["id"], row, day) for row in workers]
    insert_rows(session, table_of(WorkerStatusEvent), rows)
