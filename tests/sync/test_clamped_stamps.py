"""A station clock far ahead: the server clamps its stamps. Found by the sync simulation
(tests/reliability/test_sync_simulation.py): clamped stamps of one batch must keep
the station's own order, and a re-pushed (duplicate) clamped write must tell the
station a stamp it can keep."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.config import load_config
from broker_app.services.sync.replica import StoreReplica
from sync.client.api import ChannelClient
from sync.client.engine import SyncEngine
from sync.hlc import MAX_DRIFT_MS, HybridClock, Stamp
from sync.protocol import PUSH
from sync.server.db import ServerDB
from sync.server.identity import Writer
from sync.server.jsontext import loads
from sync.server.migrate import upgrade
from sync.server.models import Record
from sync.server.push import PushApplier
from sync.server.scope import Scope
from tests.sync.conftest import FAST, VILLAGE_1, StationFactory
from tests.sync.records import edit_worker, register_worker

NODE = "node-ahead"
WALL_MS = 1_800_000_000_000
NOW = datetime(2027, 1, 15, 8, 0, 0)
AHEAD_MS = WALL_MS + 3 * 365 * 86_400_000


@pytest.fixture
def db(tmp_path: Path) -> Iterator[ServerDB]:
    server = ServerDB(f"sqlite:///{tmp_path / 'channel.sqlite3'}")
    upgrade(server)
    yield server
    server.dispose()


def _mutation(n: int, op: str, fields: dict[str, Any], millis: int) -> dict[str, Any]:
    return {
        "mutation_id": f"m-{n}",
        "record_type": "worker",
        "record_id": "w-1",
        "op": op,
        "fields": fields,
        "hlc": Stamp(millis, 0, NODE).encode(),
    }


def _push(db: ServerDB, batch: list[dict[str, Any]], wall_ms: int = WALL_MS) -> list[Any]:
    writer = Writer("station-1", NODE, Scope(VILLAGE_1))
    with db.write() as session:
        return PushApplier(session, writer, NOW, wall_ms).apply_batch(batch)


def _worker(db: ServerDB) -> tuple[dict[str, Any], dict[str, str]]:
    with db.read() as session:
        row = session.get(Record, "w-1")
        assert row is not None
        return loads(row.fields), loads(row.versions)


CREATE = _mutation(0, "create", {"org_code": VILLAGE_1, "name": "孟庆云", "notes": ""}, AHEAD_MS)


def test_clamped_edits_of_one_batch_keep_the_stations_order(db: ServerDB) -> None:
    # "b..." sorts after "a...": with equal stamps the earlier edit would win the tie.
    first = _mutation(1, "update", {"notes": "b 先写的"}, AHEAD_MS + 1000)
    last = _mutation(2, "update", {"notes": "a 后写的"}, AHEAD_MS + 2000)
    results = _push(db, [CREATE, first, last])
    stamps = [r["stamp"] for r in results]
    assert stamps == sorted(set(stamps)), "clamped stamps must be distinct and in order"
    assert all(Stamp.decode(s).millis <= WALL_MS + MAX_DRIFT_MS + 1 for s in stamps)
    values, _versions = _worker(db)
    assert values["notes"] == "a 后写的"


def test_a_duplicate_of_a_clamped_write_answers_a_stamp_not_above_the_stored_one(
    db: ServerDB,
) -> None:
    (applied,) = _push(db, [CREATE])
    stored = applied["stamp"]
    # The answer was lost; the station pushes the same write again, later.
    (again,) = _push(db, [CREATE], wall_ms=WALL_MS + 60_000)
    # Exactly the stored stamp: a station that keeps it recognises it when pulled
    # (a greater one of its own would look like a copy of its data folder writing).
    assert again == {"mutation_id": "m-0", "status": "duplicate", "stamp": stored}


def test_a_duplicate_of_a_clamped_write_overwritten_since_answers_a_lower_stamp(
    db: ServerDB,
) -> None:
    (applied,) = _push(db, [CREATE])
    later = Stamp(WALL_MS + MAX_DRIFT_MS + 10, 0, "node-other").encode()
    overwrite = {**_mutation(9, "update", {}, 0), "hlc": later}
    overwrite["fields"] = {"org_code": VILLAGE_1, "name": "孟庆雲", "notes": "镇上改的"}
    with db.write() as session:
        PushApplier(session, Writer.server(), NOW, WALL_MS).apply_batch([overwrite])
    (again,) = _push(db, [CREATE], wall_ms=WALL_MS + 60_000)
    assert again["status"] == "duplicate" and again["stamp"] <= applied["stamp"] < later


def test_a_duplicate_of_a_write_almost_24_h_ahead_that_was_not_clamped_has_no_stamp(
    db: ServerDB,
) -> None:
    """Found by the simulation (60 operations a seed): a station that had pulled a clamped
    stamp writes about 24 h ahead; applied as sent, its duplicate must not get a lower
    stamp (the station would then see its own stamp on the server as newer than the one
    it keeps: a copied data folder)."""
    wall = int(NOW.replace(tzinfo=UTC).timestamp() * 1000) + 700  # NOW is whole seconds
    ahead = {**CREATE, "hlc": Stamp(wall + MAX_DRIFT_MS - 100, 1, NODE).encode()}
    (applied,) = _push(db, [ahead], wall_ms=wall)
    assert "stamp" not in applied
    (again,) = _push(db, [ahead], wall_ms=wall + 1000)
    assert again == {"mutation_id": "m-0", "status": "duplicate"}


def test_a_duplicate_of_an_ordinary_write_has_no_stamp(db: ServerDB) -> None:
    ordinary = {**CREATE, "hlc": Stamp(WALL_MS - 5000, 0, NODE).encode()}
    _push(db, [ordinary])
    (again,) = _push(db, [ordinary])
    assert again == {"mutation_id": "m-0", "status": "duplicate"}


class LoseFirstPushAnswer(requests.Session):
    """The server commits the first push; its answer never arrives (the client retries)."""

    lost = False

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        response = super().request(method, url, *args, **kwargs)
        if url.endswith(PUSH) and not self.lost:
            self.lost = True
            raise requests.ConnectionError("answer lost")
        return response


def test_a_station_years_ahead_whose_answer_was_lost_still_takes_later_edits(
    in_process_stations: StationFactory,
) -> None:
    fast = in_process_stations("fast", VILLAGE_1)
    other = in_process_stations("other", VILLAGE_1)
    years = 3 * 365 * 86_400_000
    fast.store.clock = HybridClock(fast.store.node_id, lambda: time.time_ns() // 1_000_000 + years)
    worker = register_worker(fast.store, VILLAGE_1, "孟庆云")
    config = load_config(fast.store)
    assert config is not None
    assert fast.server is not None
    session = fast.server.mount(LoseFirstPushAnswer())
    client = ChannelClient(config.server_url, session, config.credential, FAST)
    report = SyncEngine(client, StoreReplica(fast.store)).run()
    assert report.error is None and report.duplicates == 1
    other.sync()
    edit_worker(other.store, worker, notes="村里核实过")
    other.sync()
    fast.sync()
    # Before the fix the fast station kept its own far-future stamps and ignored this.
    assert WorkerService(fast.store).details(worker)["notes"] == "村里核实过"
