"""each worker's latest follow-up day on its row, in ix_worker_stats

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 13:00:00.000000

The 帮扶预警 summary of a county passes over its ~250,000 priority-group people in
``ix_worker_stats`` and sought each one's ``worker_last_follow_up`` row (0.18 s of
the statement's 0.5 s of CPU at 400k workers). ``worker.last_follow_up`` holds the
same day, and ``ix_worker_stats`` carries it, so the pass reads it from the index.

Triggers on ``worker_last_follow_up`` (itself kept by the triggers on
``follow_up``, migration 0012) copy its day onto the worker row whenever a row there
is inserted, updated or deleted; a trigger on ``worker`` gives a worker inserted
after its follow-ups (a pulled page, a worker coming back) its day. The column is
local: it is not a sync field, and no code writes it.

The column is added with a plain ``ALTER TABLE ADD COLUMN``: a batch operation
would rebuild ``worker`` and drop the triggers of 0014 and of this migration. A
later migration that rebuilds ``worker`` or ``worker_last_follow_up`` must run
``create_triggers()`` of this one again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TRIGGERS = (
    "worker_last_follow_up_copy_insert",
    "worker_last_follow_up_copy_update",
    "worker_last_follow_up_copy_delete",
    "worker_last_follow_up_worker_insert",
    "worker_last_follow_up_worker_update",
)
_OWN_DAY = "(SELECT day FROM worker_last_follow_up WHERE worker_id = NEW.id)"
_OLD_STATS = [
    "archived", "org_code", "employment_status", "place_tier", "poverty_alleviated",
    "monitoring_type", "low_income", "disabled", "birth_date", "job_end",
]  # fmt: skip


def create_triggers() -> None:
    op.execute(
        """CREATE TRIGGER worker_last_follow_up_copy_insert
        AFTER INSERT ON worker_last_follow_up
        BEGIN
            UPDATE worker SET last_follow_up = NEW.day WHERE id = NEW.worker_id;
        END"""
    )
    op.execute(
        """CREATE TRIGGER worker_last_follow_up_copy_update
        AFTER UPDATE ON worker_last_follow_up
        BEGIN
            UPDATE worker SET last_follow_up = NULL
                WHERE id = OLD.worker_id AND OLD.worker_id IS NOT NEW.worker_id;
            UPDATE worker SET last_follow_up = NEW.day
                WHERE id = NEW.worker_id AND last_follow_up IS NOT NEW.day;
        END"""
    )
    op.execute(
        """CREATE TRIGGER worker_last_follow_up_copy_delete
        AFTER DELETE ON worker_last_follow_up
        BEGIN
            UPDATE worker SET last_follow_up = NULL WHERE id = OLD.worker_id;
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER worker_last_follow_up_worker_insert AFTER INSERT ON worker
        WHEN NEW.last_follow_up IS NOT {_OWN_DAY}
        BEGIN
            UPDATE worker SET last_follow_up = {_OWN_DAY} WHERE pk = NEW.pk;
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER worker_last_follow_up_worker_update
        AFTER UPDATE OF id, last_follow_up ON worker
        WHEN NEW.last_follow_up IS NOT {_OWN_DAY}
        BEGIN
            UPDATE worker SET last_follow_up = {_OWN_DAY} WHERE pk = NEW.pk;
        END"""
    )


def upgrade() -> None:
    op.add_column("worker", sa.Column("last_follow_up", sa.Date(), nullable=True))
    op.execute(
        "UPDATE worker SET last_follow_up = (SELECT day FROM worker_last_follow_up AS l"
        " WHERE l.worker_id = worker.id)"
        " WHERE id IN (SELECT worker_id FROM worker_last_follow_up)"
    )
    op.drop_index("ix_worker_stats", table_name="worker")
    op.create_index("ix_worker_stats", "worker", [*_OLD_STATS, "last_follow_up", "id"])
    create_triggers()


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_worker_stats", table_name="worker")
    op.create_index("ix_worker_stats", "worker", [*_OLD_STATS, "id"])
    op.execute("ALTER TABLE worker DROP COLUMN last_follow_up")
