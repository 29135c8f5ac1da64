"""Reviewing the conflict log and acting on a decision.

Keeping the loser of a field conflict writes the losing value again with a fresh
server stamp, so it wins everywhere by the ordinary merge rule. Deciding a
duplicate person archives the record not kept and points its children (follow-ups,
trainings, matches, cards, batch members) at the one kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hlc import HybridClock, is_stamp
from sync.ids import uuid7
from sync.merge import stamp_of
from sync.protocol import UPDATE, Mutation
from sync.schema import ARCHIVED, ORG_CODE, WORKER, WORKER_REF
from sync.server.conflict_log import CLOCK, DUPLICATE_PERSON, FIELD
from sync.server.identity import SERVER_NODE, Writer
from sync.server.jsontext import loads
from sync.server.models import Conflict, Record
from sync.server.push import PushApplier
from sync.server.scope import Scope
from sync.server.stations import StationError

log = logging.getLogger(__name__)
WINNER, LOSER = "winner", "loser"


def list_conflicts(
    session: Session,
    scope: Scope | None = None,
    *,
    include_resolved: bool = False,
    limit: int = 500,
) -> list[Conflict]:
    stmt = select(Conflict).order_by(Conflict.id.desc()).limit(limit)
    if not include_resolved:
        stmt = stmt.where(Conflict.resolved.is_(False))
    if scope is not None and not scope.everything:
        prefix = scope.prefix
        stmt = stmt.where(Conflict.org_code >= prefix, Conflict.org_code < prefix + ":")
    return list(session.scalars(stmt))


def conflict_dict(entry: Conflict) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "other_record_id": entry.other_record_id,
        "field": entry.field,
        "org_code": entry.org_code,
        "winner": {
            "value": loads(entry.winner_value),
            "stamp": entry.winner_stamp,
            "station": entry.winner_station,
        },
        "loser": {
            "value": loads(entry.loser_value),
            "stamp": entry.loser_stamp,
            "station": entry.loser_station,
        },
        "created_at": entry.created_at.isoformat(timespec="seconds"),
        "resolved": entry.resolved,
        "resolution": entry.resolution,
    }


@dataclass(frozen=True)
class Resolution:
    conflict_id: int
    kept: str
    writes: int


def resolve(
    session: Session, conflict_id: int, keep: str, now: datetime, wall_ms: int
) -> Resolution:
    """Close a conflict keeping the winner (as is) or the loser (written again)."""
    if keep not in (WINNER, LOSER):
        raise StationError("keep", "请选择保留 winner 或 loser", "keep must be winner or loser")
    applier = PushApplier(session, Writer.server(), now, wall_ms)
    entry = session.get(Conflict, conflict_id)
    if entry is None:
        raise StationError("conflict", f"没有编号为 {conflict_id} 的冲突", "no such conflict", 404)
    if entry.resolved:
        raise StationError("resolved", "该冲突已处理", "conflict already resolved", 409)
    clock = HybridClock(SERVER_NODE)
    mutations: list[Mutation] = []
    if entry.kind == FIELD and keep == LOSER and entry.field:
        value = loads(entry.loser_value)
        mutations = _rewrite_field(applier, clock, entry.record_id, entry.field, value)
    elif entry.kind == DUPLICATE_PERSON and entry.other_record_id:
        kept, dropped = (
            (entry.record_id, entry.other_record_id)
            if keep == WINNER
            else (entry.other_record_id, entry.record_id)
        )
        mutations = _merge_people(session, applier, clock, kept, dropped)
    elif entry.kind not in (FIELD, DUPLICATE_PERSON, CLOCK):
        raise StationError("kind", "未知的冲突种类", f"unknown conflict kind {entry.kind}")
    applier.apply_batch(list(mutations))
    entry.resolved = True
    entry.resolved_at = now
    entry.resolution = keep
    log.info("conflict %s (%s) resolved keeping the %s", conflict_id, entry.kind, keep)
    return Resolution(conflict_id, keep, len(mutations))


def _rewrite_field(
    applier: PushApplier, clock: HybridClock, record_id: str, field: str, value: Any
) -> list[Mutation]:
    state = applier.state(record_id)
    if state is None:
        return []
    return [_server_write(clock, state.row.record_type, record_id, {field: value}, state.versions)]


def _merge_people(
    session: Session, applier: PushApplier, clock: HybridClock, kept: str, dropped: str
) -> list[Mutation]:
    keep_state, drop_state = applier.state(kept), applier.state(dropped)
    if keep_state is None or drop_state is None:
        return []
    org = keep_state.row.org_code
    writes = [_server_write(clock, WORKER, dropped, {ARCHIVED: True}, drop_state.versions)]
    children = session.scalars(select(Record).where(Record.worker_id == dropped))
    for child in children:
        versions = loads(child.versions) or {}
        moved = {WORKER_REF: kept, ORG_CODE: org}
        writes.append(_server_write(clock, child.record_type, child.id, moved, versions))
    return writes


def _server_write(
    clock: HybridClock,
    record_type: str,
    record_id: str,
    fields: dict[str, Any],
    versions: dict[str, str],
) -> Mutation:
    base = {}
    for name in fields:
        current = stamp_of(versions, name)
        if current:
            if is_stamp(current):  # a malformed one orders below every stamp anyway
                clock.observe(current)
            base[name] = current
    return {
        "mutation_id": uuid7(),
        "record_type": record_type,
        "record_id": record_id,
        "op": UPDATE,
        "fields": fields,
        "hlc": clock.now(),
        "base": base,
    }
