"""Stations and the server on different record-schema versions (``X-Sync-Schema``),
and fields a newer program writes that this one does not know. The server here
accepts schemas 1–2: one version ahead of this program."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from broker_app.services.listing import iter_records
from broker_app.services.sync.runner import ERROR, SyncRunner
from sync.client.errors import VersionRejected
from sync.schema import SCHEMA_VERSION
from tests.reliability.faults import headers, raw_update, server_records, table_counts
from tests.reliability.patched_server import SERVER_SCHEMA
from tests.sync.conftest import FAST, StationFactory, station_factory
from tests.sync.records import edit_worker, register_worker
from tests.sync.server_process import RunningServer, database_url, run_server

AHEAD = SCHEMA_VERSION + 1


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    folder = tmp_path_factory.mktemp("srv")
    env = {SERVER_SCHEMA: str(AHEAD)}
    with (
        database_url("sqlite", folder) as url,
        run_server(url, folder, module="tests.reliability.patched_server", env=env) as running,
    ):
        yield running


@pytest.fixture
def stations(server: RunningServer, tmp_path: Path) -> Iterator[StationFactory]:
    yield from station_factory(server, tmp_path)


def test_station_one_schema_behind_the_server_syncs(
    stations: StationFactory, server: RunningServer
) -> None:
    village = "370883107208"
    health = requests.get(server.url + "/v1/health", timeout=10).json()
    assert health["schema"] == [1, AHEAD]
    v1 = stations("v1", village)
    worker = register_worker(v1.store, village, "岳一")
    assert v1.sync().applied == 1
    assert worker in server_records(server)


def test_station_one_schema_ahead_of_the_server_is_refused_untouched(
    stations: StationFactory, server: RunningServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    village = "370883107209"
    v1 = stations("v1", village)
    register_worker(v1.store, village, "岳二")
    v1.sync()
    unsent = register_worker(v1.store, village, "岳三")
    before = table_counts(v1.store.path)
    on_server = server_records(server)

    monkeypatch.setattr("sync.client.api.SCHEMA_VERSION", AHEAD + 1)
    report = SyncRunner(v1.store, policy=FAST).sync_once()
    assert isinstance(report.error, VersionRejected)
    assert report.error.message == (
        f"数据结构版本不兼容（{AHEAD + 1}，服务器支持 1–{AHEAD}），请升级程序或服务器"
    )
    assert report.pushed == 0 and report.pulled == 0
    assert server_records(server) == on_server and unsent not in on_server
    status = v1.runner().status()
    assert (status.state, status.pending) == (ERROR, 1)
    assert table_counts(v1.store.path) == before

    monkeypatch.undo()  # the program is upgraded (here: back to what the server speaks)
    assert v1.sync().applied == 1


def test_fields_of_a_newer_program_survive_an_older_station(
    stations: StationFactory, server: RunningServer
) -> None:
    """A newer station writes ``shoe_size`` (unknown here). This station pulls the
    record without trouble, edits it and pushes only what it changed: the server
    keeps the unknown field, value and stamp, and hands it out again."""
    village = "370883107210"
    v1 = stations("v1", village)
    worker = register_worker(v1.store, village, "岳四")
    v1.sync()
    newer_pc = stations("newer", village)  # stands for a station on a newer program
    newer = raw_update(server, newer_pc, "worker", worker, '{"shoe_size":42,"name":"岳四海"}')
    assert newer.json()["results"][0]["status"] == "applied"
    stamp = _pulled(server, v1, worker)["versions"]

    report = v1.sync()
    assert report.error is None and report.parked == 0
    assert _local(v1, worker)["name"] == "岳四海"
    edit_worker(v1.store, worker, phone="13900004242")
    assert v1.sync().applied == 1

    record = _pulled(server, v1, worker)
    assert record["fields"]["shoe_size"] == 42
    assert record["fields"]["phone"] == "13900004242"
    assert _stamp(record["versions"], "shoe_size") == _stamp(stamp, "shoe_size")
    # And again after another round trip through this station.
    v1.sync()
    assert server_records(server)[worker]["shoe_size"] == 42


def _pulled(server: RunningServer, station: Any, record_id: str) -> dict[str, Any]:
    answer = requests.get(
        server.url + "/v1/pull", params={"after": 0}, headers=headers(station), timeout=30
    )
    answer.raise_for_status()
    return next(r for r in answer.json()["records"] if r["id"] == record_id)


def _stamp(versions: dict[str, str], name: str) -> str:
    return versions.get(name) or versions["*"]


def _local(station: Any, record_id: str) -> dict[str, Any]:
    return next(r for r in iter_records(station.store, "workers") if r["id"] == record_id)
