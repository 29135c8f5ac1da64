"""Window tests: the real application setup and an inline task runner (the slow tests'
100k-worker station is the shared ``big_station`` of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtWidgets import QApplication

from broker_app.services.demo import data as demo_data
from broker_app.services.demo.data import DemoDataService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner
from tests.conftest import BIG_ROSTER, valid_id, worker_input


@pytest.fixture(autouse=True)
def _chinese_application(qapp: QApplication) -> None:
    configure_application(qapp)


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Iterator[AppContext]:
    """Background work runs inline: each write has finished when the call returns."""
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def demo_workers(store: Store, count: int, seed: int = 1) -> None:
    """Synthetic workers (with their follow-ups and trainings) and nothing else: the
    demo steps of other record kinds (jobs, matches...) are not what these tests see."""
    with mock.patch.object(demo_data, "EXTRA_STEPS", []):
        DemoDataService(store).generate(count, seed)


def register(store: Store, **fields: object) -> str:
    """A worker registered through the service; returns its id."""
    change = WorkerService(store).register(worker_input(**fields))
    return change.record_ids[0]


__all__ = ["BIG_ROSTER", "register", "valid_id"]
