"""A station meets the server as something other than its last self: restored from an
old backup, with its credential revoked, or copied to a second PC. Real server
process; the other stations' data is never lost."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broker_app.cli.main import main as cli_main
from broker_app.services.backups import backup_now, restore
from broker_app.services.listing import iter_records
from broker_app.services.sync.config import load_config
from broker_app.services.sync.identity import CopiedDataFolder
from broker_app.services.sync.runner import ERROR, SyncRunner
from broker_app.store.store import open_store
from sync.client.errors import AuthRejected
from sync.server import stations as server_stations
from sync.server.db import ServerDB
from sync.server.deps import utc_now
from tests.reliability.faults import server_records, table_counts
from tests.sync.conftest import FAST, Station, StationFactory, station_factory
from tests.sync.records import edit_worker, register_worker
from tests.sync.server_process import RunningServer, database_url, run_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """One server per module (SQLite: what is tested here is the station's side); each
    test works in its own village."""
    folder = tmp_path_factory.mktemp("srv")
    with database_url("sqlite", folder) as url, run_server(url, folder) as running:
        yield running


def revoke(server: RunningServer, station: Station) -> None:
    """What ``python -m sync.server revoke-station ID`` does, in-process."""
    config = load_config(station.store)
    assert config is not None
    db = ServerDB(server.db_url)
    try:
        with db.write() as session:
            server_stations.revoke(session, config.station_id, utc_now())
    finally:
        db.dispose()


@pytest.fixture
def stations(server: RunningServer, tmp_path: Path) -> Iterator[StationFactory]:
    yield from station_factory(server, tmp_path)


def names(station: Station) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in iter_records(station.store, "workers", include_archived=True)}


def reopen(station: Station) -> None:
    station.store.close()
    station.store = open_store(station.data_dir)


def test_restored_from_an_old_backup_pulls_back_its_past_and_keeps_new_writes(
    stations: StationFactory, server: RunningServer
) -> None:
    village = "370883107205"
    v1 = stations("v1", village)
    peer = stations("peer", village)
    old = register_worker(v1.store, village, "孔一")
    v1.sync()
    backup = backup_now(v1.data_dir, v1.data_dir.parent / "v1-backup.sqlite3")
    # After the backup: v1 registers and edits and syncs; a peer writes too.
    lost = register_worker(v1.store, village, "孔二")
    edit_worker(v1.store, old, phone="13911110000")
    v1.sync()
    theirs = register_worker(peer.store, village, "颜三")
    peer.sync()

    # The PC dies; the broker restores last week's backup (the app closed).
    v1.store.close()
    restore(v1.data_dir, backup)
    v1.store = open_store(v1.data_dir)
    assert lost not in names(v1)
    fresh = register_worker(v1.store, village, "孔四")  # written before the first sync
    edit_worker(v1.store, old, name="孔一明")

    report = v1.sync()
    # The new writes are applied, not taken for duplicates of old ones...
    assert report.applied == 2 and report.rejected == 0
    # ...and what the station had sent since the backup comes back, with the peer's.
    mine = names(v1)
    assert {old, lost, theirs, fresh} <= set(mine)
    assert (mine[old]["name"], mine[old]["phone"]) == ("孔一明", "13911110000")
    peer.sync()
    assert {r["name"] for r in names(peer).values()} >= {"孔一明", "孔二", "颜三", "孔四"}
    assert set(server_records(server)) >= {old, lost, theirs, fresh}
    assert v1.runner().status().pending == 0


def test_revoked_credential_is_refused_and_nothing_moves(
    stations: StationFactory, server: RunningServer, capsys: Any
) -> None:
    village = "370883107206"
    v1 = stations("v1", village)
    register_worker(v1.store, village, "曾一")
    v1.sync()
    revoke(server, v1)
    unsent = register_worker(v1.store, village, "曾二")
    v1.store.close()
    before = table_counts(v1.data_dir / "station.sqlite3")
    on_server = server_records(server)
    v1.store = open_store(v1.data_dir)

    report = SyncRunner(v1.store, policy=FAST).sync_once()
    assert isinstance(report.error, AuthRejected)
    assert report.error.message == "驿站凭证无效或已停用，请重新注册"
    assert report.pushed == 0 and unsent not in server_records(server)
    assert server_records(server) == on_server
    runner = v1.runner()
    status = runner.status()
    assert (status.state, status.pending) == (ERROR, 1)
    assert status.last_error == "驿站凭证无效或已停用，请重新注册"
    v1.store.close()
    after = table_counts(v1.data_dir / "station.sqlite3")
    assert after == before  # the round records its error in sync_state only (no new row)

    assert cli_main(["--data-dir", str(v1.data_dir), "sync"]) == 2
    assert "驿站凭证无效或已停用" in capsys.readouterr().err
    v1.store = open_store(v1.data_dir)


def test_copied_data_folder_on_two_pcs_is_detected_and_stopped(
    stations: StationFactory, server: RunningServer, tmp_path: Path
) -> None:
    village = "370883107207"
    pc1 = stations("pc1", village)
    other = stations("other", village)  # another station of the village
    shared = register_worker(pc1.store, village, "鲁一")
    pc1.sync()
    # The data folder is copied to a second PC; both go on working.
    pc1.store.close()
    copied = Path(shutil.copytree(pc1.data_dir, tmp_path / "pc2"))
    pc1.store = open_store(pc1.data_dir)
    pc2 = Station("pc2", village, copied, open_store(copied))
    assert pc1.store.node_id == pc2.store.node_id
    a = register_worker(pc1.store, village, "鲁二")
    edit_worker(pc1.store, shared, phone="13900000001")
    b = register_worker(pc2.store, village, "鲁三")
    edit_worker(pc2.store, shared, phone="13900000002")
    theirs = register_worker(other.store, village, "鲁四")
    other.sync()

    pc1.sync()  # nothing of pc2's on the server yet: an ordinary round
    report = SyncRunner(pc2.store, policy=FAST).sync_once()
    # pc2's writes went up, then its pull met pc1's writes under its own node id.
    assert isinstance(report.error, CopiedDataFolder)
    assert "复制到了两台电脑" in report.error.message
    again = SyncRunner(pc1.store, policy=FAST).sync_once()
    assert isinstance(again.error, CopiedDataFolder)  # pc1 meets pc2's writes in turn
    # Stopped for good on both: not even a push, until the county re-enrols.
    register_worker(pc2.store, village, "鲁五")
    stopped = SyncRunner(pc2.store, policy=FAST).sync_once()
    assert isinstance(stopped.error, CopiedDataFolder) and stopped.pushed == 0
    status = pc2.runner().status()
    assert status.state == ERROR and "复制" in (status.last_error or "")

    # Nothing of anyone's was lost on the server; the other station is untouched.
    on_server = server_records(server)
    assert {shared, a, b, theirs} <= set(on_server)
    other.sync()
    assert {shared, a, b, theirs} <= set(names(other))

    pc2.store.close()
