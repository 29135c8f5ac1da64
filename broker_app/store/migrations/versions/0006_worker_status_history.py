"""worker status history

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 06:40:00

The history of employment status changes that monthly statistics read. Backfilled
with one event per existing worker: what the roster holds now, dated by the job's
start (people at work) or end (people out of work) where the record has one, else
the day the record was created; history before that is not known.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('worker_status_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('worker_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('employment_status', sa.String(length=16), nullable=False),
    sa.Column('place_tier', sa.String(length=16), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_worker_status_event'))
    )
    with op.batch_alter_table('worker_status_event', schema=None) as batch_op:
        batch_op.create_index('ix_worker_status_event_day', ['day'], unique=False)
        batch_op.create_index(
            'ix_worker_status_event_worker_day', ['worker_id', 'day'], unique=False
        )
    # Plain SQL: migrations never import model code.
    op.execute(
        """
        INSERT INTO worker_status_event
            (worker_id, day, employment_status, place_tier, org_code, archived)
        SELECT id,
               CASE
                 WHEN employment_status IN ('employed', 'flexible', 'self_employed')
                      AND job_start IS NOT NULL AND job_start <= date(created_at)
                   THEN job_start
                 WHEN employment_status = 'unemployed'
                      AND job_end IS NOT NULL AND job_end <= date(created_at)
                   THEN job_end
                 ELSE date(created_at)
               END,
               employment_status, place_tier, org_code, archived
        FROM worker
        """
    )


def downgrade() -> None:
    with op.batch_alter_table('worker_status_event', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_status_event_worker_day')
        batch_op.drop_index('ix_worker_status_event_day')

    op.drop_table('worker_status_event')
