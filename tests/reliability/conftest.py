"""The real channel server for the fuzz tests: one per module and database (SQLite,
PostgreSQL), with two village stations enrolled over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from broker_app.services.sync.config import load_config
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, SCHEMA_VERSION
from tests.sync.conftest import VILLAGE_1, VILLAGE_2, station_factory
from tests.sync.records import register_worker
from tests.sync.server_process import RunningServer, database_url, run_server

VERSIONS = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: str(SCHEMA_VERSION)}


@dataclass(frozen=True)
class FuzzTarget:
    server: RunningServer
    #: Headers of village 1's station (versions and its credential).
    headers: dict[str, str]
    #: A worker of village 2, already on the server, that village 1 must never see.
    foreign_worker: str
    foreign_name: str


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fuzz_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FuzzTarget]:
    """The same fuzz against each database the server runs on: the county's is
    PostgreSQL, whose types and limits differ from SQLite's (integer ranges, text
    with NUL characters)."""
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    folder = tmp_path_factory.mktemp("fuzz-server")
    with (
        database_url(request.param, folder) as url,
        run_server(url, folder, extra_args=("--api-docs",)) as server,
    ):
        factory = station_factory(server, tmp_path_factory.mktemp("fuzz-stations"))
        make = next(factory)
        v1 = make("v1", VILLAGE_1)
        v2 = make("v2", VILLAGE_2)
        register_worker(v1.store, VILLAGE_1, "赵一")
        foreign = register_worker(v2.store, VILLAGE_2, "钱二")
        v1.sync()
        v2.sync()
        config = load_config(v1.store)
        assert config is not None
        headers = {**VERSIONS, "Authorization": f"Bearer {config.credential}"}
        yield FuzzTarget(server, headers, foreign, "钱二")
        next(factory, None)
