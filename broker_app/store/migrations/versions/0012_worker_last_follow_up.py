"""each worker's latest live follow-up, kept by triggers

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 10:40:00.000000

The 帮扶预警 list needs the day of each priority-group person's latest live
跟踪服务记录. ``worker_last_follow_up`` holds it, one row per worker who has one,
and triggers on ``follow_up`` keep it right on every insert, update and delete,
whichever code path writes (the record writer, sync apply, bulk loads). An insert
of a live record raises the day; an update that changes the worker, day or archived
flag, and a delete, recount the worker(s) concerned from ``ix_follow_up_worker_live``
(an update writing the same values, as a merge of pulled fields may, does nothing).

SQLite drops a table's triggers when a batch ALTER rebuilds it: a later migration
that rebuilds ``follow_up`` must run ``create_triggers()`` of this one again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TRIGGERS = ("follow_up_latest_insert", "follow_up_latest_update", "follow_up_latest_delete")


def _recount(worker: str) -> str:
    """Statements that set ``worker``'s row from its live follow-ups (none: no row)."""
    return f"""
    DELETE FROM worker_last_follow_up WHERE worker_id = {worker};
    INSERT INTO worker_last_follow_up (worker_id, day)
        SELECT worker_id, max(date) FROM follow_up
        WHERE worker_id = {worker} AND archived IS 0 GROUP BY worker_id;"""


def create_triggers() -> None:
    op.execute(
        """CREATE TRIGGER follow_up_latest_insert AFTER INSERT ON follow_up
        WHEN NEW.archived IS 0
        BEGIN
            INSERT INTO worker_last_follow_up (worker_id, day) VALUES (NEW.worker_id, NEW.date)
            ON CONFLICT (worker_id) DO UPDATE SET day = max(day, excluded.day);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER follow_up_latest_update
        AFTER UPDATE OF worker_id, date, archived ON follow_up
        WHEN OLD.worker_id IS NOT NEW.worker_id OR OLD.date IS NOT NEW.date
            OR OLD.archived IS NOT NEW.archived
        BEGIN{_recount("OLD.worker_id")}{_recount("NEW.worker_id")}
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER follow_up_latest_delete AFTER DELETE ON follow_up
        BEGIN{_recount("OLD.worker_id")}
        END"""
    )


def upgrade() -> None:
    op.create_table(
        "worker_last_follow_up",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("worker_id", name=op.f("pk_worker_last_follow_up")),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO worker_last_follow_up (worker_id, day) "
        "SELECT worker_id, max(date) FROM follow_up WHERE archived IS 0 "
        "GROUP BY worker_id ORDER BY worker_id"
    )
    create_triggers()


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("worker_last_follow_up")
