"""statistics indexes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 09:29:26.307588
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index('ix_follow_up_date', ['date', 'archived', 'worker_id'], unique=False)
        batch_op.create_index('ix_follow_up_worker_live', ['worker_id', 'archived', 'date'], unique=False)

    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.create_index('ix_worker_stats', ['archived', 'org_code', 'employment_status', 'place_tier', 'poverty_alleviated', 'monitoring_type', 'low_income', 'disabled', 'birth_date', 'job_end', 'id'], unique=False)

    with op.batch_alter_table('worker_status_event', schema=None) as batch_op:
        batch_op.create_index('ix_worker_status_event_latest', ['worker_id', 'day', 'org_code', 'employment_status', 'place_tier', 'archived'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('worker_status_event', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_status_event_latest')

    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_stats')

    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_worker_live')
        batch_op.drop_index('ix_follow_up_date')

