"""the county's policy for every station (card page address, clue deadlines)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 10:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "county_setting",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_county_setting")),
    )


def downgrade() -> None:
    op.drop_table("county_setting")
