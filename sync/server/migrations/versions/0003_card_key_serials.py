"""card key serials and certification time

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 06:30:00.000000
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station_key", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("max_serial", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("certified_at", sa.DateTime(), nullable=True))
    # The cards already stored: each key's highest serial.
    conn = op.get_bind()
    highest: dict[str, int] = {}
    rows = conn.execute(sa.text("SELECT fields FROM record WHERE record_type = 'card'"))
    for (text,) in rows:
        try:
            values = json.loads(text)
        except ValueError:
            continue
        key_id, serial = values.get("key_id"), values.get("serial")
        if isinstance(key_id, str) and isinstance(serial, int) and 0 < serial <= 2**62:
            key_id = key_id.lower()
            highest[key_id] = max(highest.get(key_id, 0), serial)
    for key_id, serial in highest.items():
        conn.execute(
            sa.text("UPDATE station_key SET max_serial = :s WHERE key_id = :k"),
            {"s": serial, "k": key_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("station_key", schema=None) as batch_op:
        batch_op.drop_column("certified_at")
        batch_op.drop_column("max_serial")
