"""each worker's latest status event, kept by triggers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 12:30:00.000000

A past month's stock figures (月度统计表 of a past month) counted each worker where
its latest status event up to the month's end put it, found by one pass over the
whole history grouped by worker (1.7 s of CPU at 400k workers).
``worker_status_latest`` holds each worker's latest event (by day, then by id) with
the priority-group fields of its worker row, so the workers with no event after the
month's end are counted from one index, and only those with a later event are read
from the history (``store.repositories.statistics.stock_at``).

Triggers keep it right on every write path (the record writer, sync apply, a pulled
page, a bulk load), whichever code writes:

- an event inserted replaces the worker's row when it comes later by (day, id), and
  moves its first day back when it comes earlier;
  an event updated or deleted (no code does either today) recounts its worker(s);
- a worker inserted, deleted, or updated in its id or a priority-group field
  (脱贫, 监测, 低收入, 残疾, the birth date for 大龄) copies those fields over
  (NULL once the row is gone, as the outer join of the old query read them).

SQLite drops a table's triggers when a batch ALTER rebuilds it: a later migration
that rebuilds ``worker`` or ``worker_status_event`` must run ``create_triggers()``
of this one again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TRIGGERS = (
    "worker_status_latest_event_insert",
    "worker_status_latest_event_update",
    "worker_status_latest_event_delete",
    "worker_status_latest_worker_insert",
    "worker_status_latest_worker_update",
    "worker_status_latest_worker_delete",
)
_EVENT = "employment_status, place_tier, org_code, archived"
_GROUPS = ("poverty_alleviated", "monitoring_type", "low_income", "disabled", "birth_date")
_COLUMNS = f"worker_id, day, event_id, first_day, {_EVENT}, {', '.join(_GROUPS)}"
_FROM_WORKER = ", ".join(f"w.{name}" for name in _GROUPS)


def _recount(worker: str) -> str:
    """Statements that set ``worker``'s row from its events (none: no row)."""
    return f"""
    DELETE FROM worker_status_latest WHERE worker_id = {worker};
    INSERT INTO worker_status_latest ({_COLUMNS})
        SELECT e.worker_id, e.day, e.id,
            (SELECT min(day) FROM worker_status_event WHERE worker_id = {worker}),
            e.employment_status, e.place_tier, e.org_code, e.archived, {_FROM_WORKER}
        FROM worker_status_event AS e LEFT JOIN worker AS w ON w.id = e.worker_id
        WHERE e.worker_id = {worker} ORDER BY e.day DESC, e.id DESC LIMIT 1;"""


def _copy_groups(source: str, worker: str) -> str:
    """The statement that copies the group fields of ``source`` (NEW, or NULL)."""
    values = ", ".join(
        f"{name} = {'NULL' if source == 'NULL' else f'{source}.{name}'}" for name in _GROUPS
    )
    return f"""
    UPDATE worker_status_latest SET {values} WHERE worker_id = {worker};"""


def _newer(name: str) -> str:
    """``name`` set from the inserted event when it comes later by (day, id)."""
    latest = "worker_status_latest"
    return (
        f"{name} = CASE WHEN (excluded.day, excluded.event_id) > ({latest}.day, "
        f"{latest}.event_id) THEN excluded.{name} ELSE {latest}.{name} END"
    )


def create_triggers() -> None:
    op.execute(
        f"""CREATE TRIGGER worker_status_latest_event_insert
        AFTER INSERT ON worker_status_event
        BEGIN
            INSERT INTO worker_status_latest ({_COLUMNS})
            SELECT NEW.worker_id, NEW.day, NEW.id, NEW.day, NEW.employment_status,
                NEW.place_tier, NEW.org_code, NEW.archived, {_FROM_WORKER}
            FROM (SELECT 1) LEFT JOIN worker AS w ON w.id = NEW.worker_id
            WHERE true
            ON CONFLICT (worker_id) DO UPDATE SET
                first_day = min(worker_status_latest.first_day, excluded.first_day),
                {_newer("day")}, {_newer("event_id")}, {_newer("employment_status")},
                {_newer("place_tier")}, {_newer("org_code")}, {_newer("archived")};
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER worker_status_latest_event_update
        AFTER UPDATE ON worker_status_event
        BEGIN{_recount("OLD.worker_id")}{_recount("NEW.worker_id")}
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER worker_status_latest_event_delete
        AFTER DELETE ON worker_status_event
        BEGIN{_recount("OLD.worker_id")}
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER worker_status_latest_worker_insert AFTER INSERT ON worker
        BEGIN{_copy_groups("NEW", "NEW.id")}
        END"""
    )
    changed = " OR ".join(f"OLD.{name} IS NOT NEW.{name}" for name in ("id", *_GROUPS))
    op.execute(
        f"""CREATE TRIGGER worker_status_latest_worker_update
        AFTER UPDATE OF id, {", ".join(_GROUPS)} ON worker
        WHEN {changed}
        BEGIN{_copy_groups("NULL", "OLD.id")}{_copy_groups("NEW", "NEW.id")}
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER worker_status_latest_worker_delete AFTER DELETE ON worker
        BEGIN{_copy_groups("NULL", "OLD.id")}
        END"""
    )


def upgrade() -> None:
    op.create_table(
        "worker_status_latest",
        sa.Column("worker_id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("employment_status", sa.String(length=16), nullable=False),
        sa.Column("place_tier", sa.String(length=16), nullable=False),
        sa.Column("org_code", sa.String(length=12), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("poverty_alleviated", sa.Boolean(), nullable=True),
        sa.Column("monitoring_type", sa.String(length=24), nullable=True),
        sa.Column("low_income", sa.Boolean(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("worker_id", name=op.f("pk_worker_status_latest")),
        sqlite_with_rowid=False,
    )
    # Each worker's latest event: SQLite takes the bare columns from the row where
    # the group's max() was found; the key orders by day, then by id.
    op.execute(
        f"""INSERT INTO worker_status_latest ({_COLUMNS})
        SELECT e.worker_id, e.day, e.id, f.first_day, e.employment_status, e.place_tier,
            e.org_code, e.archived, {_FROM_WORKER}
        FROM (
            SELECT worker_id, max(day || printf('%012d', id)) AS latest, day, id,
                employment_status, place_tier, org_code, archived
            FROM worker_status_event GROUP BY worker_id
        ) AS e
        JOIN (
            SELECT worker_id, min(day) AS first_day FROM worker_status_event GROUP BY worker_id
        ) AS f ON f.worker_id = e.worker_id
        LEFT JOIN worker AS w ON w.id = e.worker_id
        ORDER BY e.worker_id"""
    )
    op.create_index(
        "ix_worker_status_latest_stats",
        "worker_status_latest",
        [
            "archived", "org_code", "employment_status", "place_tier", "day",
            "poverty_alleviated", "monitoring_type", "low_income", "disabled", "birth_date",
        ],  # fmt: skip
    )
    op.create_index(
        "ix_worker_status_latest_day", "worker_status_latest", ["day", "first_day"]
    )
    create_triggers()


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_worker_status_latest_day", table_name="worker_status_latest")
    op.drop_index("ix_worker_status_latest_stats", table_name="worker_status_latest")
    op.drop_table("worker_status_latest")
