"""Pages of changes after a cursor, within a station's scope.

The answer is assembled as text: each record's fields and versions are stored as
compact JSON and spliced in unparsed, which keeps a 50k-record initial pull cheap.
A page ends at ``limit`` records or once it holds ``max_bytes`` (whichever comes
first; a page always carries at least one record), and rows are streamed from the
database, so the server never holds more than one page of big records in memory.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import MAX_PULL_BYTES, MAX_PULL_LIMIT
from sync.server.models import Record
from sync.server.scope import Scope


def pull_page(
    session: Session, scope: Scope, after: int, limit: int, max_bytes: int = MAX_PULL_BYTES
) -> bytes:
    """JSON of a PullPage: records changed after ``after`` in ``seq`` order."""
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    stmt = (
        select(Record.seq, Record.record_type, Record.id, Record.fields, Record.versions)
        .where(Record.seq > after)
        .order_by(Record.seq)
        .limit(limit + 1)
    )
    if not scope.everything:
        stmt = stmt.where(scope.readable())
    parts: list[bytes] = []
    size = 0
    cursor = after
    has_more = False
    for row in session.execute(stmt, execution_options={"yield_per": 64}):
        if len(parts) == limit or (parts and size >= max_bytes):
            has_more = True
            break
        part = (
            f'{{"type":{json.dumps(row.record_type)},"id":{json.dumps(row.id)},"seq":{row.seq},'
            f'"fields":{row.fields},"versions":{row.versions}}}'
        ).encode()
        if parts and size + len(part) > max_bytes:
            has_more = True
            break
        parts.append(part)
        size += len(part) + 1
        cursor = row.seq
    return (
        b'{"records":['
        + b",".join(parts)
        + f'],"cursor":{cursor},"has_more":{"true" if has_more else "false"}}}'.encode()
    )
