"""Pages of changes after a cursor, within a station's scope.

The answer is assembled as text: each record's fields and versions are stored as
compact JSON and spliced in unparsed, which keeps a 50k-record initial pull cheap.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import MAX_PULL_LIMIT
from sync.server.models import Record
from sync.server.scope import Scope


def pull_page(session: Session, scope: Scope, after: int, limit: int) -> str:
    """JSON text of a PullPage: records changed after ``after`` in ``seq`` order."""
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
    has_more = len(rows) > limit
    rows = rows[:limit]
    cursor = rows[-1].seq if rows else after
    parts = [
        f'{{"type":{json.dumps(row.record_type)},"id":{json.dumps(row.id)},"seq":{row.seq},'
        f'"fields":{row.fields},"versions":{row.versions}}}'
        for row in rows
    ]
    return (
        '{"records":[' + ",".join(parts) + f'],"cursor":{cursor},'
        f'"has_more":{"true" if has_more else "false"}}}'
    )
