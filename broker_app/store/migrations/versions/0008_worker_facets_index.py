"""worker facets index: a text search checks filters and name order by row key

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:30:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.create_index(
            "ix_worker_facets",
            [
                "pk",
                "archived",
                "org_code",
                "birth_date",
                "employment_status",
                "poverty_alleviated",
                "monitoring_type",
                "low_income",
                "disabled",
                "labor_brand",
                "name_sort",
            ],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.drop_index("ix_worker_facets")
