"""The 统计 tests: the application set up for Chinese, an inline runner, the
hand-counted township (``builders``); the slow test's big station is the shared
``big_station`` of tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner
from tests.stats.builders import township


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
