"""Window tests: the real application setup, an inline task runner, and (for the slow
tests) one 100k-worker station built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtWidgets import QApplication

from broker_app.services import demo_data
from broker_app.services.demo_data import DemoDataService
from broker_app.services.station import StationService
from broker_app.services.workers import WorkerService
from broker_app.store.store import Store, open_store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner
from tests.conftest import TOWNSHIP, valid_id, worker_input

BIG_ROSTER = 100_000


@pytest.fixture(autouse=True)
def _chinese_application(qapp: QApplication) -> None:
    configure_application(qapp)


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Iterator[AppContext]:
    """Background work runs inline: each write has finished when the call returns."""
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


@pytest.fixture(scope="session")
def big_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A township station with 100k synthetic workers (about 30 s to build, once)."""
    data = tmp_path_factory.mktemp("big_station")
    store = open_store(data)
    try:
        StationService(store).configure(TOWNSHIP, operator_name="测试经纪人")
        demo_workers(store, BIG_ROSTER, seed=7)
    finally:
        store.close()
    return data


def demo_workers(store: Store, count: int, seed: int = 1) -> None:
    """Synthetic workers (with their follow-ups and trainings) and nothing else: the
    demo steps of other record kinds (jobs, matches...) are not what these tests see."""
    with mock.patch.object(demo_data, "EXTRA_STEPS", []):
        DemoDataService(store).generate(count, seed)


def register(store: Store, **fields: object) -> str:
    """A worker registered through the service; returns its id."""
    change = WorkerService(store).register(worker_input(**fields))
    return change.record_ids[0]


__all__ = ["register", "valid_id"]
