"""Pulled pages commit without waiting for the disk; local edits always wait."""

from __future__ import annotations

from broker_app.store.store import Store

FULL, NORMAL = 2, 1


def _synchronous(store: Store, *, replayable: bool) -> int:
    with store.write(replayable=replayable) as session:
        return int(session.connection().exec_driver_sql("PRAGMA synchronous").scalar() or 0)


def _checkpoint_pages(store: Store) -> int:
    with store.write() as session:
        pages = session.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        return int(pages or 0)


def test_only_replayable_writes_skip_the_disk_wait(store: Store) -> None:
    assert _synchronous(store, replayable=False) == FULL
    assert _synchronous(store, replayable=True) == NORMAL
    # The same pooled connection, a local edit next: durable again, and the log is
    # copied into the database at SQLite's usual size.
    assert _synchronous(store, replayable=False) == FULL
    assert _checkpoint_pages(store) == 1000
    with store.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA synchronous").scalar() == FULL
