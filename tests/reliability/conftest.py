"""The channel server for the fuzz tests: one per module and database (SQLite,
PostgreSQL), with two village stations enrolled through the station's own client.

The server is the app in this process (tests/sync/in_process.py): the fuzz is about
what the routes, middleware and database answer, and thousands of requests skip the
loopback socket; the server as a process (uvicorn, TLS, kills) has its own tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from broker_app.services.sync.config import load_config
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, SCHEMA_VERSION
from sync.server.app import ServerSettings
from tests.sync.conftest import VILLAGE_1, VILLAGE_2, station_factory
from tests.sync.in_process import InProcessServer, serve_in_process
from tests.sync.records import register_worker
from tests.sync.server_process import database_url

VERSIONS = {HEADER_PROTOCOL: str(PROTOCOL_VERSION), HEADER_SCHEMA: str(SCHEMA_VERSION)}


@dataclass(frozen=True)
class FuzzTarget:
    server: InProcessServer
    #: A bare ``requests`` session (no station headers) whose transport is the app.
    http: requests.Session
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
        serve_in_process(url, folder, ServerSettings(api_docs=True)) as server,
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
        with server.mount(requests.Session()) as http:
            yield FuzzTarget(server, http, headers, foreign, "钱二")
        next(factory, None)
