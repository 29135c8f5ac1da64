"""Station databases made by earlier builds (tests/data/archive) still open: the store
backs each up, migrates it to the newest revision, and every record, search and list
works as before."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.listing import KINDS, iter_records
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.runner import SyncRunner
from broker_app.store import migrate
from broker_app.store.repositories import sync_state
from broker_app.store.store import open_store
from tests.conftest import valid_id, worker_input

ARCHIVE = Path(__file__).resolve().parents[1] / "data" / "archive"


@dataclass(frozen=True)
class Archived:
    """What an archived database holds."""

    revision: str
    node_id: str
    #: Records of each kind (``list`` names), archived included.
    records: dict[str, int]
    #: Outbox entries: pending and quarantined.
    pending: int
    quarantined: int
    cursor: int
    #: A worker's name and the phone number it was edited to.
    edited: tuple[str, str]


EXPECTED = {
    "station-0001.sqlite.gz": Archived(
        revision="0001",
        node_id="01a22364-8199-7df6-bb02-ebcb5a944c61",
        records={
            "workers": 200,
            "jobs": 16,
            "matches": 53,
            "batches": 7,
            "batch-members": 37,
            "projects": 4,
            "cards": 72,
            "follow-ups": 54,
            "trainings": 41,
        },
        pending=2,
        quarantined=6,
        cursor=514,
        edited=("张海", "13911112222"),
    ),
}


def _unpack(name: str, data: Path) -> Path:
    data.mkdir()
    db = data / "station.sqlite3"
    with gzip.open(ARCHIVE / name) as packed, db.open("wb") as out:
        shutil.copyfileobj(packed, out)
    return db


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_archived_database_upgrades_and_works(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    db = _unpack(name, tmp_path / "data")
    old = sqlite3.connect(db)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        expected.revision
    )
    old.close()

    store = open_store(tmp_path / "data")
    try:
        # Migrated to head, with a backup of the old file first when anything changed.
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        if expected.revision != migrate.head_revision():
            assert store.migration_backup is not None and store.migration_backup.is_file()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert store.node_id == expected.node_id

        counts = {
            kind: sum(1 for _ in iter_records(store, kind, include_archived=True)) for kind in KINDS
        }
        assert counts == expected.records

        runner = SyncRunner(store)
        status = runner.status()
        assert (status.pending, status.quarantined) == (expected.pending, expected.quarantined)
        assert all(item.reason for item in runner.quarantined())
        with store.read() as session:
            assert sync_state.cursor(session) == expected.cursor

        # Search by name, ID number and phone still finds the edited worker.
        workers = WorkerService(store)
        name_, phone = expected.edited
        for text in (name_, phone):
            found = workers.search_keys(RosterFilter(text=text), RosterSort())
            assert found, text
            rows = workers.rows(found).values()
            assert any(name_ in row for row in rows), text
        total = workers.count(RosterFilter())
        assert total == expected.records["workers"] - 1  # one archived
        assert len(workers.page(RosterFilter(), RosterSort(), 0, 50)) == 50

        # And it takes new writes, which go to the outbox.
        new_id = valid_id(birth="19900101", seq="777")
        workers.register(worker_input(name="新登记", id_number=new_id))
        assert runner.status().pending == expected.pending + 1
    finally:
        store.close()
