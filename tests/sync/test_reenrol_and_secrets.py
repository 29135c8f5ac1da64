"""Re-enrolment, card serials after a restore, and secrets kept out of the station
database (issue 14, items 8 and 11), with the real server process and real stations."""

from __future__ import annotations

import json
import stat
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from broker_app.services import backups
from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.diagnostics import export_diagnostics
from broker_app.services.projects.records import ProjectService
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.config import (
    STATION_ID,
    CredentialMissing,
    load_config,
    make_client,
)
from broker_app.services.sync.enrol import enrol
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.models.card import RightsCard
from broker_app.store.repositories.station import get_setting
from broker_app.store.secrets import CREDENTIAL, signing_key_name
from broker_app.store.store import Store, open_store
from sync.client.errors import AuthRejected
from sync.server.db import ServerDB
from sync.server.models import Record
from tests.cards.conftest import project_input
from tests.sync.conftest import FAST, VILLAGE_1, Station, StationFactory
from tests.sync.in_process import admin_in_process
from tests.sync.records import register_worker
from tests.sync.server_process import RunningServer


def _code_for(server: RunningServer, station_id: str) -> str:
    done = admin_in_process(server.db_url, "enrol-station", "--station", station_id)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _station_id(store: Store) -> str:
    with store.read() as session:
        value = get_setting(session, STATION_ID)
    assert value
    return value


def _reopen(station: Station) -> Station:
    station.store.close()
    station.store = open_store(station.data_dir)
    return station


# -- item 8: re-enrolment ---------------------------------------------------------------
def test_a_replaced_pc_is_re_enrolled_and_keeps_identity_and_history(
    shared_server: RunningServer, shared_stations: StationFactory, tmp_path: Path
) -> None:
    old_pc = shared_stations("old-pc", VILLAGE_1)
    worker = register_worker(old_pc.store, VILLAGE_1, "冯一")
    old_pc.sync()
    old_key = CardKeyService(old_pc.store).station_key().key_id
    backup = backups.backup_now(old_pc.data_dir)
    station_id = _station_id(old_pc.store)
    old_config = load_config(old_pc.store)
    assert old_config is not None

    # The new PC gets the backup: no credential, no card key came with it.
    new_data = tmp_path / "new-pc"
    new_data.mkdir()
    backups.restore(new_data, backup)
    store = open_store(new_data)
    try:
        report = SyncRunner(store, policy=FAST).sync_once()
        assert isinstance(report.error, CredentialMissing)
        assert "重新注册" in report.error.message and "新的签名密钥" in report.error.message
        assert SyncRunner(store).status().last_error == report.error.message

        result = enrol(store, shared_server.url, _code_for(shared_server, station_id), policy=FAST)
        assert result.station_id == station_id and result.org_code == VILLAGE_1
        new = Station("new-pc", VILLAGE_1, new_data, store)
        new.sync()
        assert WorkerService(store).details(worker)["name"] == "冯一"
        new_key = CardKeyService(store).station_key().key_id
        assert new_key != old_key
        # The old PC's credential stopped working.
        with pytest.raises(AuthRejected):
            make_client(old_config, FAST).pull(0, 1)
        listed = json.loads(
            admin_in_process(shared_server.db_url, "list-stations", "--json").stdout
        )
        assert [s["status"] for s in listed if s["id"] == station_id] == ["active"]
    finally:
        store.close()


def test_a_revoked_station_is_restored_with_a_new_code(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    v1 = shared_stations("v1", VILLAGE_1)
    worker = register_worker(v1.store, VILLAGE_1, "陈二")
    v1.sync()
    station_id = _station_id(v1.store)
    assert admin_in_process(shared_server.db_url, "revoke-station", station_id).returncode == 0
    assert isinstance(v1.runner().sync_once().error, AuthRejected)
    enrol(v1.store, shared_server.url, _code_for(shared_server, station_id), policy=FAST)
    register_worker(v1.store, VILLAGE_1, "陈三")
    assert v1.sync().applied == 1
    assert WorkerService(v1.store).details(worker)["name"] == "陈二"


# -- item 8: card serials after a restore ------------------------------------------------
def _issue(station: Station, project_id: str, worker_id: str) -> RightsCard:
    report = CardService(station.store).issue(project_id, [worker_id], today=date.today())
    (card_id,) = report.issued
    with station.store.read() as session:
        card = session.get(RightsCard, session.scalar(_pk_of(card_id)))
        assert card is not None
        session.expunge(card)
        return card


def _pk_of(card_id: str) -> Any:
    from sqlalchemy import select

    return select(RightsCard.pk).where(RightsCard.id == card_id)


def _server_cards(server: RunningServer) -> list[tuple[str, int]]:
    from sqlalchemy import select

    db = ServerDB(server.db_url)
    try:
        with db.read() as session:
            texts = session.scalars(select(Record.fields).where(Record.record_type == "card"))
            return [(json.loads(t)["key_id"].lower(), json.loads(t)["serial"]) for t in texts]
    finally:
        db.dispose()


def test_a_station_restored_from_a_backup_never_reuses_a_card_serial(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    v1 = shared_stations("v1", VILLAGE_1)
    project = ProjectService(v1.store).create(project_input()).record_ids[0]
    workers = [
        register_worker(v1.store, VILLAGE_1, name)
        for name in ("甲一", "乙二", "丙三", "丁四", "戊五")
    ]
    first = _issue(v1, project, workers[0])
    v1.sync()
    backup = backups.backup_now(v1.data_dir)
    later = [_issue(v1, project, w) for w in workers[1:3]]
    v1.sync()
    assert [c.serial for c in later] == [first.serial + 1, first.serial + 2]

    # Restored, a card issued before any sync: a new key, so no (key, serial) repeats.
    v1.store.close()
    backups.restore(v1.data_dir, backup)
    v1.store = open_store(v1.data_dir)
    offline = _issue(v1, project, workers[3])
    assert offline.key_id != first.key_id
    v1.sync()  # publishes the new key; the card is accepted under it
    assert CardService(v1.store).verify(offline.qr_text, date.today()).ok

    # Restored again, and synced first: it learns the server's highest serial.
    v1.store.close()
    backups.restore(v1.data_dir, backup)
    v1.store = open_store(v1.data_dir)
    v1.sync()
    resumed = _issue(v1, project, workers[4])
    assert resumed.key_id == first.key_id and resumed.serial == first.serial + 3
    v1.sync()

    pairs = _server_cards(shared_server)
    assert len(pairs) == 5
    assert not [pair for pair, n in Counter(pairs).items() if n > 1], pairs
    listed = json.loads(admin_in_process(shared_server.db_url, "list-keys", "--json").stdout)
    (old,) = [k for k in listed if k["key_id"] == first.key_id.lower()]
    assert old["max_serial"] == first.serial + 3


# -- item 11: secrets at rest --------------------------------------------------------------
def test_secrets_are_not_in_the_database_its_backups_or_the_diagnostics(
    shared_stations: StationFactory, tmp_path: Path
) -> None:
    v1 = shared_stations("v1", VILLAGE_1)
    register_worker(v1.store, VILLAGE_1, "褚四")
    v1.sync()
    key = CardKeyService(v1.store).station_key()
    credential = v1.store.secrets.get(CREDENTIAL)
    private_hex = v1.store.secrets.get(signing_key_name(key.key_id_hex))
    assert credential and private_hex
    secret_half = credential.split(".", 1)[1]
    backup = backups.backup_now(v1.data_dir)
    zipped = export_diagnostics(v1.store, v1.data_dir, tmp_path / "diag.zip")
    _reopen(v1)
    db = v1.data_dir / "station.sqlite3"
    blobs = {
        "database": db.read_bytes(),
        "wal": Path(str(db) + "-wal").read_bytes() if Path(str(db) + "-wal").exists() else b"",
        "backup": backup.read_bytes(),
        "zip": zipped.read_bytes(),
    }
    with zipfile.ZipFile(zipped) as archive:
        for name in archive.namelist():
            blobs[name] = archive.read(name)
    for where, blob in blobs.items():
        assert secret_half.encode() not in blob, where
        assert private_hex.encode() not in blob and private_hex.upper().encode() not in blob, where
        assert bytes.fromhex(private_hex) not in blob, where
    # Here (no OS keyring) they are in a file only this user may read.
    assert v1.store.secrets.where == "file"
    path = v1.store.secrets.file_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert v1.sync().error is None
