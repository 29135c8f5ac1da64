"""Fixtures of the job page tests: an application context whose background work runs
inline, so each write has finished when the call returns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner


@pytest.fixture
def ui_ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()
