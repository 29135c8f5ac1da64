"""scope exits and the card's project

A log of records leaving a unit (a worker who moves village), so a pull tells the old
village's station to delete them; and the project a card names, so the station that
holds the card may read that project.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 06:20:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scope_exit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("from_org", sa.String(length=12), nullable=False),
        sa.Column("to_org", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope_exit")),
    )
    with op.batch_alter_table("scope_exit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scope_exit_seq"), ["seq"], unique=False)
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("project_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_record_project_id"), ["project_id"], unique=False)
    _fill_project_ids()


def _fill_project_ids() -> None:
    """Cards stored before this revision: copy the project id out of their fields."""
    conn = op.get_bind()
    record = sa.table(
        "record",
        sa.column("id", sa.String),
        sa.column("record_type", sa.String),
        sa.column("fields", sa.Text),
        sa.column("project_id", sa.String),
    )
    cards = conn.execute(
        sa.select(record.c.id, record.c.fields).where(record.c.record_type == "card")
    ).all()
    updates = []
    for record_id, text in cards:
        try:
            project = json.loads(text).get("project_id")
        except (ValueError, AttributeError):
            continue
        if isinstance(project, str):
            updates.append({"rid": record_id, "pid": project[:36]})
    if updates:
        conn.execute(
            record.update()
            .where(record.c.id == sa.bindparam("rid"))
            .values(project_id=sa.bindparam("pid")),
            updates,
        )


def downgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_project_id"))
        batch_op.drop_column("project_id")
    with op.batch_alter_table("scope_exit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scope_exit_seq"))
    op.drop_table("scope_exit")
