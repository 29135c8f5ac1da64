"""wage-arrears clues

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:04:52.518561
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('wage_clue',
    sa.Column('project_id', sa.String(length=36), nullable=True),
    sa.Column('card_serial', sa.Integer(), nullable=True),
    sa.Column('card_key_id', sa.String(length=16), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('reporter_phone', sa.String(length=20), nullable=False),
    sa.Column('reporter_name', sa.String(length=64), nullable=True),
    sa.Column('amount_owed', sa.Integer(), nullable=True),
    sa.Column('months_owed', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('query_code', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('reject_reason', sa.Text(), nullable=False),
    sa.Column('public_note', sa.Text(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=True),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_wage_clue_project_id_project')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_wage_clue')),
    sa.UniqueConstraint('id', name=op.f('uq_wage_clue_id'))
    )
    with op.batch_alter_table('wage_clue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wage_clue_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_wage_clue_project', ['project_id'], unique=False)
        batch_op.create_index('ix_wage_clue_query_code', ['query_code'], unique=False)
        batch_op.create_index('ix_wage_clue_status', ['status', 'received_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('wage_clue', schema=None) as batch_op:
        batch_op.drop_index('ix_wage_clue_status')
        batch_op.drop_index('ix_wage_clue_query_code')
        batch_op.drop_index('ix_wage_clue_project')
        batch_op.drop_index(batch_op.f('ix_wage_clue_org_code'))

    op.drop_table('wage_clue')
