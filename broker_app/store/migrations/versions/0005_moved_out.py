"""moved-out workers and departed records

The one line a station keeps about a worker who moved to another village (the
person's records are deleted when the channel server reports the move), and the ids
of the records deleted that way.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "moved_out",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("to_org_code", sa.String(length=12), nullable=True),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("noted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("worker_id", name=op.f("pk_moved_out")),
    )
    with op.batch_alter_table("moved_out", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_moved_out_noted_at"), ["noted_at"], unique=False)
    op.create_table(
        "departed_record",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("departed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_departed_record")),
    )


def downgrade() -> None:
    op.drop_table("departed_record")
    with op.batch_alter_table("moved_out", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moved_out_noted_at"))
    op.drop_table("moved_out")
