"""worker facets index, and name search keys in name order

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 09:30:00.000000

A text search checks each match's filters in a narrow index led by the row key
instead of in the wide table, and each name search key now ends with the name's
sort key, so the keys of one name substring are stored in the roster's name order.
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import op

from broker_app.store.worker_search import name_substrings, name_tokens

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_COLUMNS = [
    'pk', 'archived', 'org_code', 'birth_date', 'employment_status', 'poverty_alleviated',
    'monitoring_type', 'low_income', 'disabled', 'labor_brand', 'name_sort',
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.create_index("ix_worker_facets", _COLUMNS, unique=False)
    _rewrite_name_keys(name_tokens)


def downgrade() -> None:
    _rewrite_name_keys(lambda name: {"n:" + part for part in name_substrings(name)})
    with op.batch_alter_table("worker", schema=None) as batch_op:
        batch_op.drop_index("ix_worker_facets")


def _rewrite_name_keys(tokens: Callable[[str], set[str]]) -> None:
    """Replace every worker's name search keys (``n:``) with ``tokens(name)``."""
    conn = op.get_bind()
    conn.exec_driver_sql("DELETE FROM worker_search WHERE token >= 'n:' AND token < 'n;'")
    pairs = [
        (token, pk)
        for pk, name in conn.exec_driver_sql("SELECT pk, name FROM worker")
        for token in tokens(name)
    ]
    if not pairs:
        return
    # Staged and copied in key order: the B-tree then grows by appends.
    conn.exec_driver_sql("CREATE TEMP TABLE name_keys_stage (token TEXT, worker_pk INTEGER)")
    conn.exec_driver_sql("INSERT INTO temp.name_keys_stage VALUES (?, ?)", pairs)
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO worker_search (token, worker_pk) "
        "SELECT token, worker_pk FROM temp.name_keys_stage ORDER BY token, worker_pk"
    )
    conn.exec_driver_sql("DROP TABLE temp.name_keys_stage")
