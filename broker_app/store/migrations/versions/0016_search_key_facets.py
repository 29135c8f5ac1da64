"""search keys carry their worker's archived flag and priority groups, and pinyin
keys their name order

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 12:40:00.000000

Each search key gets a ``facets`` column (archived and the four priority groups as
bits, see ``broker_app.store.worker_search.facet_bits``), so a text search with a
priority filter is counted and paged from the keys alone. Keys of workers with none
of those flags keep the default 0; the others are set from the worker table. A
generated column ``ordered`` (``PINYIN_ORDER_SQL``), stored only in its partial index,
lists the pinyin keys of one first letter in name order, so the first page of a
common pinyin prefix is read off that index instead of sorting every match.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from broker_app.domain.common.enums import PriorityGroup
from broker_app.store.worker_search import ARCHIVED_BIT, PINYIN_ORDER_SQL, PRIORITY_BITS

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "worker_search", sa.Column("facets", sa.Integer(), server_default="0", nullable=False)
    )
    conn = op.get_bind()
    bits = " | ".join(
        f"(CASE WHEN {condition} THEN {bit} ELSE 0 END)"
        for condition, bit in (
            ("archived", ARCHIVED_BIT),
            ("poverty_alleviated", PRIORITY_BITS[PriorityGroup.POVERTY_ALLEVIATED]),
            ("monitoring_type IS NOT NULL", PRIORITY_BITS[PriorityGroup.MONITORED]),
            ("low_income", PRIORITY_BITS[PriorityGroup.LOW_INCOME]),
            ("disabled", PRIORITY_BITS[PriorityGroup.DISABLED]),
        )
    )
    # The flagged workers (a fifth of a county) in a small keyed table; one pass over
    # the keys then sets theirs (there is no index of the keys by worker).
    conn.exec_driver_sql("CREATE TEMP TABLE facets_stage (pk INTEGER PRIMARY KEY, bits INTEGER)")
    conn.exec_driver_sql(
        f"INSERT INTO temp.facets_stage SELECT pk, {bits} FROM worker WHERE {bits} != 0"
    )
    conn.exec_driver_sql(
        "UPDATE worker_search SET facets = "
        "(SELECT bits FROM temp.facets_stage s WHERE s.pk = worker_search.worker_pk) "
        "WHERE worker_pk IN (SELECT pk FROM temp.facets_stage)"
    )
    conn.exec_driver_sql("DROP TABLE temp.facets_stage")
    conn.exec_driver_sql(
        f"ALTER TABLE worker_search ADD COLUMN ordered TEXT "
        f"GENERATED ALWAYS AS ({PINYIN_ORDER_SQL}) VIRTUAL"
    )
    conn.exec_driver_sql(
        "CREATE INDEX ix_worker_search_ordered ON worker_search (ordered, facets) "
        "WHERE ordered IS NOT NULL"
    )


def downgrade() -> None:
    conn = op.get_bind()
    conn.exec_driver_sql("DROP INDEX ix_worker_search_ordered")
    conn.exec_driver_sql("ALTER TABLE worker_search DROP COLUMN ordered")
    conn.exec_driver_sql("ALTER TABLE worker_search DROP COLUMN facets")
