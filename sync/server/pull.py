"""Pages of changes after a cursor, within a station's scope.

The answer is assembled as text: each record's fields and versions are stored as
compact JSON and spliced in unparsed, which keeps a 50k-record initial pull cheap.

From protocol 2 a page also lists the records that left the station's scope (a worker
who moved village) in the same change-sequence order, so a station pulling from a
cursor learns of each exit once, in the page whose cursor passes it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import not_, select
from sqlalchemy.orm import Session

from sync.protocol import MAX_PULL_LIMIT
from sync.schema import WORKER
from sync.server.models import Record, ScopeExit
from sync.server.scope import Scope


def pull_page(
    session: Session, scope: Scope, after: int, limit: int, *, exits: bool = False
) -> str:
    """JSON text of a PullPage: records changed after ``after`` in ``seq`` order, and
    (``exits``) the records that left the scope in that range."""
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    stmt = (
        select(Record.seq, Record.record_type, Record.id, Record.fields, Record.versions)
        .where(Record.seq > after)
        .order_by(Record.seq)
        .limit(limit + 1)
    )
    if not scope.everything:
        stmt = stmt.where(scope.readable())
    rows = session.execute(stmt).all()
    # The county never loses a record; older clients are not told (protocol 1).
    left = _exits(session, scope, after, limit) if exits and not scope.everything else []
    # One sequence of records and exits: the page ends at the limit-th of them.
    merged: list[tuple[int, int, Any]] = [(row.seq, 0, row) for row in rows]
    merged += [(item["seq"], 1, item) for item in left]
    merged.sort(key=lambda entry: (entry[0], entry[1]))
    has_more = len(merged) > limit
    merged = merged[:limit]
    cursor = merged[-1][0] if merged else after
    parts = [
        f'{{"type":{json.dumps(row.record_type)},"id":{json.dumps(row.id)},"seq":{row.seq},'
        f'"fields":{row.fields},"versions":{row.versions}}}'
        for _seq, kind, row in merged
        if kind == 0
    ]
    tail = ""
    if exits:
        gone = [item for _seq, kind, item in merged if kind == 1]
        tail = ',"exits":' + json.dumps(gone, ensure_ascii=False, separators=(",", ":"))
    return (
        '{"records":[' + ",".join(parts) + f'],"cursor":{cursor},'
        f'"has_more":{"true" if has_more else "false"}{tail}}}'
    )


def _exits(session: Session, scope: Scope, after: int, limit: int) -> list[dict[str, Any]]:
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
