"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 17:33:09.705483
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dispatch_batch',
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('employer', sa.String(length=128), nullable=False),
    sa.Column('project', sa.String(length=128), nullable=False),
    sa.Column('destination', sa.String(length=128), nullable=False),
    sa.Column('place_tier', sa.String(length=16), nullable=False),
    sa.Column('departure_date', sa.Date(), nullable=True),
    sa.Column('transport', sa.String(length=64), nullable=False),
    sa.Column('leader_name', sa.String(length=64), nullable=False),
    sa.Column('leader_phone', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_dispatch_batch')),
    sa.UniqueConstraint('id', name=op.f('uq_dispatch_batch_id'))
    )
    with op.batch_alter_table('dispatch_batch', schema=None) as batch_op:
        batch_op.create_index('ix_dispatch_batch_departure', ['archived', 'departure_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_batch_org_code'), ['org_code'], unique=False)

    op.create_table('job_posting',
    sa.Column('title', sa.String(length=128), nullable=False),
    sa.Column('employer_name', sa.String(length=128), nullable=False),
    sa.Column('employer_credit_code', sa.String(length=18), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('work_type', sa.String(length=64), nullable=False),
    sa.Column('place_org_code', sa.String(length=12), nullable=True),
    sa.Column('place_tier', sa.String(length=16), nullable=False),
    sa.Column('place_text', sa.String(length=128), nullable=False),
    sa.Column('headcount', sa.Integer(), nullable=False),
    sa.Column('wage_min', sa.Integer(), nullable=True),
    sa.Column('wage_max', sa.Integer(), nullable=True),
    sa.Column('wage_unit', sa.String(length=8), nullable=False),
    sa.Column('age_min', sa.Integer(), nullable=True),
    sa.Column('age_max', sa.Integer(), nullable=True),
    sa.Column('requirements', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('contact_name', sa.String(length=64), nullable=False),
    sa.Column('contact_phone', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_job_posting')),
    sa.UniqueConstraint('id', name=op.f('uq_job_posting_id'))
    )
    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_posting_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_job_posting_status', ['archived', 'status'], unique=False)

    op.create_table('org_unit',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('short_name', sa.String(length=64), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_code', sa.String(length=12), nullable=True),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_org_unit'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mutation_id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=24), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=12), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('base', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('mutation_id', name=op.f('uq_outbox_mutation_id'))
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_state', ['state', 'seq'], unique=False)

    op.create_table('project',
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('address', sa.String(length=256), nullable=False),
    sa.Column('general_contractor', sa.String(length=128), nullable=False),
    sa.Column('subcontractor', sa.String(length=128), nullable=False),
    sa.Column('labor_officer_name', sa.String(length=64), nullable=False),
    sa.Column('labor_officer_phone', sa.String(length=20), nullable=False),
    sa.Column('manager_phone', sa.String(length=20), nullable=False),
    sa.Column('complaint_phone_hrss', sa.String(length=20), nullable=False),
    sa.Column('complaint_phone_housing', sa.String(length=20), nullable=False),
    sa.Column('complaint_phone_national', sa.String(length=20), nullable=False),
    sa.Column('min_wage', sa.Integer(), nullable=True),
    sa.Column('pay_day', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_project')),
    sa.UniqueConstraint('id', name=op.f('uq_project_id'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_org_code'), ['org_code'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('station',
    sa.Column('pk', sa.Integer(), nullable=False),
    sa.Column('node_id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=True),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('operator_name', sa.String(length=64), nullable=False),
    sa.Column('operator_phone', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_station'))
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('record_type', sa.String(length=24), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('other_record_id', sa.String(length=36), nullable=True),
    sa.Column('field', sa.String(length=64), nullable=True),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('winner', sa.Text(), nullable=False),
    sa.Column('loser', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_table('sync_parked',
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('record_type', sa.String(length=24), nullable=False),
    sa.Column('missing_id', sa.String(length=36), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.Column('parked_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_sync_parked'))
    )
    with op.batch_alter_table('sync_parked', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_parked_missing_id'), ['missing_id'], unique=False)

    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('worker',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('household_address', sa.Text(), nullable=False),
    sa.Column('education', sa.String(length=16), nullable=True),
    sa.Column('skills', sa.Text(), nullable=False),
    sa.Column('certificates', sa.Text(), nullable=False),
    sa.Column('labor_brand', sa.String(length=64), nullable=False),
    sa.Column('poverty_alleviated', sa.Boolean(), nullable=False),
    sa.Column('monitoring_type', sa.String(length=24), nullable=True),
    sa.Column('low_income', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('employment_status', sa.String(length=16), nullable=False),
    sa.Column('employment_mode', sa.String(length=24), nullable=True),
    sa.Column('place_tier', sa.String(length=16), nullable=False),
    sa.Column('employer', sa.String(length=128), nullable=False),
    sa.Column('work_place', sa.String(length=128), nullable=False),
    sa.Column('job_start', sa.Date(), nullable=True),
    sa.Column('job_end', sa.Date(), nullable=True),
    sa.Column('monthly_income', sa.Integer(), nullable=True),
    sa.Column('intended_work_types', sa.Text(), nullable=False),
    sa.Column('intended_place_tier', sa.String(length=16), nullable=True),
    sa.Column('expected_wage', sa.Integer(), nullable=True),
    sa.Column('willing_to_train', sa.Boolean(), nullable=True),
    sa.Column('consent', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('name_sort', sa.String(length=128), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_worker')),
    sa.UniqueConstraint('id', name=op.f('uq_worker_id'))
    )
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.create_index('ix_worker_birth', ['archived', 'birth_date', 'pk', 'org_code', 'employment_status', 'poverty_alleviated', 'monitoring_type', 'low_income', 'disabled'], unique=False)
        batch_op.create_index('ix_worker_id_number', ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_worker_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_worker_org_roster', ['archived', 'org_code', 'name_sort', 'pk', 'birth_date', 'employment_status', 'poverty_alleviated', 'monitoring_type', 'low_income', 'disabled'], unique=False)
        batch_op.create_index('ix_worker_roster', ['archived', 'name_sort', 'pk', 'org_code', 'birth_date', 'employment_status', 'poverty_alleviated', 'monitoring_type', 'low_income', 'disabled'], unique=False)
        batch_op.create_index('ix_worker_status', ['archived', 'employment_status', 'name_sort'], unique=False)
        batch_op.create_index('ix_worker_updated', ['archived', 'updated_at', 'pk'], unique=False)

    op.create_table('worker_search',
    sa.Column('token', sa.String(length=80), nullable=False),
    sa.Column('worker_pk', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('token', 'worker_pk', name=op.f('pk_worker_search')),
    sqlite_with_rowid=False
    )
    op.create_table('dispatch_member',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('worker_id', sa.String(length=36), nullable=False),
    sa.Column('match_id', sa.String(length=36), nullable=True),
    sa.Column('work_type', sa.String(length=64), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['dispatch_batch.id'], name=op.f('fk_dispatch_member_batch_id_dispatch_batch')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_dispatch_member_worker_id_worker')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_dispatch_member')),
    sa.UniqueConstraint('id', name=op.f('uq_dispatch_member_id'))
    )
    with op.batch_alter_table('dispatch_member', schema=None) as batch_op:
        batch_op.create_index('ix_dispatch_member_batch', ['batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_member_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_dispatch_member_worker', ['worker_id'], unique=False)

    op.create_table('follow_up',
    sa.Column('worker_id', sa.String(length=36), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_follow_up_worker_id_worker')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_follow_up')),
    sa.UniqueConstraint('id', name=op.f('uq_follow_up_id'))
    )
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_follow_up_worker', ['worker_id', 'date'], unique=False)

    op.create_table('match',
    sa.Column('worker_id', sa.String(length=36), nullable=False),
    sa.Column('job_id', sa.String(length=36), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('history', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['job_posting.id'], name=op.f('fk_match_job_id_job_posting')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_match_worker_id_worker')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_match')),
    sa.UniqueConstraint('id', name=op.f('uq_match_id'))
    )
    with op.batch_alter_table('match', schema=None) as batch_op:
        batch_op.create_index('ix_match_job', ['job_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_match_status', ['archived', 'status'], unique=False)
        batch_op.create_index('ix_match_worker', ['worker_id'], unique=False)

    op.create_table('rights_card',
    sa.Column('worker_id', sa.String(length=36), nullable=False),
    sa.Column('project_id', sa.String(length=36), nullable=False),
    sa.Column('serial', sa.Integer(), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('expiry_date', sa.Date(), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('qr_text', sa.Text(), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['project.id'], name=op.f('fk_rights_card_project_id_project')),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_rights_card_worker_id_worker')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_rights_card')),
    sa.UniqueConstraint('id', name=op.f('uq_rights_card_id'))
    )
    with op.batch_alter_table('rights_card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rights_card_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_rights_card_project', ['project_id'], unique=False)
        batch_op.create_index('ix_rights_card_worker', ['worker_id'], unique=False)

    op.create_table('training',
    sa.Column('worker_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('course', sa.String(length=128), nullable=False),
    sa.Column('provider', sa.String(length=128), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('hours', sa.Integer(), nullable=True),
    sa.Column('certificate', sa.String(length=128), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=12), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('versions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_training_worker_id_worker')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_training')),
    sa.UniqueConstraint('id', name=op.f('uq_training_id'))
    )
    with op.batch_alter_table('training', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_org_code'), ['org_code'], unique=False)
        batch_op.create_index('ix_training_worker', ['worker_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('training', schema=None) as batch_op:
        batch_op.drop_index('ix_training_worker')
        batch_op.drop_index(batch_op.f('ix_training_org_code'))

    op.drop_table('training')
    with op.batch_alter_table('rights_card', schema=None) as batch_op:
        batch_op.drop_index('ix_rights_card_worker')
        batch_op.drop_index('ix_rights_card_project')
        batch_op.drop_index(batch_op.f('ix_rights_card_org_code'))

    op.drop_table('rights_card')
    with op.batch_alter_table('match', schema=None) as batch_op:
        batch_op.drop_index('ix_match_worker')
        batch_op.drop_index('ix_match_status')
        batch_op.drop_index(batch_op.f('ix_match_org_code'))
        batch_op.drop_index('ix_match_job')

    op.drop_table('match')
    with op.batch_alter_table('follow_up', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_up_worker')
        batch_op.drop_index(batch_op.f('ix_follow_up_org_code'))

    op.drop_table('follow_up')
    with op.batch_alter_table('dispatch_member', schema=None) as batch_op:
        batch_op.drop_index('ix_dispatch_member_worker')
        batch_op.drop_index(batch_op.f('ix_dispatch_member_org_code'))
        batch_op.drop_index('ix_dispatch_member_batch')

    op.drop_table('dispatch_member')
    op.drop_table('worker_search')
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_updated')
        batch_op.drop_index('ix_worker_status')
        batch_op.drop_index('ix_worker_roster')
        batch_op.drop_index('ix_worker_org_roster')
        batch_op.drop_index(batch_op.f('ix_worker_org_code'))
        batch_op.drop_index('ix_worker_id_number')
        batch_op.drop_index('ix_worker_birth')

    op.drop_table('worker')
    op.drop_table('sync_state')
    with op.batch_alter_table('sync_parked', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_parked_missing_id'))

    op.drop_table('sync_parked')
    op.drop_table('sync_conflict')
    op.drop_table('station')
    op.drop_table('setting')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_org_code'))

    op.drop_table('project')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_state')

    op.drop_table('outbox')
    op.drop_table('org_unit')
    with op.batch_alter_table('job_posting', schema=None) as batch_op:
        batch_op.drop_index('ix_job_posting_status')
        batch_op.drop_index(batch_op.f('ix_job_posting_org_code'))

    op.drop_table('job_posting')
    with op.batch_alter_table('dispatch_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_batch_org_code'))
        batch_op.drop_index('ix_dispatch_batch_departure')

    op.drop_table('dispatch_batch')
