"""The derived-data triggers a large worker load would fire row by row, left out
while its rows go in and made good in one statement each at the end.

Every worker inserted fires two triggers (its groups onto ``worker_status_latest``,
migration 0014; its latest follow-up day onto its row, 0015), and its status event
a third (the upsert of the worker's ``worker_status_latest`` row, ~11 µs an event,
~4 s of a county's 400k). For a load at least as large as the roster it joins, the
same rows come from one grouped pass over the new workers' events, and the days
from one join with ``worker_last_follow_up``, as the indexes are built once instead
of kept up to date (``bulk.deferred_indexes``).

It all runs inside the caller's transaction: the triggers are dropped and created
again (from the SQL SQLite holds for them) in it, so a failure rolls them back too
and no other connection ever sees the tables without them. Only the *insert*
triggers are deferred (a load only inserts); ``DEFERRED`` names them, and a test
checks that they are all the insert triggers on those tables, so a trigger added
later is not silently skipped here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.base import table_of
from broker_app.store.bulk import deferred_indexes
from broker_app.store.models.status_history import WorkerStatusEvent, WorkerStatusLatest
from broker_app.store.models.worker import Worker

#: The insert triggers on ``worker`` and ``worker_status_event`` whose work
#: ``_rebuild`` does for the whole load at once.
DEFERRED = (
    "worker_status_latest_event_insert",
    "worker_status_latest_worker_insert",
    "worker_last_follow_up_worker_insert",
)
#: Tables whose insert triggers a worker load fires.
LOADED_TABLES = ("worker", "worker_status_event")
#: Fewer workers than this keep the triggers (dropping and creating them costs more).
MIN_WORKERS = 1000

_GROUPS = ("poverty_alleviated", "monitoring_type", "low_income", "disabled", "birth_date")
_EVENT = "employment_status, place_tier, org_code, archived"


@contextmanager
def deferred_worker_triggers(session: Session, incoming: int) -> Iterator[None]:
    """Around a load of ``incoming`` new workers and their status events: without
    the triggers (and with the two derived tables' indexes deferred) when the load
    is at least as large as the roster, otherwise untouched."""
    existing = session.scalar(select(func.count()).select_from(Worker)) or 0
    if incoming < MIN_WORKERS or incoming < existing:
        yield
        return
    conn = session.connection()
    marks = ", ".join("?" for _ in DEFERRED)
    saved = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})"
        " ORDER BY rowid",  # created again in the order they were created
        DEFERRED,
    ).all()
    for name, _sql in saved:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    above_pk = session.scalar(select(func.max(Worker.pk))) or 0
    above_event = session.scalar(select(func.max(WorkerStatusEvent.id))) or 0
    with deferred_indexes(session, table_of(WorkerStatusLatest), incoming):
        with deferred_indexes(session, table_of(WorkerStatusEvent), incoming):
            yield
        # After the history's indexes are built: its grouped pass reads them in order.
        _rebuild(session, above_pk, above_event)
    for _name, sql in saved:
        conn.exec_driver_sql(sql)


def _rebuild(session: Session, above_pk: int, above_event: int) -> None:
    """What the deferred triggers would have written for the workers above
    ``above_pk`` and the events above ``above_event``."""
    conn = session.connection()
    # The workers the load touched: its new rows and whoever its events are about.
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.loaded_workers")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE loaded_workers (worker_id TEXT PRIMARY KEY) WITHOUT ROWID"
    )
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO temp.loaded_workers SELECT id FROM worker WHERE pk > ?"
        " UNION SELECT worker_id FROM worker_status_event WHERE id > ?",
        (above_pk, above_event),
    )
    # Their latest event (by day, then id: no later one), first day and groups, as
    # migration 0014 builds them. Each event is checked against the worker's others
    # in the history's (worker_id, day) index, and the rows come in the order of the
    # events, which for a load are its workers' (time-ordered ids: appends); a
    # grouped pass with max(day || printf(id)) took 2.1 s at 400k against 1.2 s.
    conn.exec_driver_sql(
        "DELETE FROM worker_status_latest WHERE worker_id IN (SELECT worker_id FROM"
        " temp.loaded_workers)"
    )
    columns = ", ".join(_GROUPS)
    groups = ", ".join(f"w.{name}" for name in _GROUPS)
    conn.exec_driver_sql(
        f"""INSERT INTO worker_status_latest
            (worker_id, day, event_id, first_day, {_EVENT}, {columns})
        SELECT e.worker_id, e.day, e.id,
            (SELECT min(day) FROM worker_status_event AS f WHERE f.worker_id = e.worker_id),
            e.employment_status, e.place_tier, e.org_code, e.archived, {groups}
        FROM worker_status_event AS e
        JOIN temp.loaded_workers AS l ON l.worker_id = e.worker_id
        LEFT JOIN worker AS w ON w.id = e.worker_id
        WHERE NOT EXISTS (
            SELECT 1 FROM worker_status_event AS x
            WHERE x.worker_id = e.worker_id AND (x.day, x.id) > (e.day, e.id)
        )"""
    )
    # Each new worker's latest follow-up day (follow-ups may have come before it).
    conn.exec_driver_sql(
        "UPDATE worker SET last_follow_up = l.day FROM worker_last_follow_up AS l"
        " WHERE worker.id = l.worker_id AND worker.pk > ?"
        " AND worker.last_follow_up IS NOT l.day",
        (above_pk,),
    )
    conn.exec_driver_sql(
        "UPDATE worker SET last_follow_up = NULL WHERE pk > ? AND last_follow_up IS NOT NULL"
        " AND id NOT IN (SELECT worker_id FROM worker_last_follow_up)",
        (above_pk,),
    )
    conn.exec_driver_sql("DROP TABLE temp.loaded_workers")
