"""repair malformed stamps

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 06:10:00

Stamps that break the grammar (stored before the server enforced it) are replaced
by a stamp of the server at the record's last change, and the record is handed out
again with a new change sequence.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sync.server.jsontext import dumps, loads
from sync.server.stamp_repair import repaired_versions

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_record = sa.table(
    "record",
    sa.column("id", sa.String),
    sa.column("versions", sa.Text),
    sa.column("seq", sa.BigInteger),
    sa.column("updated_at", sa.DateTime),
)
_counter = sa.table("counter", sa.column("name", sa.String), sa.column("value", sa.BigInteger))


def upgrade() -> None:
    conn = op.get_bind()
    repairs: list[tuple[str, str]] = []
    rows = conn.execute(sa.select(_record.c.id, _record.c.versions, _record.c.updated_at))
    for record_id, versions, updated_at in rows:
        fixed = repaired_versions(loads(versions) or {}, updated_at)
        if fixed is not None:
            repairs.append((record_id, dumps(fixed)))
    if not repairs:
        return
    seq = conn.execute(sa.select(_counter.c.value).where(_counter.c.name == "seq")).scalar() or 0
    top = conn.execute(sa.select(sa.func.max(_record.c.seq))).scalar() or 0
    seq = max(int(seq), int(top))
    for record_id, versions in repairs:
        seq += 1
        conn.execute(
            sa.update(_record).where(_record.c.id == record_id).values(versions=versions, seq=seq)
        )
    conn.execute(sa.update(_counter).where(_counter.c.name == "seq").values(value=seq))


def downgrade() -> None:
    # The malformed stamps are not worth restoring.
    pass
