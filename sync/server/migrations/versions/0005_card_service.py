"""card service credential and the clues it hands in

The public card service's credential (hashed, like a station's) and the query codes of
the clues it handed in, so a worker's progress lookup is one index hit.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 09:20:00
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
        "card_service",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_service")),
    )
    op.create_table(
        "card_clue",
        sa.Column("query_code", sa.String(length=16), nullable=False),
        sa.Column("clue_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("query_code", name=op.f("pk_card_clue")),
        sa.UniqueConstraint("clue_id", name=op.f("uq_card_clue_clue_id")),
    )


def downgrade() -> None:
    op.drop_table("card_clue")
    op.drop_table("card_service")
