"""Sync bookkeeping on the station: cursor and status values, outbox states, parked
records, and the copy of the server's open conflicts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from broker_app.store.models.local import (
    MAX_SEEN_STAMP,
    OutboxEntry,
    SyncConflict,
    SyncParked,
    SyncState,
)

PENDING, ACKED, QUARANTINED = "pending", "acked", "quarantined"
CURSOR = "cursor"
#: Largest parked fields or versions kept as JSON; above, or when the JSON column
#: cannot hold them, they are kept as text under ``UNSTORABLE``.
PARKED_MAX_BYTES = 1024 * 1024
UNSTORABLE = "_unstorable"


# -- key/value state ------------------------------------------------------------------
def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def put_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def cursor(session: Session) -> int:
    return int(get_state(session, CURSOR) or 0)


def put_cursor(session: Session, value: int) -> None:
    put_state(session, CURSOR, str(value))


def note_seen_stamp(session: Session, stamp: str) -> None:
    """Remember the newest stamp pulled (the clock resumes above it after a restart)."""
    current = get_state(session, MAX_SEEN_STAMP)
    if current is None or stamp > current:
        put_state(session, MAX_SEEN_STAMP, stamp)


# -- outbox ---------------------------------------------------------------------------
def pending_entries(session: Session, limit: int) -> list[OutboxEntry]:
    stmt = (
        select(OutboxEntry)
        .where(OutboxEntry.state == PENDING)
        .order_by(OutboxEntry.seq)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def count_in_state(session: Session, state: str) -> int:
    stmt = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == state)
    return int(session.scalar(stmt) or 0)


def mark_acked(session: Session, mutation_ids: Sequence[str]) -> None:
    for start in range(0, len(mutation_ids), 500):
        chunk = list(mutation_ids[start : start + 500])
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.mutation_id.in_(chunk), OutboxEntry.state == PENDING)
            .values(state=ACKED, error="")
        )


def quarantine(session: Session, mutation_id: str, reason: str) -> None:
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.mutation_id == mutation_id)
        .values(state=QUARANTINED, error=reason)
    )


def quarantined_entries(session: Session, limit: int = 500) -> list[OutboxEntry]:
    stmt = (
        select(OutboxEntry)
        .where(OutboxEntry.state == QUARANTINED)
        .order_by(OutboxEntry.seq)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def release_quarantined(session: Session, seqs: Iterable[int] | None = None) -> int:
    """Put quarantined entries (all, or those ``seqs``) back in the queue."""
    stmt = update(OutboxEntry).where(OutboxEntry.state == QUARANTINED)
    if seqs is not None:
        stmt = stmt.where(OutboxEntry.seq.in_(list(seqs)))
    result = session.execute(stmt.values(state=PENDING, error=""))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


# -- parked records -------------------------------------------------------------------
def any_parked(session: Session) -> bool:
    """Whether any pulled record is parked (usually none; never on a first pull)."""
    return session.scalar(select(SyncParked.record_id).limit(1)) is not None


def parked_for(session: Session, record_ids: Sequence[str]) -> dict[str, SyncParked]:
    found: dict[str, SyncParked] = {}
    # Usually nothing is parked (always on a first pull): one probe instead of a
    # 500-id query per chunk (binding the ids cost ~5% of applying a pulled page).
    if not any_parked(session):
        return found
    for start in range(0, len(record_ids), 500):
        chunk = list(record_ids[start : start + 500])
        for row in session.scalars(select(SyncParked).where(SyncParked.record_id.in_(chunk))):
            found[row.record_id] = row
    return found


def parked_waiting_for(session: Session, parent_ids: Sequence[str]) -> list[SyncParked]:
    out: list[SyncParked] = []
    # Asked after every pulled page: one probe when nothing is parked (``parked_for``).
    if not parent_ids or not any_parked(session):
        return out
    for start in range(0, len(parent_ids), 500):
        chunk = list(parent_ids[start : start + 500])
        out.extend(session.scalars(select(SyncParked).where(SyncParked.missing_id.in_(chunk))))
    return out


def park(
    session: Session,
    record_type: str,
    record_id: str,
    missing_id: str,
    fields: dict[str, Any],
    versions: dict[str, Any],
    now: datetime,
) -> None:
    fields, versions = storable(fields), storable(versions)
    row = session.get(SyncParked, record_id)
    if row is None:
        session.add(
            SyncParked(
                record_id=record_id,
                record_type=record_type,
                missing_id=missing_id,
                fields=fields,
                versions=versions,
                parked_at=now,
            )
        )
    else:
        row.missing_id, row.fields, row.versions = missing_id, fields, versions


def storable(value: dict[str, Any]) -> dict[str, Any]:
    """``value`` if the JSON column can store it, else its text, bounded.

    Parking is what happens to a record this program cannot store, so parking must
    never fail itself (an integer past 64 bits or JSON nested hundreds deep is beyond
    the column's encoder too): a failed park would fail the page, and the station
    would never pull past it. A later version of the record is merged in as usual."""
    try:
        size = len(orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS))
    except (TypeError, orjson.JSONEncodeError):
        size = -1
    if 0 <= size <= PARKED_MAX_BYTES:
        return value
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)[:4096]
    except (ValueError, RecursionError, TypeError):
        text = ""
    return {UNSTORABLE: text}


def unpark(session: Session, record_ids: Sequence[str]) -> None:
    for start in range(0, len(record_ids), 500):
        chunk = list(record_ids[start : start + 500])
        session.execute(delete(SyncParked).where(SyncParked.record_id.in_(chunk)))


def parked_entries(session: Session, limit: int = 500) -> list[SyncParked]:
    stmt = select(SyncParked).order_by(SyncParked.parked_at, SyncParked.record_id).limit(limit)
    return list(session.scalars(stmt))


def parked_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(SyncParked)) or 0)


# -- conflicts ------------------------------------------------------------------------
def replace_conflicts(session: Session, conflicts: Sequence[dict[str, Any]]) -> None:
    session.execute(delete(SyncConflict))
    for c in conflicts:
        session.add(
            SyncConflict(
                id=int(c["id"]),
                kind=str(c["kind"]),
                record_type=str(c["record_type"]),
                record_id=str(c["record_id"]),
                other_record_id=c.get("other_record_id"),
                field=c.get("field"),
                org_code=str(c.get("org_code") or ""),
                winner=dict(c.get("winner") or {}),
                loser=dict(c.get("loser") or {}),
                created_at=str(c.get("created_at") or ""),
            )
        )


def list_conflicts(session: Session) -> list[SyncConflict]:
    return list(session.scalars(select(SyncConflict).order_by(SyncConflict.id.desc())))
