"""site inspections, site problems and a project's responsibility (包保)

Existing projects get no responsible unit and a blank responsible person.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 09:31:23.326581
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inspection',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('inspected_on', sa.Date(), nullable=False),
    sa.Column('inspector', sa.String(length=64), nullable=False),
    sa.Column('workers_on_site', sa.Integer(), nullable=True),
    sa.Column('cards_valid', sa.Integer(), nullable=True),
    sa.Column('cards_missing', sa.Integer(), nullable=True),
    sa.Column('cards_invalid', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_inspection_project_id_project')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_inspection')),
    sa.UniqueConstraint('id', name=op.f('uq_inspection_id'))
    )
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_inspection_project', ['project_id', 'inspected_on'], unique=False)

    op.create_table('site_problem',
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('inspection_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closing_note', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_site_problem_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_site_problem_project_id_project')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_site_problem')),
    sa.UniqueConstraint('id', name=op.f('uq_site_problem_id'))
    )
    with op.batch_alter_table('site_problem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_site_problem_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_site_problem_project', ['project_id', 'closed_on'], unique=False)

    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.add_column(sa.Column('responsible_org', sa.String(length=12), nullable=True))
        batch_op.add_column(
            sa.Column(
                'responsible_person', sa.String(length=64), nullable=False, server_default=''
            )
        )



def downgrade() -> None:
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_column('responsible_person')
        batch_op.drop_column('responsible_org')

    with op.batch_alter_table('site_problem', schema=None) as batch_op:
        batch_op.drop_index('ix_site_problem_project')
        batch_op.drop_index(batch_op.f('ix_site_problem_org_code'))

    op.drop_table('site_problem')
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_index('ix_inspection_project')
        batch_op.drop_index(batch_op.f('ix_inspection_org_code'))

    op.drop_table('inspection')
