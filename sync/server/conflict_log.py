"""Entries of the conflict log: losing field values, duplicate persons, clamped clocks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from sync.hlc import stamp_order
from sync.server.identity import SERVER_NODE, Writer
from sync.server.jsontext import dumps, loads
from sync.server.models import Conflict, Record, Station
from sync.server.scope import common_unit
from sync.server.validation import CheckedMutation

FIELD = "field"
DUPLICATE_PERSON = "duplicate_person"
CLOCK = "clock"

#: (value, stamp, station id or None when the stamp's node names it)
Side = tuple[Any, str, str | None]


def field_conflict(
    session: Session,
    row: Record,
    field: str,
    *,
    winner: Side,
    loser: Side,
    org_code: str,
    now: datetime,
) -> Conflict:
    entry = Conflict(
        kind=FIELD,
        record_type=row.record_type,
        record_id=row.id,
        field=field,
        org_code=org_code,
        winner_value=dumps(winner[0]),
        winner_stamp=winner[1],
        winner_station=winner[2] or _station_of(session, winner[1]),
        loser_value=dumps(loser[0]),
        loser_stamp=loser[1],
        loser_station=loser[2] or _station_of(session, loser[1]),
        created_at=now,
        resolved=False,
    )
    session.add(entry)
    return entry


def duplicate_person(
    session: Session, *, existing: Record, newcomer: Record, now: datetime
) -> Conflict | None:
    """Log that two worker records carry one ID number (once per pair while open).

    It goes to the township (or the county, across townships) that holds both: they
    decide which record to keep; nothing is merged or overwritten meanwhile.
    """
    pair = or_(
        and_(Conflict.record_id == existing.id, Conflict.other_record_id == newcomer.id),
        and_(Conflict.record_id == newcomer.id, Conflict.other_record_id == existing.id),
    )
    still_open = Conflict.resolved.is_(False)
    open_already = session.scalar(
        select(Conflict.id).where(Conflict.kind == DUPLICATE_PERSON, still_open, pair)
    )
    if open_already is not None:
        return None
    unit = common_unit(existing.org_code, newcomer.org_code)
    if not unit.endswith("000"):
        unit = unit[:9] + "000"  # both in one village: its township decides
    entry = Conflict(
        kind=DUPLICATE_PERSON,
        record_type=existing.record_type,
        record_id=existing.id,
        other_record_id=newcomer.id,
        field="id_number",
        org_code=unit,
        winner_value=dumps(_summary(existing)),
        winner_station=existing.updated_by,
        loser_value=dumps(_summary(newcomer)),
        loser_station=newcomer.updated_by,
        created_at=now,
        resolved=False,
    )
    session.add(entry)
    return entry


def clock_skew(
    session: Session, writer: Writer, m: CheckedMutation, clamped: str, org_code: str, now: datetime
) -> None:
    session.add(
        Conflict(
            kind=CLOCK,
            record_type=m.record_type,
            record_id=m.record_id,
            org_code=org_code or (writer.scope.org_code if writer.scope else ""),
            winner_stamp=clamped,
            winner_station=SERVER_NODE,
            loser_stamp=m.hlc,
            loser_station=writer.station_id,
            created_at=now,
            resolved=False,
        )
    )


def _summary(row: Record) -> dict[str, Any]:
    values = loads(row.fields) or {}
    return {
        "id": row.id,
        "name": values.get("name"),
        "id_number": values.get("id_number"),
        "org_code": row.org_code,
    }


def _station_of(session: Session, stamp: str) -> str | None:
    """The station that owns the node id at the end of ``stamp``."""
    node = stamp_order(stamp).node  # "" for a stamp stored before the grammar held
    if node == SERVER_NODE:
        return SERVER_NODE
    return session.scalar(select(Station.id).where(Station.node_id == node).limit(1))
