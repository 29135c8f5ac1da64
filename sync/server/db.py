"""The server database: engine, read and write transactions, the change-sequence lock.

SQLite (the embedded default) runs in WAL mode with ``synchronous=FULL``, and every
write transaction starts with ``BEGIN IMMEDIATE``. PostgreSQL runs at READ COMMITTED
(its defaults otherwise); a write transaction first locks the ``seq`` counter row,
which serialises writers so that change sequence numbers become visible in order.
The lock is a row lock in the database, held until commit, so it serialises the
writers of every server process alike (``serve --workers N``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.orm import Session, sessionmaker

from sync.server.models import Counter

SEQ = "seq"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


#: PostgreSQL connections one server may hold, shared among its processes: a county
#: database also serves backups and admin commands, and PostgreSQL allows 100 by default.
PG_CONNECTIONS = 32


def make_engine(url: str, processes: int = 1) -> Engine:
    """The engine of one server process (``processes``: how many share the database)."""
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # FULL: a push answered "applied" survives a power cut (NORMAL in WAL mode may
            # lose the last transactions, which the stations then never resend).
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

        return engine
    # Writers queue on the change-sequence lock anyway, so more connections than this
    # buy no throughput; readers share what is left.
    per_process = max(2, PG_CONNECTIONS // (2 * processes))
    return create_engine(url, pool_size=per_process, max_overflow=per_process, pool_pre_ping=True)


class ServerDB:
    """One per process; hands out transactions."""

    def __init__(self, url: str, processes: int = 1) -> None:
        self.url = url
        self.sqlite = is_sqlite(url)
        self.engine = make_engine(url, processes)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = (
            self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            if self.sqlite
            else self.engine
        )
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction that holds the change-sequence lock until it commits."""
        with self._writer() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


class SeqAllocator:
    """Hands out change sequence numbers inside one write transaction.

    Creating it locks the counter row (PostgreSQL ``FOR UPDATE``; SQLite already holds
    the database write lock), so no other writer can commit a lower number later.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        stmt = select(Counter.value).where(Counter.name == SEQ).with_for_update()
        value = session.scalar(stmt)
        if value is None:
            session.add(Counter(name=SEQ, value=0))
            session.flush()
            value = 0
        self._start = value
        self._value = value

    def next(self) -> int:
        self._value += 1
        return self._value

    def advance(self, count: int) -> int:
        """Skip ``count`` numbers; the last one taken."""
        self._value += count
        return self._value

    def close(self) -> None:
        if self._value != self._start:
            self.session.execute(
                update(Counter).where(Counter.name == SEQ).values(value=self._value)
            )
