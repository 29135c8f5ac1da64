"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28 15:52:51.422401
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applied_mutation",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_applied_mutation")),
    )
    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("other_record_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=64), nullable=True),
        sa.Column("org_code", sa.String(length=12), nullable=False),
        sa.Column("winner_value", sa.Text(), nullable=True),
        sa.Column("winner_stamp", sa.String(length=64), nullable=True),
        sa.Column("winner_station", sa.String(length=36), nullable=True),
        sa.Column("loser_value", sa.Text(), nullable=True),
        sa.Column("loser_stamp", sa.String(length=64), nullable=True),
        sa.Column("loser_station", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index("ix_conflict_open", ["resolved", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_org_code"), ["org_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_record_id"), ["record_id"], unique=False)

    counter = op.create_table(
        "counter",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    # The change-sequence counter exists from the start: its row lock serialises writers.
    op.bulk_insert(counter, [{"name": "seq", "value": 0}])
    op.create_table(
        "org_unit",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("short_name", sa.String(length=64), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_org_unit")),
    )
    op.create_table(
        "record",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("org_code", sa.String(length=12), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("worker_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record")),
        sa.UniqueConstraint("seq", name=op.f("uq_record_seq")),
    )
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_id_number"), ["id_number"], unique=False)
        batch_op.create_index("ix_record_org_seq", ["org_code", "seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_record_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "scope_refusal",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("org_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope_refusal")),
    )
    with op.batch_alter_table("scope_refusal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scope_refusal_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "station",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("org_code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station")),
    )
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_station_node_id"), ["node_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_station_org_code"), ["org_code"], unique=False)

    op.create_table(
        "enrolment_code",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_enrolment_code_station_id_station")
        ),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrolment_code")),
    )
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolment_code_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "station_key",
        sa.Column("key_id", sa.String(length=8), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("org_code", sa.String(length=12), nullable=False),
        sa.Column("label", sa.String(length=128), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("certified", sa.Boolean(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_station_key_station_id_station")
        ),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_station_key")),
    )
    with op.batch_alter_table("station_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_station_key_station_id"), ["station_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("station_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_station_key_station_id"))

    op.drop_table("station_key")
    with op.batch_alter_table("enrolment_code", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_code_station_id"))

    op.drop_table("enrolment_code")
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_station_org_code"))
        batch_op.drop_index(batch_op.f("ix_station_node_id"))

    op.drop_table("station")
    with op.batch_alter_table("scope_refusal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scope_refusal_station_id"))

    op.drop_table("scope_refusal")
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_worker_id"))
        batch_op.drop_index("ix_record_org_seq")
        batch_op.drop_index(batch_op.f("ix_record_id_number"))

    op.drop_table("record")
    op.drop_table("org_unit")
    op.drop_table("counter")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_record_id"))
        batch_op.drop_index(batch_op.f("ix_conflict_org_code"))
        batch_op.drop_index("ix_conflict_open")

    op.drop_table("conflict")
    op.drop_table("applied_mutation")
