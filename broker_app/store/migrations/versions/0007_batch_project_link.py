"""dispatch batch linked to its construction project

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 06:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dispatch_batch', schema=None) as batch_op:
        batch_op.add_column(sa.Column('project_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('dispatch_batch', schema=None) as batch_op:
        batch_op.drop_column('project_id')
