"""Fixtures for sync tests: the channel server (a real process, or the app in this
process for the logic tests), enrolled stations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from broker_app.domain.rights_card import CardFacts, sign_card
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.sync.config import SyncConfig, load_config, make_client
from broker_app.services.sync.enrol import enrol
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.store import Store
from sync.client.api import ChannelClient
from sync.client.http import RetryPolicy
from sync.client.report import SyncReport
from sync.server.db import ServerDB
from sync.server.deps import utc_now
from sync.server.migrate import prepare
from sync.server.stations import issue_code
from tests.conftest import fresh_store
from tests.sync.in_process import InProcessServer, serve_in_process
from tests.sync.server_process import RunningServer, database_url, run_server

COUNTY = "370883000000"
TOWNSHIP = "370883107000"
VILLAGE_1 = "370883107200"
VILLAGE_2 = "370883107201"
#: A village of another township (邹城 has 16).
FAR_VILLAGE = "370883001001"

#: Tests should not wait for backoff.
FAST = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.05, connect_timeout=2, read_timeout=30)


#: A channel server of the tests: the real process or the app in this process.
ChannelServer = RunningServer | InProcessServer


@dataclass
class Station:
    """A station under test: its own data folder and store, and the server it is
    enrolled with, whose ``session`` its requests go through (None: the station's own
    ``make_session``, to whatever address it is enrolled with)."""

    label: str
    org_code: str
    data_dir: Path
    store: Store
    server: ChannelServer | None = None

    def sync(self) -> SyncReport:
        report = self.runner().sync_once()
        assert report.error is None, report.error.message_en
        return report

    def runner(self) -> SyncRunner:
        return SyncRunner(self.store, policy=FAST, client_factory=self.client_for)

    def client_for(self, config: SyncConfig, policy: RetryPolicy | None = FAST) -> ChannelClient:
        """What ``make_client`` makes, with the server's session."""
        if self.server is None:
            return make_client(config, policy)
        session = self.server.session(config.ca_file or None)
        return ChannelClient(config.server_url, session, config.credential, policy)


def new_code(db_url: str, org_code: str, hours: int = 72) -> str:
    """An enrolment code, issued in-process against the server's database."""
    db = ServerDB(db_url)
    try:
        prepare(db)
        with db.write() as session:
            _station, code = issue_code(session, org_code, "", utc_now(), hours)
        return code
    finally:
        db.dispose()


StationFactory = Callable[[str, str], Station]


def station_factory(server: ChannelServer, tmp_path: Path) -> Iterator[StationFactory]:
    opened: list[Store] = []

    def make(label: str, org_code: str) -> Station:
        data = tmp_path / label
        store = fresh_store(data)
        opened.append(store)
        code = new_code(server.db_url, org_code)
        enrol(store, server.url, code, policy=FAST, http=server.session())
        return Station(label, org_code, data, store, server)

    yield make
    for store in opened:
        store.close()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    return str(request.param)


@pytest.fixture
def server(backend: str, tmp_path: Path) -> Iterator[RunningServer]:
    """A fresh server (and database) per test."""
    folder = tmp_path / "server"
    folder.mkdir()
    with database_url(backend, folder) as url, run_server(url, folder) as running:
        yield running


@pytest.fixture
def stations(server: RunningServer, tmp_path: Path) -> Iterator[StationFactory]:
    yield from station_factory(server, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    """One server per module and database (each test enrols its own stations)."""
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    folder = tmp_path_factory.mktemp("shared-server")
    with database_url(str(request.param), folder) as url, run_server(url, folder) as running:
        yield running


@pytest.fixture
def shared_stations(shared_server: RunningServer, tmp_path: Path) -> Iterator[StationFactory]:
    yield from station_factory(shared_server, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def in_process_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InProcessServer]:
    """The app in this process, one per module and database (each test enrols its own
    stations): for the scope, merge and conflict logic, not for sockets, TLS or
    processes (``tests/sync/in_process.py``)."""
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    folder = tmp_path_factory.mktemp("in-process-server")
    with database_url(str(request.param), folder) as url, serve_in_process(url, folder) as app:
        yield app


@pytest.fixture
def fresh_in_process_server(backend: str, tmp_path: Path) -> Iterator[InProcessServer]:
    """The app in this process on a fresh database per test (as ``server``)."""
    folder = tmp_path / "server"
    folder.mkdir()
    with database_url(backend, folder) as url, serve_in_process(url, folder) as app:
        yield app


@pytest.fixture
def fresh_in_process_stations(
    fresh_in_process_server: InProcessServer, tmp_path: Path
) -> Iterator[StationFactory]:
    yield from station_factory(fresh_in_process_server, tmp_path)


@pytest.fixture
def in_process_stations(
    in_process_server: InProcessServer, tmp_path: Path
) -> Iterator[StationFactory]:
    yield from station_factory(in_process_server, tmp_path)


def station_client(station: Station, policy: RetryPolicy | None = None) -> ChannelClient:
    """The channel client an enrolled station syncs with (its credential, its server)."""
    config = load_config(station.store)
    assert config is not None
    return station.client_for(config, policy)


def signed_card(station: Station, serial: int) -> str:
    """A genuine card's QR text signed with the station's own key."""
    key = CardKeyService(station.store).station_key()
    today = date.today()
    facts = CardFacts(
        serial=serial,
        worker_name="孟庆云",
        masked_id="370883********123X",
        project_name="邹城市某某安置房项目",
        contractor="山东某某建设集团",
        complaint_phone="12333",
        issue_date=today,
        expiry_date=today + timedelta(days=365),
        key_id=key.key_id,
    )
    return sign_card(facts, key.private_key)
