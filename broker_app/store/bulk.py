"""Fast multi-row inserts for the bulk paths (import, demo data, initial pull).

SQLAlchemy's executemany spends most of its time binding parameters row by row
(~4-6 s for 100k workers); the driver's own ``executemany`` on tuples takes ~2 s.
This keeps SQLAlchemy's column types as the one definition of how a value is stored
(each column's bind processor is looked up once) and hands the driver plain tuples.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from threading import Thread
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

#: Not any value a row holds (``insert_rows``' last converted value before the first).
_NOTHING = object()


def insert_rows(
    session: Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    *,
    or_ignore: bool = False,
) -> None:
    """Insert ``rows`` (dicts keyed by column name; missing keys take the column's
    Python-side default) in one driver-level executemany."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    columns = [col for col in table.columns if col.key in rows[0] or col.default is not None]
    names = [col.key for col in columns]
    defaults: dict[str, Any] = {}
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    for index, col in enumerate(columns):
        default = col.default
        if default is not None and default.is_scalar:
            defaults[col.key] = getattr(default, "arg", None)
        processor = col.type.bind_processor(dialect)
        if processor is not None:
            converters.append((index, processor))
    # itemgetter builds each row's tuple in C; only columns whose type converts the
    # value (JSON, booleans) are touched in Python, and a value that is the same
    # object as the previous row's (True, a batch's shared stamp) takes its converted
    # value again instead of being converted once more.
    pick = itemgetter(*names)
    complete = rows[0].keys() >= set(names)
    slots = [(slot, index, convert) for slot, (index, convert) in enumerate(converters)]
    seen: list[Any] = [_NOTHING] * len(slots)
    made: list[Any] = [None] * len(slots)
    params: list[Any] = []
    for row in rows:
        values = pick(row if complete else {**defaults, **row})
        if len(names) == 1:
            values = (values,)
        if slots:
            mutable = list(values)
            for slot, index, convert in slots:
                value = mutable[index]
                if value is None:
                    continue
                if value is seen[slot]:
                    mutable[index] = made[slot]
                else:
                    seen[slot] = value
                    mutable[index] = made[slot] = convert(value)
            values = tuple(mutable)
        params.append(values)
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    quoted = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    conn.exec_driver_sql(f'{verb} INTO "{table.name}" ({quoted}) VALUES ({marks})', params)


@contextmanager
def deferred_indexes(session: Session, table: Table, incoming: int) -> Iterator[None]:
    """Drop ``table``'s secondary indexes while ``incoming`` rows go in, and build
    them again afterwards, when that is cheaper than keeping them up to date.

    Inserting 100k rows into a table with nine indexes updates each B-tree in random
    order (~2.9 s); ``CREATE INDEX`` sorts once instead. Rebuilding costs time in
    proportion to the whole table, so it only pays when the rows arriving are at
    least as many as the rows already there (a first import, demo data, an initial
    pull). It runs inside the caller's transaction: if anything fails, the rollback
    restores the indexes too; a duplicate in a unique index fails the rebuild, as it
    would have failed the insert.
    """
    existing = session.scalar(select(func.count()).select_from(table)) or 0
    indexes = sorted(table.indexes, key=lambda index: str(index.name))
    if incoming < 1000 or incoming < existing or not indexes:
        yield
        return
    conn = session.connection()
    for index in indexes:
        index.drop(conn)
    yield
    for index in indexes:
        index.create(conn)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a load builds its millions of
    rows, keys and tuples (none of them in a cycle). Each allocation of a container
    counts towards a collection, and each collection walks the objects tracked so
    far: a 400k load spent ~4 s in it, ~5 s to copy its rows once with it on against
    0.7 s without. Process-wide, for the load's duration; collection resumes after
    (unless it was paused already)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: The temporary database's page cache while a large load runs (SQLite's default is
#: 2 MB): its staged search keys and the indexes over them, ~150 MB for 400k workers,
#: are read back in key order; with 2 MB each page came back from the temporary file
#: (2M reads, ~1.3 s of a 400k load).
LOAD_TEMP_CACHE_KIB = 256 * 1024


@contextmanager
def load_cache(session: Session) -> Iterator[None]:
    """A larger page cache for the temporary database while a load runs on this
    connection, and the connection's own afterwards (a pooled connection keeps its
    settings; SQLite frees the pages above the limit when it is lowered). Pages are
    only taken as the load needs them: a small load uses what it did before."""
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA temp.cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA temp.cache_size = -{LOAD_TEMP_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA temp.cache_size = {int(before)}")


def alongside(database: Callable[[], None], python: Callable[[], None]) -> None:
    """Run ``database`` (long SQLite statements: index builds, ``INSERT ... SELECT``)
    in a helper thread while ``python`` runs in this one; return when both are done,
    raising what either raised (``python``'s first).

    SQLite releases the interpreter's lock for the whole of a statement, so the two
    run on two cores. ``python`` must not touch the session or its connection: the
    helper thread has them until it ends. (A helper running many short statements,
    an ``executemany``, would wait for the lock at each row: keep those here.)
    """
    failed: list[BaseException] = []

    def run() -> None:
        try:
            database()
        except BaseException as error:  # handed to the caller's thread
            failed.append(error)

    helper = Thread(target=run, name="bulk-database")
    helper.start()
    try:
        python()
    finally:
        helper.join()
    if failed:
        raise failed[0]
