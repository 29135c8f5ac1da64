"""Secondary indexes and search keys deferred while a station pulls a large share of
its records, and built once when the pull stops.

A county station's first pull inserts 400k workers page by page. With the roster's
indexes in place every page updates each B-tree at random places, and each page's
~12k search keys go into the key B-tree at random places too; ``CREATE INDEX`` and a
sorted insert of all the keys at the end do the same work as appends.

Crash-safe and resumable like the pull itself: the indexes are dropped in the same
transaction as the page that starts the deferral, which also records the highest
worker key held before it (``DEFERRED``). A pull cut off at any point leaves that
mark; the next round goes on deferring, and whichever round's pull stops builds the
missing indexes (``CREATE INDEX IF NOT EXISTS``) and the keys of the workers above the
mark (inserted or ignored) in one transaction, and clears the mark: done twice, it
builds the same thing once. Which indexes are deferred comes from the model metadata
(every non-unique index of the tables a pull writes), so an index added to a model is
deferred and rebuilt as defined there, with no list to keep here.

Each name's pinyin is computed once: applying a page needs the sort key of each new
worker, and the search keys need the same name's pinyin forms, but 200k names do not
stay in the pinyin cache until the end. So a deferred page gives its new workers
explicit row numbers and keeps each one's name and pinyin forms in ``STAGE`` (a plain
table, appended in row order, written in the page's transaction); the build reads them
beside the worker rows and computes the pinyin again only for a worker whose name is
no longer the staged one (edited meanwhile) or that has no staged row. ``STAGE`` is
dropped with the mark, so a station that pulled in one go and one killed and resumed
end with the same tables.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Connection, Index, Table, delete, func, select
from sqlalchemy.orm import Session

from broker_app.domain.people.name_pinyin import name_pinyin
from broker_app.store.base import table_of
from broker_app.store.bulk import alongside, load_cache
from broker_app.store.models import RECORD_TYPES, Worker
from broker_app.store.models.local import SyncState
from broker_app.store.models.status_history import WorkerStatusEvent, WorkerStatusLatest
from broker_app.store.repositories import sync_state
from broker_app.store.repositories.workers import NewWorkerKeys
from broker_app.store.worker_search import FACET_FIELDS, facet_bits, forms_of

#: ``sync_state`` key present while indexes are deferred: the highest worker key held
#: before the deferral (the workers above it have no search keys yet).
DEFERRED = "pull_deferred_above"
#: Defer only when at least this many records are coming: below, building the indexes
#: of the whole table again costs more than keeping them up to date.
MIN_RECORDS = 1000
#: The build at the end of a deferred pull takes about this share of the pull's own
#: time (measured: ``benchmarks/sync_initial_pull.py``, 200k and 400k workers), for
#: the time left shown while pulling.
BUILD_SHARE = 0.4
#: Name and pinyin forms of each worker a deferred page inserted, by row number.
STAGE = "pull_deferred_pinyin"
#: Between the pinyin forms in ``STAGE`` (never in a form: letters only).
_FORMS_SEP = " "


@cache
def pulled_tables() -> tuple[Table, ...]:
    """The tables a pulled page writes: every synced kind, the status history and
    each worker's latest status (written by the history's triggers)."""
    tables = [table_of(cls) for cls in RECORD_TYPES.values()]
    history = (table_of(WorkerStatusEvent), table_of(WorkerStatusLatest))
    return (*sorted(tables, key=lambda table: table.name), *history)


def deferrable_indexes() -> list[Index]:
    """The non-unique indexes of the pulled tables. Unique ones stay: the pull looks
    records up by id, and a unique index is also a constraint."""
    return [
        index
        for table in pulled_tables()
        for index in sorted(table.indexes, key=lambda index: str(index.name))
        if not index.unique
    ]


def held_records(session: Session) -> int:
    """Records of the synced kinds this station holds (the size of what a deferral
    makes ``CREATE INDEX`` read again)."""
    return sum(
        session.scalar(select(func.count()).select_from(table_of(cls))) or 0
        for cls in RECORD_TYPES.values()
    )


def deferred_above(session: Session) -> int | None:
    """The worker key of the deferral under way, or None when nothing is deferred."""
    value = sync_state.get_state(session, DEFERRED)
    return None if value is None else int(value)


def worth_deferring(session: Session, incoming: int) -> bool:
    """Whether ``incoming`` records are enough to defer for: at least ``MIN_RECORDS``
    and at least as many as the station holds already (a first pull, or one resumed
    with most of the county still to come)."""
    return incoming >= MIN_RECORDS and incoming >= held_records(session)


def defer(session: Session) -> None:
    """Drop the deferrable indexes and mark the deferral, inside the caller's
    transaction. Again during a deferral, it only makes sure the indexes are gone."""
    if deferred_above(session) is None:
        highest = session.scalar(select(func.max(Worker.pk))) or 0
        sync_state.put_state(session, DEFERRED, str(highest))
        session.flush()
    conn = session.connection()
    for index in deferrable_indexes():
        index.drop(conn, checkfirst=True)
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {STAGE} (pk INTEGER PRIMARY KEY, name TEXT, forms TEXT)"
    )


def next_worker_pk(session: Session) -> int:
    """The row number a new worker takes next (given explicitly during a deferral, so
    the page can stage its pinyin by row number without reading it back)."""
    return (session.scalar(select(func.max(Worker.pk))) or 0) + 1


def stage_pinyin(session: Session, rows: list[tuple[int, str, str]]) -> None:
    """Keep (row number, name, pinyin forms as ``pinyin_of`` gives them) of workers a
    deferred page inserted, for their search keys at the end of the pull (inside the
    caller's transaction)."""
    session.connection().exec_driver_sql(f"INSERT OR REPLACE INTO {STAGE} VALUES (?, ?, ?)", rows)


def pinyin_of(names: list[str]) -> list[tuple[str, str]]:
    """(sort key, pinyin forms as ``STAGE`` keeps them) of each name: what a deferred
    page needs of its new workers, computed beside the applying (``PullHelper``)."""
    out = []
    for name in names:
        keys = name_pinyin(name)
        out.append((keys.sort_key, _FORMS_SEP.join(forms_of(keys))))
    return out


def forms_from_text(text: str) -> list[str]:
    """The pinyin forms kept as one text (``STAGE``, ``pinyin_of``)."""
    return text.split(_FORMS_SEP) if text else []


def restore(session: Session) -> int:
    """Build what a deferral left out, inside the caller's transaction, and clear the
    mark; returns the workers given search keys (0 when nothing was deferred).

    The search keys are made as a bulk load makes them (``NewWorkerKeys``: once per
    distinct name, from the pinyin kept while the pages were applied). While SQLite
    builds the indexes (``alongside``), the workers are read on a connection of their
    own and their keys made: the transaction holds the write lock from its start, so
    what that connection reads (what is committed) is what this one holds."""
    above = deferred_above(session)
    if above is None:
        return 0
    conn = session.connection()
    keys = NewWorkerKeys()
    indexes = deferrable_indexes()

    def build_indexes() -> None:
        for index in indexes:
            index.create(conn, checkfirst=True)

    def read_and_make() -> None:
        # A read transaction (the session's engine begins its own with the write lock).
        with conn.engine.connect() as reader:
            _add_workers(reader.execution_options(sqlite_begin="BEGIN"), above, keys)
        keys.make()

    with load_cache(session):
        alongside(build_indexes, read_and_make)
        keys.insert(session)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGE}")
    session.execute(delete(SyncState).where(SyncState.key == DEFERRED))
    return len(keys)


def _add_workers(conn: Connection, above: int, keys: NewWorkerKeys) -> None:
    """Add the workers above ``above`` to ``keys``, each with the pinyin kept for it
    when its name is still the one it was computed for (else it is computed again)."""
    flags = ", ".join(f"w.{name}" for name in FACET_FIELDS)
    # A deferral begun by an older version kept no pinyin.
    staged = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", (STAGE,)
    ).scalar_one()
    kept = f"LEFT JOIN {STAGE} AS s ON s.pk = w.pk" if staged else ""
    rows = conn.exec_driver_sql(
        "SELECT w.pk, w.name, w.id_number, w.phone, w.name_sort, "
        + ("s.name, s.forms" if staged else "NULL, NULL")
        + f", {flags} FROM {Worker.__tablename__} AS w {kept} WHERE w.pk > ? ORDER BY w.pk",
        (above,),
    )
    for pk, name, id_number, phone, order, kept_name, forms, *flagged in rows:
        pinyin = (order, forms_from_text(forms)) if kept_name == name and forms else None
        keys.add(pk, name, id_number, phone or "", facet_bits(*flagged), pinyin)
