"""Pages of changes after a cursor, within a station's scope.

The answer is assembled as text: each record's fields and versions are stored as
compact JSON and spliced in unparsed, which keeps a 50k-record initial pull cheap.
A page ends at ``limit`` records or once it holds ``max_bytes`` (whichever comes
first; a page always carries at least one record), and rows are streamed from the
database, so the server never holds more than one page of big records in memory.

Asked with ``count``, a page also says how many records of the scope changed after
``after`` (``remaining``): one count on the ``(org_code, seq)`` index (or on ``seq`` for
the county) that lets a station joining the county show records done, the total and
the time left. Stations ask on the first page of a round only.

From protocol 2 a page also lists the records that left the station's scope (a worker
who moved village) in the same change-sequence order, so a station pulling from a
cursor learns of each exit once, in the page whose cursor passes it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, select
from sqlalchemy.orm import Session

from sync.protocol import MAX_PULL_BYTES, MAX_PULL_LIMIT
from sync.schema import CARD, PROJECT, WORKER
from sync.server.models import Record, ScopeExit
from sync.server.scope import Scope

#: Above every change sequence (they are 64-bit database integers).
MAX_SEQ = 2**63 - 1


def pull_page(
    session: Session,
    scope: Scope,
    after: int,
    limit: int,
    max_bytes: int = MAX_PULL_BYTES,
    *,
    exits: bool = False,
    count: bool = False,
) -> bytes:
    """JSON of a PullPage: records changed after ``after`` in ``seq`` order, and
    (``exits``) the records that left the scope in that range."""
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    stmt = _page_of(Record.seq > after, limit)
    if not scope.everything:
        stmt = stmt.where(scope.covers(Record.org_code, Record.record_type))
    # Stream the records and stop at the limit or the byte budget: the server holds
    # at most one page of big records in memory.
    taken: list[tuple[int, bytes]] = []
    size = 0
    bound: int | None = None  # the first seq this page does not reach
    for row in session.execute(stmt, execution_options={"yield_per": 64}):
        part = _record_json(row)
        if len(taken) == limit or (taken and size + len(part) > max_bytes):
            bound = row.seq
            break
        taken.append((row.seq, part))
        size += len(part) + 1
    merged: list[tuple[int, int, Any]] = [(seq, 0, part) for seq, part in taken]
    if not scope.everything:
        if _cards_ever_moved(session):
            merged += [
                (r.seq, 0, _record_json(r))
                for r in _held_projects(session, scope, after, bound, limit)
            ]
        # Older clients (protocol 1) are not told.
        if exits and _moved_in_range(session, after, bound):
            merged += [
                (item["seq"], 1, item) for item in _exits(session, scope, after, bound, limit)
            ]
        # One sequence of records and exits: the page ends at the limit-th of them.
        merged.sort(key=lambda entry: (entry[0], entry[1]))
    has_more = bound is not None or len(merged) > limit
    merged = merged[:limit]
    cursor = merged[-1][0] if merged else after
    parts = [item for _seq, kind, item in merged if kind == 0]
    tail = b""
    if count:
        tail += f',"remaining":{_remaining(session, scope, after)}'.encode()
    if exits:
        gone = [item for _seq, kind, item in merged if kind == 1]
        tail += b',"exits":' + json.dumps(gone, ensure_ascii=False, separators=(",", ":")).encode()
    return (
        b'{"records":['
        + b",".join(parts)
        + f'],"cursor":{cursor},"has_more":{"true" if has_more else "false"}'.encode()
        + tail
        + b"}"
    )


def _remaining(session: Session, scope: Scope, after: int) -> int:
    """Records of the scope changed after ``after`` (the few projects held through a
    moved card are not counted: the figure is for progress, not for correctness)."""
    stmt = select(func.count()).select_from(Record).where(Record.seq > after)
    if not scope.everything:
        stmt = stmt.where(scope.covers(Record.org_code, Record.record_type))
    return int(session.scalar(stmt) or 0)


def _record_json(row: Any) -> bytes:
    return (
        f'{{"type":{json.dumps(row.record_type)},"id":{json.dumps(row.id)},"seq":{row.seq},'
        f'"fields":{row.fields},"versions":{row.versions}}}'
    ).encode()


def _page_of(after: ColumnElement[bool], limit: int) -> Select[int, str, str, str, str]:
    return (
        select(Record.seq, Record.record_type, Record.id, Record.fields, Record.versions)
        .where(after)
        .order_by(Record.seq)
        .limit(limit + 1)
    )


def _in_range(after: int, bound: int | None) -> ColumnElement[bool]:
    if bound is None:
        return Record.seq > after
    return and_(Record.seq > after, Record.seq < bound)


def _moved_in_range(session: Session, after: int, bound: int | None) -> bool:
    """Whether any record changed unit after ``after`` (and before ``bound``): most
    pages have none, and then the exit query is skipped."""
    stmt = select(ScopeExit.id).where(ScopeExit.seq > after)
    if bound is not None:
        stmt = stmt.where(ScopeExit.seq < bound)
    return session.scalar(stmt.limit(1)) is not None


def _cards_ever_moved(session: Session) -> bool:
    """Whether any card ever changed unit: until one has, no station holds a card
    whose project it could not read, and the project query is skipped."""
    stmt = select(ScopeExit.id).where(ScopeExit.record_type == CARD).limit(1)
    return session.scalar(stmt) is not None


def _held_projects(
    session: Session, scope: Scope, after: int, bound: int | None, limit: int
) -> list[Any]:
    """Projects of other units named by cards that moved into this station's scope
    (the new village of a worker who moved keeps the card's project). The few ids
    first, then their rows: a village's pull never scans the change sequence."""
    ids = sorted({pid for pid in session.scalars(scope.held_projects()) if pid})
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        stmt = _page_of(_in_range(after, bound), limit).where(
            Record.id.in_(ids[start : start + 500]),
            Record.record_type == PROJECT,
            not_(scope.covers(Record.org_code, Record.record_type)),
        )
        found += session.execute(stmt).all()
    found.sort(key=lambda row: row.seq)
    return found[: limit + 1]


def _exits(
    session: Session, scope: Scope, after: int, bound: int | None, limit: int
) -> list[dict[str, Any]]:
    """Records that were in this station's scope before a change after ``after`` and
    are not readable by it now (a record that came back is not reported)."""
    stmt = (
        select(
            ScopeExit.seq,
            ScopeExit.record_type,
            ScopeExit.record_id,
            ScopeExit.to_org,
            ScopeExit.created_at,
        )
        .join(Record, Record.id == ScopeExit.record_id)
        .where(
            ScopeExit.seq > after,
            ScopeExit.seq < (bound if bound is not None else MAX_SEQ),
            scope.covers(ScopeExit.from_org, ScopeExit.record_type),
            not_(scope.readable()),
        )
        .order_by(ScopeExit.seq)
        .limit(limit + 1)
    )
    return [
        {
            "type": kind,
            "id": record_id,
            "seq": seq,
            # Where a person went, for the one line the old village keeps.
            "to": to_org if kind == WORKER else None,
            "at": created_at.date().isoformat(),
        }
        for seq, kind, record_id, to_org, created_at in session.execute(stmt)
    ]
