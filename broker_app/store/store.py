"""The open station database: engine, transactions, clock and this station's identity."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from broker_app.domain.org.units import load_zoucheng
from broker_app.store import migrate
from broker_app.store.db import REPLAYABLE, WRITE, make_engine
from broker_app.store.models.local import MAX_SEEN_STAMP, OrgUnit, OutboxEntry, Station, SyncState
from broker_app.store.secrets import SecretStore
from broker_app.store.writer import RecordWriter
from sync.hlc import HybridClock
from sync.ids import uuid7

log = logging.getLogger(__name__)

#: The open transaction ``Store.read()`` and ``Store.write()`` yield. Services hold it
#: between those calls and the repository functions, by this name: they never import
#: SQLAlchemy (the store is the only place with SQL).
Transaction: TypeAlias = Session


class _Waiting:
    """How many of this program's threads wait for the write lock."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    @contextmanager
    def counted(self) -> Iterator[None]:
        with self._lock:
            self.count += 1
        try:
            yield
        finally:
            with self._lock:
                self.count -= 1


def _wall_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


class Store:
    """One per open database. Pass it to services through their constructors."""

    def __init__(self, db_path: Path, backups_dir: Path, secrets_backend: Any = "auto") -> None:
        """``secrets_backend``: where the station's secrets go (``SecretStore``); the
        default is the operating system's store when it has one, else a 0600 file."""
        self.path = db_path
        self.backups_dir = backups_dir
        self.engine = make_engine(db_path)
        chooser = SecretStore(db_path.parent, "", secrets_backend)
        self.migration_backup = migrate.upgrade(
            self.engine, db_path, backups_dir, secrets_for=chooser.sharing_backend
        )
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(**WRITE), expire_on_commit=False)
        self._replayable = sessionmaker(
            self.engine.execution_options(**REPLAYABLE), expire_on_commit=False
        )
        self._waiting = _Waiting()
        self.node_id = self._ensure_station()
        #: The credential and the card-signing key: never in the database.
        self.secrets = chooser.sharing_backend(self.node_id)
        self.clock = HybridClock(self.node_id)
        # The wall clock of record writes (created/updated times, the day of a status
        # change); tests that build a past month's data set it.
        self.now: Callable[[], datetime] = _wall_clock
        self._resume_clock()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, replayable: bool = False) -> Iterator[Session]:
        """One transaction: everything inside commits together or not at all.
        ``replayable``: what it writes is fetched again if a power cut loses it (a
        pulled page and its cursor), so its commit does not wait for the disk (see
        ``db.REPLAYABLE``); local edits are always written through to the disk."""
        with (self._replayable if replayable else self._writer)() as session, session.begin():
            with self._waiting.counted():
                session.connection()  # BEGIN IMMEDIATE: waits here for the write lock
            yield session

    def writers_waiting(self) -> int:
        """This program's writes waiting for the write lock now (``let_writers_in``)."""
        return self._waiting.count

    def let_writers_in(self, within: float = 2.0) -> None:
        """Before a long run of writes takes the lock again: wait until this program's
        writes waiting for it have had it (at most ``within`` seconds). SQLite lets a
        waiting writer retry only every 100 ms or so, and a run of transactions that
        begins the next as soon as it commits the last (a county's first pull) would
        otherwise keep a broker's edit waiting until it times out."""
        deadline = time.monotonic() + within
        while self._waiting.count and time.monotonic() < deadline:
            time.sleep(0.002)

    def writer(self, session: Session) -> RecordWriter:
        return RecordWriter(session, self.clock, self.now)

    def close(self) -> None:
        self.engine.dispose()

    def analyze(self) -> None:
        """Refresh the query planner's statistics (after a large pull)."""
        with self.write() as session:
            session.execute(text("ANALYZE"))

    def truncate_log(self) -> bool:
        """Copy the write-ahead log into the database file and empty it, so that pages
        overwritten since (deleted personal data) leave no older copy behind. Returns
        False when a reader kept part of the log (it is emptied at a later call)."""
        with self.engine.connect() as conn:
            busy, _frames, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if busy:
            log.warning("write-ahead log not emptied: the database is busy")
        return not busy

    def _ensure_station(self) -> str:
        with self.write() as session:
            station = session.get(Station, 1)
            if station is None:
                station = Station(pk=1, node_id=uuid7(), created_at=datetime.now())
                session.add(station)
                log.info("new station database %s, node %s", self.path, station.node_id)
            if not session.scalar(select(func.count()).select_from(OrgUnit)):
                directory = load_zoucheng()
                session.execute(
                    insert(OrgUnit),
                    [
                        {
                            "code": unit.code,
                            "name": unit.name,
                            "short_name": unit.short_name,
                            "level": unit.level.value,
                            "parent_code": unit.parent_code,
                        }
                        for unit in (
                            directory.county,
                            *directory.townships(),
                            *directory.villages(),
                        )
                    ],
                )
            return station.node_id

    def _resume_clock(self) -> None:
        # The wall clock may have been set back since the last run: never issue a
        # stamp below one already written.
        with self.read() as session:
            last = session.scalar(select(func.max(OutboxEntry.hlc)))
            # ...nor below one pulled from other stations (a slow PC clock).
            seen = session.scalar(select(SyncState.value).where(SyncState.key == MAX_SEEN_STAMP))
        # The server vouched for the pulled one: adopted first, it lets the clock
        # resume above this station's own stamps even when the PC clock is years slow.
        if seen:
            self.clock.observe_trusted(seen)
        if last:
            self.clock.observe(last)


def open_store(data: Path) -> Store:
    from broker_app import paths

    return Store(paths.database_path(data), paths.backups_dir(data))
