"""Deleting records that left this station's scope, and the one line kept per person.

When the channel server reports that a record left the scope (a worker who moved to
another village), the record goes from this database with everything hanging on it
(follow-ups, trainings, cards, matches, batch members), its search keys, its outbox
entries (their fields hold the person's data; the server refuses them anyway), parked
copies and conflict copies. Deleted pages are overwritten (``secure_delete``), so the
person's name and ID number do not linger in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import delete, or_, select, text
from sqlalchemy.orm import Session

from broker_app.store.base import SyncedRecord, table_of
from broker_app.store.models import RECORD_TYPES, Worker
from broker_app.store.models.local import (
    DepartedRecord,
    MovedOut,
    OutboxEntry,
    SyncConflict,
    SyncParked,
)
from broker_app.store.worker_search import worker_tokens

_CHUNK = 500


@dataclass(frozen=True)
class Departure:
    """A record the server says left this station's scope."""

    record_type: str
    record_id: str
    #: A worker's new unit (None for other kinds).
    to_org_code: str | None
    moved_on: date


@cache
def _children() -> tuple[tuple[type[SyncedRecord], str, str], ...]:
    """(child kind, foreign-key column, parent kind's wire name) for every link."""
    by_table = {table_of(kind).name: kind for kind in RECORD_TYPES.values()}
    links = []
    for kind in RECORD_TYPES.values():
        for fk in table_of(kind).foreign_keys:
            parent = by_table.get(fk.column.table.name)
            if parent is not None:
                links.append((kind, fk.parent.name, parent.record_type))
    return tuple(links)


@cache
def _children_first() -> tuple[str, ...]:
    """Record kinds ordered so that every child kind comes before its parents."""
    depth: dict[str, int] = dict.fromkeys(RECORD_TYPES, 0)
    for _round in range(len(RECORD_TYPES)):
        for child, _column, parent in _children():
            depth[parent] = max(depth[parent], depth[child.record_type] + 1)
    return tuple(sorted(RECORD_TYPES, key=lambda kind: depth[kind]))


def remove_departed(session: Session, departures: Sequence[Departure], now: datetime) -> int:
    """Delete the departed records and their dependants; note a line for each worker
    this station held. Returns how many records were deleted."""
    if not departures:
        return 0
    session.execute(text("PRAGMA secure_delete=ON"))
    doomed: dict[str, set[str]] = {kind: set() for kind in RECORD_TYPES}
    for d in departures:
        if d.record_type in doomed:
            doomed[d.record_type].add(d.record_id)
    _add_dependants(session, doomed)
    held_workers = set(_existing(session, Worker, doomed["worker"]))
    _remove_search_keys(session, held_workers)
    removed = 0
    for kind in _children_first():
        cls = RECORD_TYPES[kind]
        for chunk in _chunks(doomed[kind]):
            gone = _existing(session, cls, chunk)
            for record_id in gone:
                note = DepartedRecord(record_id=record_id, record_type=kind, departed_at=now)
                session.merge(note)
            session.execute(delete(cls).where(cls.id.in_(chunk)))
            removed += len(gone)
    every_id = {record_id for ids in doomed.values() for record_id in ids}
    _remove_bookkeeping(session, every_id)
    for d in departures:
        if d.record_type == Worker.record_type and d.record_id in held_workers:
            session.merge(
                MovedOut(
                    worker_id=d.record_id,
                    to_org_code=d.to_org_code,
                    moved_on=d.moved_on,
                    noted_at=now,
                )
            )
    return removed


def forget_moved_out(session: Session, worker_ids: Iterable[str]) -> None:
    """Workers back in this station's scope (moved back): their line goes."""
    # Asked for every pulled page: one probe when no worker has moved out.
    if session.scalar(select(MovedOut.worker_id).limit(1)) is None:
        return
    for chunk in _chunks(worker_ids):
        session.execute(delete(MovedOut).where(MovedOut.worker_id.in_(chunk)))


def departed_among(session: Session, record_ids: Iterable[str]) -> set[str]:
    """Those of ``record_ids`` that were deleted here for leaving the scope."""
    found: set[str] = set()
    for chunk in _chunks(record_ids):
        stmt = select(DepartedRecord.record_id).where(DepartedRecord.record_id.in_(chunk))
        found.update(session.scalars(stmt))
    return found


def moved_out(session: Session, limit: int = 200) -> list[MovedOut]:
    """The moved-out lines, newest first."""
    stmt = select(MovedOut).order_by(MovedOut.noted_at.desc(), MovedOut.worker_id).limit(limit)
    return list(session.scalars(stmt))


def _add_dependants(session: Session, doomed: dict[str, set[str]]) -> None:
    """Grow ``doomed`` with every record that points at a doomed one, to a fixed point."""
    fresh = {kind: set(ids) for kind, ids in doomed.items()}
    while any(fresh.values()):
        found: dict[str, set[str]] = {kind: set() for kind in doomed}
        for child, column, parent in _children():
            for chunk in _chunks(fresh[parent]):
                stmt = select(child.id).where(getattr(child, column).in_(chunk))
                found[child.record_type].update(session.scalars(stmt))
        fresh = {kind: ids - doomed[kind] for kind, ids in found.items()}
        for kind, ids in fresh.items():
            doomed[kind] |= ids


def _existing(session: Session, cls: type[SyncedRecord], ids: Iterable[str]) -> list[str]:
    found: list[str] = []
    for chunk in _chunks(ids):
        found.extend(session.scalars(select(cls.id).where(cls.id.in_(chunk))))
    return found


def _remove_search_keys(session: Session, worker_ids: set[str]) -> None:
    """Search keys are removed by value (there is no index by worker)."""
    keys: list[tuple[str, int]] = []
    for chunk in _chunks(worker_ids):
        stmt = select(Worker.pk, Worker.name, Worker.id_number, Worker.phone).where(
            Worker.id.in_(chunk)
        )
        for pk, name, number, phone in session.execute(stmt):
            keys.extend((token, pk) for token in worker_tokens(name, number, phone or ""))
    if keys:
        session.connection().exec_driver_sql(
            "DELETE FROM worker_search WHERE token = ? AND worker_pk = ?", keys
        )


def _remove_bookkeeping(session: Session, record_ids: set[str]) -> None:
    for chunk in _chunks(record_ids):
        session.execute(delete(OutboxEntry).where(OutboxEntry.record_id.in_(chunk)))
        session.execute(
            delete(SyncParked).where(
                or_(SyncParked.record_id.in_(chunk), SyncParked.missing_id.in_(chunk))
            )
        )
        session.execute(
            delete(SyncConflict).where(
                or_(SyncConflict.record_id.in_(chunk), SyncConflict.other_record_id.in_(chunk))
            )
        )


def _chunks(ids: Iterable[str]) -> list[list[str]]:
    items = sorted(ids)
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]
