"""The scheduler on real threads: rounds run off the GUI thread, one at a time, and
requests made during a round become one follow-up round."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from broker_app.services.sync.enrol import enrol
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.sync.scheduler import SyncScheduler
from broker_app.ui.tasks import TaskRunner
from sync.client.report import SyncReport
from tests.conftest import VILLAGE
from tests.sync.conftest import FAST, new_code, shared_server  # noqa: F401 (fixture)
from tests.sync.records import register_worker
from tests.sync.server_process import RunningServer


@pytest.fixture
def threaded_ctx(store: Store, data_dir: Path) -> Iterator[AppContext]:
    runner = TaskRunner()
    context = AppContext(store, data_dir, runner)
    yield context
    runner.shutdown()
    context.deleteLater()


@pytest.mark.parametrize("shared_server", ["sqlite"], indirect=True)
def test_never_two_rounds_at_once(
    shared_server: RunningServer,  # noqa: F811
    threaded_ctx: AppContext,
    qtbot: QtBot,
) -> None:
    ctx = threaded_ctx
    enrol(ctx.store, shared_server.url, new_code(shared_server.db_url, VILLAGE), policy=FAST)
    for n in range(30):
        register_worker(
            ctx.store, VILLAGE, "张" + "一二三四五六七八九十"[n % 10] + "甲乙丙"[n // 10]
        )
    scheduler = SyncScheduler(ctx, policy=FAST, settle_ms=100)
    ctx.set_sync_provider(scheduler)

    # Watch the real runner: how many rounds are inside it at once, and on which thread.
    inside = 0
    most = 0
    threads: set[int] = set()
    lock = threading.Lock()
    real_round = scheduler.runner.sync_once

    def watched(*args: object, **kwargs: object) -> SyncReport:
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
            threads.add(threading.get_ident())
        try:
            return real_round(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            with lock:
                inside -= 1

    scheduler.runner.sync_once = watched  # type: ignore[method-assign]
    finished: list[SyncReport] = []
    scheduler.round_finished.connect(finished.append)

    assert scheduler.sync_now() is True
    assert scheduler.running
    # Clicks and timer ticks while the round runs start nothing new...
    assert [scheduler.sync_now() for _ in range(5)] == [False] * 5
    scheduler._tick()
    # ...but one follow-up round comes after the settle delay.
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=30_000)
    qtbot.wait(500)
    assert len(finished) == 2 and all(r.error is None for r in finished)
    assert most == 1
    assert threading.get_ident() not in threads  # never on the GUI thread
    assert finished[0].pushed == 30 and scheduler.status().pending == 0
    assert not scheduler.running
