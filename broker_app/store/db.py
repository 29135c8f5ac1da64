"""The SQLite engine: durable settings and explicit transactions.

Village PCs lose power, so the database runs in WAL mode with ``synchronous=FULL``
and foreign keys on. pysqlite's own implicit transaction handling is switched off
and SQLAlchemy emits ``BEGIN`` itself (the recipe from SQLAlchemy's SQLite notes),
so every unit of work is one real transaction. Writers use ``BEGIN IMMEDIATE``:
taking the write lock up front means a GUI read and a background write never
deadlock while upgrading a shared lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

WRITE = {"sqlite_begin": "BEGIN IMMEDIATE"}
#: A write that can be redone from elsewhere if a power cut loses it (a pulled page
#: with its cursor: the server sends the page again). Its commit does not wait for the
#: disk: in WAL mode ``synchronous=NORMAL`` may lose the last such commits at a power
#: cut but never leaves the database inconsistent, and the next durable commit syncs
#: them too. A county's first pull commits hundreds of pages.
REPLAYABLE = {**WRITE, "sqlite_synchronous": "NORMAL", "sqlite_checkpoint": 16384}
#: SQLite's default: copy the write-ahead log into the database past 1000 pages (4 MiB).
_CHECKPOINT_PAGES = 1000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        sqlite_url(path),
        connect_args={"timeout": 30, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        # 64 MB of page cache (default 8 MB): bulk imports update several indexes at
        # random places, and a roster of 100k workers with its search keys is larger.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        # Per transaction: a pooled connection must not keep a replayable write's setting.
        conn.exec_driver_sql(f"PRAGMA synchronous={options.get('sqlite_synchronous', 'FULL')}")
        # Replayable writes come in a long run (a first pull): the log grows to 64 MiB
        # before it is copied into the database, so the index pages every page touches
        # are copied (and synced) once per 64 MiB rather than once per 4 MiB.
        pages = int(options.get("sqlite_checkpoint", _CHECKPOINT_PAGES))
        conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint={pages}")
        conn.exec_driver_sql(options.get("sqlite_begin", "BEGIN"))

    return engine
