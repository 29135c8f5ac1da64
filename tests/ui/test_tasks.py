"""The background runner: work off the GUI thread, results back on it, progress and
cancel, and a progress dialog only for jobs that last."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from broker_app.services.progress import Cancelled, CancelToken, Progress
from broker_app.ui.progress import run_with_progress
from broker_app.ui.tasks import TaskRunner


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_results_come_back_on_the_gui_thread(runner: TaskRunner, qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    runner.run_db(work, done)
    qtbot.waitUntil(lambda: results == [42])
    assert seen["worker"] != gui
    assert seen["callback"] == gui


def test_database_work_runs_one_at_a_time_in_order(runner: TaskRunner, qtbot: QtBot) -> None:
    order: list[int] = []
    active = [0]
    overlap = [False]

    def work(n: int) -> None:
        active[0] += 1
        overlap[0] |= active[0] > 1
        time.sleep(0.01)
        order.append(n)
        active[0] -= 1

    for n in range(5):
        runner.run_db(partial(work, n))
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]
    assert not overlap[0]


def test_a_read_does_not_wait_behind_the_database_lane(runner: TaskRunner, qtbot: QtBot) -> None:
    busy = threading.Event()
    release = threading.Event()

    def long_count() -> str:
        busy.set()
        release.wait(10)
        return "charts"

    results: list[str] = []
    runner.run_db(long_count, results.append)
    assert busy.wait(5)
    runner.run_read(lambda: "watch list", results.append)
    qtbot.waitUntil(lambda: results == ["watch list"])  # while the database lane is busy
    release.set()
    qtbot.waitUntil(lambda: results == ["watch list", "charts"])
    assert runner.wait(5000)


def test_failures_reach_on_error_or_the_failed_signal(runner: TaskRunner, qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    runner.run_db(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    with qtbot.waitSignal(runner.failed) as failed:
        runner.run_network(lambda: int("x"))
    assert isinstance(failed.args[0], ValueError)


def test_a_job_reports_progress_and_can_be_cancelled(runner: TaskRunner, qtbot: QtBot) -> None:
    started = threading.Event()

    def job(progress: Progress, cancel: CancelToken) -> str:
        for step in range(200):
            progress(step / 200, f"第 {step} 步")
            started.set()
            cancel.check()
            time.sleep(0.005)
        return "done"

    reports: list[tuple[float, str]] = []
    errors: list[BaseException] = []
    handle = runner.run_job(
        job, on_error=errors.append, on_progress=lambda f, m: reports.append((f, m))
    )
    qtbot.waitUntil(lambda: bool(reports))
    handle.cancel()
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert isinstance(errors[0], Cancelled)
    assert not handle.running
    assert reports[0][1].startswith("第")


def test_the_progress_dialog_waits_before_showing(runner: TaskRunner, qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[str] = []

    def quick(progress: Progress, cancel: CancelToken) -> str:
        return "quick"

    job = run_with_progress(runner, parent, "导入", quick, results.append, delay_ms=300)
    qtbot.waitUntil(lambda: results == ["quick"])
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))

    def slow(progress: Progress, cancel: CancelToken) -> str:
        deadline = time.monotonic() + 10
        while not cancel.cancelled and time.monotonic() < deadline:
            progress(0.5, "正在处理")
            time.sleep(0.01)
        cancel.check()
        return "not cancelled"

    errors: list[BaseException] = []
    job = run_with_progress(
        runner, parent, "导入", slow, results.append, errors.append, delay_ms=50
    )
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)))
    (dialog,) = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
    assert dialog.labelText() == "正在处理"
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "取消"
    button.click()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert not job.running


def test_inline_mode_runs_everything_at_once() -> None:
    runner = TaskRunner(inline=True)
    results: list[int] = []
    runner.run_db(lambda: 7, results.append)
    runner.run_read(lambda: 9, results.append)
    job = runner.run_job(lambda progress, cancel: 8, results.append)
    assert results == [7, 9, 8]
    assert not job.running
