"""The 统计 tests: the application set up for Chinese, an inline runner, the
hand-counted township (``builders``), and one big station for the slow tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from broker_app.services.demo_data import DemoDataService
from broker_app.services.station import StationService
from broker_app.store.store import Store, open_store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner
from tests.stats.builders import TOWNSHIP, township

BIG_ROSTER = 100_000


@pytest.fixture(autouse=True)
def _chinese_application(qapp: QApplication) -> None:
    configure_application(qapp)


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Iterator[AppContext]:
    """Background work runs inline: each load has finished when the call returns."""
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


@pytest.fixture
def ids(store: Store) -> dict[str, str]:
    return township(store)


@pytest.fixture(scope="session")
def big_stats_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A township station with 100k demo workers and everything the demo adds
    (matches, batches, trainings): about a minute to build, once per session."""
    data = tmp_path_factory.mktemp("big_stats_station")
    store = open_store(data)
    try:
        StationService(store).configure(TOWNSHIP, operator_name="测试经纪人")
        DemoDataService(store).generate(BIG_ROSTER, seed=7)
    finally:
        store.close()
    return data
