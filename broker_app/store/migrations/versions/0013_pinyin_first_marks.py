"""pinyin search keys marked with the worker's first key per prefix

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 10:40:00.000000

Each pinyin search key (``p:``) now ends with a mark saying from which prefix length
on it is its worker's first key in the prefix's range, so the count of a pinyin
prefix needs no ``DISTINCT`` (see ``broker_app.store.worker_search.pinyin_tokens``).
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import op

from broker_app.store.worker_search import pinyin_forms, pinyin_tokens

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rewrite_pinyin_keys(pinyin_tokens)


def downgrade() -> None:
    _rewrite_pinyin_keys(lambda name: {"p:" + form for form in pinyin_forms(name)})


def _rewrite_pinyin_keys(tokens: Callable[[str], set[str]]) -> None:
    """Replace every worker's pinyin search keys (``p:``) with ``tokens(name)``."""
    conn = op.get_bind()
    conn.exec_driver_sql("DELETE FROM worker_search WHERE token >= 'p:' AND token < 'p;'")
    pairs = [
        (token, pk)
        for pk, name in conn.exec_driver_sql("SELECT pk, name FROM worker")
        for token in tokens(name)
    ]
    if not pairs:
        return
    # Staged and copied in key order: the B-tree then grows by appends.
    conn.exec_driver_sql("CREATE TEMP TABLE pinyin_keys_stage (token TEXT, worker_pk INTEGER)")
    conn.exec_driver_sql("INSERT INTO temp.pinyin_keys_stage VALUES (?, ?)", pairs)
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO worker_search (token, worker_pk) "
        "SELECT token, worker_pk FROM temp.pinyin_keys_stage ORDER BY token, worker_pk"
    )
    conn.exec_driver_sql("DROP TABLE temp.pinyin_keys_stage")
