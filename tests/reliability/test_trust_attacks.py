"""Attacks on card keys, on what answers disclose, on re-enrolment and on secrets at
rest (issue 14, items 3, 6, 8 and 11), tried as a hostile station would with its own
real credential, against the real server process. Each class is counted as tried /
refused / leaked / corrupted (RELIABILITY.md); the test fails on any leak or
corruption, and prints the counts (run with ``-s``)."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from broker_app.services import backups
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.diagnostics import export_diagnostics
from broker_app.services.sync.config import STATION_ID
from broker_app.services.sync.enrol import enrol
from broker_app.store.repositories.station import get_setting
from broker_app.store.secrets import CREDENTIAL, signing_key_name
from broker_app.store.store import open_store
from sync.client.api import ChannelClient
from sync.client.errors import AuthRejected, SyncError
from sync.ids import uuid7
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, PULL
from sync.schema import SCHEMA_VERSION
from tests.sync.conftest import (
    FAST,
    TOWNSHIP,
    VILLAGE_1,
    VILLAGE_2,
    Station,
    StationFactory,
    new_code,
    signed_card,
    station_client,
    station_factory,
)
from tests.sync.in_process import admin_in_process
from tests.sync.records import new_id_number, register_worker
from tests.sync.server_process import RunningServer, database_url, run_server

OTHER_TOWNSHIP_VILLAGE = "370883001004"
OTHER_TOWNSHIP = "370883001000"


@dataclass
class Tally:
    tried: int = 0
    refused: int = 0
    leaked: int = 0
    corrupted: int = 0

    def row(self, name: str) -> str:
        return f"{name}: tried {self.tried} refused {self.refused} leaked {self.leaked} corrupted {self.corrupted}"


@pytest.fixture(params=["sqlite", "postgres"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningServer]:
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    folder = tmp_path / "server"
    folder.mkdir()
    with database_url(str(request.param), folder) as url, run_server(url, folder) as running:
        yield running


@pytest.fixture
def stations(server: RunningServer, tmp_path: Path) -> Iterator[StationFactory]:
    yield from station_factory(server, tmp_path)


def _client(station: Station) -> ChannelClient:
    return station_client(station, FAST)


def _discloses(answer: Any, secrets: list[str], own_code: str) -> bool:
    """True when an answer names a record id, station or unit it should not (the
    echoed mutation id, the station's own, is left out: a UUID may hold 12 digits)."""
    shown = {k: v for k, v in answer.items() if k != "mutation_id"}
    text = json.dumps(shown, ensure_ascii=False)
    codes = set(re.findall(r"\d{12}", text)) - {own_code}
    return bool(codes) or any(s and s in text for s in secrets)


def test_attacks_on_card_keys_disclosure_re_enrolment_and_secrets(
    server: RunningServer, stations: StationFactory, tmp_path: Path
) -> None:
    v1 = stations("v1", VILLAGE_1)
    v2 = stations("v2", VILLAGE_2)
    far = stations("far", OTHER_TOWNSHIP_VILLAGE)
    far_town = stations("far-town", OTHER_TOWNSHIP)
    town = stations("town", TOWNSHIP)
    victim_worker = register_worker(v1.store, VILLAGE_1, "孔一")
    number = new_id_number()
    register_worker(v1.store, VILLAGE_1, "孔二", number)
    v1.sync()
    v1_key = CardKeyService(v1.store).station_key().key_id_hex
    cards = {serial: signed_card(v1, serial) for serial in (1, 2, 3)}
    secrets_of_v1 = [victim_worker, v1_key.lower(), v1_key, "庄里"]
    rows: list[str] = []

    # 1. Cards under another station's key, by villages and a township outside scope.
    card_keys = Tally()
    for attacker, org in (
        (v2, VILLAGE_2),
        (far, OTHER_TOWNSHIP_VILLAGE),
        (far_town, OTHER_TOWNSHIP),
    ):
        for key_text in (v1_key, v1_key.lower(), "0badcafe", "", None, 12345, ["x"]):
            for serial in cards:
                fields: dict[str, Any] = {"org_code": org, "serial": serial, "revoked": True}
                if key_text is not None:
                    fields["key_id"] = key_text
                item = {
                    "mutation_id": uuid7(),
                    "record_type": "card",
                    "record_id": uuid7(),
                    "op": "create",
                    "fields": fields,
                    "hlc": attacker.store.clock.now(),
                }
                (answer,) = _client(attacker).push([item])  # type: ignore[list-item]
                card_keys.tried += 1
                card_keys.refused += answer["status"] == "rejected"
                card_keys.leaked += _discloses(answer, secrets_of_v1, org)
    for card in cards.values():
        card_keys.corrupted += not _client(town).verify_card(card)["ok"]
    town.sync()
    from broker_app.services.cards.issuing import CardService

    for card in cards.values():
        card_keys.corrupted += not CardService(town.store).verify(card, date.today()).ok
    rows.append(card_keys.row("card keys"))

    # 2. Disclosure: duplicate person, replayed mutation ids, refusals, enrolment.
    disclosure = Tally()
    register_worker(far.store, OTHER_TOWNSHIP_VILLAGE, "孔二", number)
    register_worker(v2.store, VILLAGE_2, "孔二", number)
    for attacker, org in ((far, OTHER_TOWNSHIP_VILLAGE), (v2, VILLAGE_2)):
        from broker_app.services.sync.replica import StoreReplica

        for mutation in StoreReplica(attacker.store).pending(10):
            (answer,) = _client(attacker).push([mutation])
            disclosure.tried += 1
            disclosure.refused += "duplicate_person" in answer and "duplicate_of" not in answer
            disclosure.leaked += _discloses(answer, secrets_of_v1, org)
    from sqlalchemy import select

    from broker_app.store.models.local import OutboxEntry

    with v1.store.read() as session:
        v1_mutations = list(session.scalars(select(OutboxEntry.mutation_id)))
    for attacker, org in ((v2, VILLAGE_2), (far, OTHER_TOWNSHIP_VILLAGE)):
        node = attacker.store.node_id
        for mutation_id in [*v1_mutations[:5], uuid7()]:
            for op in ("create", "update"):
                for hlc in (attacker.store.clock.now(), f"{2**47:012x}0000@{node}"):
                    item = {
                        "mutation_id": mutation_id,
                        "record_type": "worker",
                        "record_id": victim_worker,
                        "op": op,
                        "fields": {"name": "改名", "org_code": org}
                        if op == "create"
                        else {"name": "改名"},
                        "hlc": hlc,
                    }
                    (answer,) = _client(attacker).push([item])  # type: ignore[list-item]
                    disclosure.tried += 1
                    disclosure.refused += answer["status"] != "applied" and "stamp" not in answer
                    disclosure.leaked += "stamp" in answer or _discloses(answer, secrets_of_v1, org)
    for kind in ("worker", "follow_up", "card", "project", "batch", "match", "training"):
        item = {
            "mutation_id": uuid7(),
            "record_type": kind,
            "record_id": uuid7(),
            "op": "create",
            "fields": {"org_code": VILLAGE_1},
            "hlc": v2.store.clock.now(),
        }
        (answer,) = _client(v2).push([item])  # type: ignore[list-item]
        disclosure.tried += 1
        disclosure.refused += answer["status"] == "rejected"
        disclosure.leaked += _discloses(answer, secrets_of_v1, VILLAGE_2)
    for org in (VILLAGE_1, TOWNSHIP, OTHER_TOWNSHIP_VILLAGE):
        code = new_code(server.db_url, org)
        with pytest.raises(SyncError) as refused:
            enrol(v2.store, server.url, code, policy=FAST)
        disclosure.tried += 1
        disclosure.refused += 1
        said = refused.value.message + refused.value.message_en
        disclosure.leaked += bool(set(re.findall(r"\d{12}", said)) - {VILLAGE_2})
    with v1.store.read() as session:
        from broker_app.services.roster.workers import WorkerService

        disclosure.corrupted += WorkerService(v1.store).details(victim_worker)["name"] != "孔一"
    v1.sync()
    disclosure.corrupted += WorkerService(v1.store).details(victim_worker)["name"] != "孔一"
    rows.append(disclosure.row("disclosure"))

    # 3. Re-enrolment: the old credential, the spent code, another station's code.
    reenrol = Tally()
    old = _client(v2)
    with v2.store.read() as session:
        station_id = get_setting(session, STATION_ID)
    assert station_id
    done = admin_in_process(server.db_url, "enrol-station", "--station", station_id)
    code = done.stdout.strip().splitlines()[-1]
    enrol(v2.store, server.url, code, policy=FAST)
    calls = (
        lambda: old.pull(0, 1),
        lambda: old.push([]),
        lambda: old.keys(),
        lambda: old.conflicts(),
        lambda: old.verify_card(cards[1]),
    )
    for call in calls:
        reenrol.tried += 1
        try:
            call()
        except AuthRejected:
            reenrol.refused += 1
        else:
            reenrol.leaked += 1
    for attempt in (code, code.lower(), code + " ", ""):
        reenrol.tried += 1
        try:
            enrol(far.store, server.url, attempt, policy=FAST)
        except (SyncError, ValueError):
            reenrol.refused += 1
        else:
            reenrol.corrupted += 1
    reenrol.corrupted += v2.sync().error is not None
    reenrol.corrupted += far.sync().error is not None
    headers = {
        HEADER_PROTOCOL: str(PROTOCOL_VERSION),
        HEADER_SCHEMA: str(SCHEMA_VERSION),
        "Authorization": f"Bearer {old.credential}x",
    }
    raw = requests.get(server.url + PULL, headers=headers, timeout=5)
    reenrol.tried += 1
    reenrol.refused += raw.status_code == 401
    rows.append(reenrol.row("re-enrolment"))

    # 4. Secrets at rest: every file that leaves the PC, searched for them.
    at_rest = Tally()
    for station in (v1, v2, far, far_town, town):
        key = CardKeyService(station.store).station_key()
        wanted = [
            station.store.secrets.get(CREDENTIAL) or "",
            station.store.secrets.get(signing_key_name(key.key_id_hex)) or "",
        ]
        assert all(wanted)
        wanted.append(wanted[0].split(".", 1)[1])
        backup = backups.backup_now(station.data_dir)
        zipped = export_diagnostics(
            station.store, station.data_dir, tmp_path / f"{station.label}.zip"
        )
        db = station.data_dir / "station.sqlite3"
        blobs = [db.read_bytes(), backup.read_bytes(), zipped.read_bytes()]
        wal = Path(str(db) + "-wal")
        if wal.exists():
            blobs.append(wal.read_bytes())
        with zipfile.ZipFile(zipped) as archive:
            blobs += [archive.read(name) for name in archive.namelist()]
        for blob in blobs:
            at_rest.tried += 1
            found = any(s.encode() in blob for s in wanted)
            found = found or bytes.fromhex(wanted[1]) in blob
            at_rest.leaked += found
            at_rest.refused += not found
    # A backup restored on another PC brings none of them: sync asks for re-enrolment.
    other_pc = tmp_path / "other-pc"
    other_pc.mkdir()
    backups.restore(other_pc, backups.backup_now(v1.data_dir))
    store = open_store(other_pc)
    try:
        from broker_app.services.sync.runner import SyncRunner

        report = SyncRunner(store, policy=FAST).sync_once()
        at_rest.tried += 1
        ok = report.error is not None and "重新注册" in report.error.message
        at_rest.refused += ok
        at_rest.leaked += not ok
    finally:
        store.close()
    rows.append(at_rest.row("secrets at rest"))

    print("\n" + "\n".join(rows))
    for tally in (card_keys, disclosure, reenrol, at_rest):
        assert tally.leaked == 0 and tally.corrupted == 0, rows
        assert tally.refused == tally.tried, rows
