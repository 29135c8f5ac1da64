"""The window's one background runner (Anki's task manager, Picard's inline pool).

Three lanes:

- ``run_db``: database work, on ONE worker thread, so writes never fight over the
  SQLite lock and run in the order they were asked for. Every write goes here.
- ``run_read``: a long read that must not wait behind the database lane (the
  帮扶预警 summary of a county, counted while the 统计 page's charts count on the
  database lane), on its own worker thread and its own connection: SQLite in WAL
  mode reads while the other lane reads or writes, and releases the GIL while it
  steps, so on two cores both go at once. It sees what was committed when it
  starts; nothing that writes goes here.
- ``run_network``: network work, on a small thread pool.

``fn`` runs off the GUI thread and must not touch widgets; ``on_done(result)`` or
``on_error(exc)`` then runs on the GUI thread. Pass ``owner`` (usually ``self``) and
the callbacks are dropped if that widget was deleted in the meantime. Failures
without ``on_error`` are logged and emitted on ``failed`` (the main window shows
them).

Long jobs take ``(progress, cancel)``, the services' own protocol (``services.progress``)::

    job = runner.run_job(
        lambda progress, cancel: service.run(path, progress=progress, cancel=cancel),
        on_done=self.show_summary,
        on_progress=lambda fraction, message: ...,
    )
    job.cancel()  # the service raises Cancelled at its next check

``ui.progress.run_with_progress`` wraps this with a dialog that appears only when
the job lasts more than ~600 ms.

Reads that take a few milliseconds (a roster page, one worker's details) stay on
the GUI thread: SQLite in WAL mode lets them run while a write is in progress here.

``TaskRunner(inline=True)`` runs everything at once on the calling thread, for tests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from broker_app.services.progress import Cancelled, CancelToken, Progress, no_progress

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
ProgressSink = Callable[[float, str], None]
JobFn = Callable[[Progress, CancelToken], Any]

# Progress reports closer together than this are merged: a service may report every
# few rows, and each report costs a trip through the event loop.
_PROGRESS_INTERVAL = 0.05
_NETWORK_THREADS = 4


class Job(QObject):
    """A running long job: cancel it, or ask whether it is still running."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.running = True

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Call(QRunnable):
    def __init__(self, fn: Callable[[], Any], deliver: Callable[[bool, Any], None]) -> None:
        super().__init__()
        self._fn = fn
        self._deliver = deliver

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self._deliver(False, exc)
        else:
            self._deliver(True, result)


class TaskRunner(QObject):
    """Runs work off the GUI thread; results come back on the GUI thread."""

    #: An exception nobody handled (no ``on_error``): the main window shows it.
    failed = Signal(object)
    # Carries a zero-argument callable from a worker thread to the GUI thread.
    _post = Signal(object)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)
        self._read = QThreadPool(self)
        self._read.setMaxThreadCount(1)
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(_NETWORK_THREADS)
        self._post.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)
        self._jobs: set[Job] = set()

    # -- the three lanes, and long jobs ------------------------------------------------
    def run_db(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Database work, one at a time in submission order."""
        self._start(self._db, fn, on_done, on_error, owner)

    def run_read(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """A read only, beside the database lane (one at a time, in submission order)."""
        self._start(self._read, fn, on_done, on_error, owner)

    def run_network(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Network work, several at a time."""
        self._start(self._network, fn, on_done, on_error, owner)

    def run_job(
        self,
        fn: JobFn,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        on_progress: ProgressSink | None = None,
        owner: QObject | None = None,
        network: bool = False,
    ) -> Job:
        """A long job: ``fn(progress, cancel)``; progress reaches ``on_progress`` on the
        GUI thread, at most every 50 ms. A cancelled job ends in ``on_error`` with
        ``Cancelled``."""
        job = Job(self)
        progress = self._progress_relay(on_progress, owner)
        self._jobs.add(job)

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        # The job ends (``finished``) even when its owner is gone; only the owner's
        # callbacks are skipped then.
        def finish_ok(result: Any) -> None:
            self._jobs.discard(job)
            job.running = False
            if on_done is not None and alive():
                on_done(result)
            job.finished.emit()

        def finish_error(exc: BaseException) -> None:
            self._jobs.discard(job)
            job.running = False
            if alive():
                self._fail(exc, on_error)
            job.finished.emit()

        lane = self._network if network else self._db
        self._start(lane, lambda: fn(progress, job.token), finish_ok, finish_error, None)
        return job

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every lane is idle (tests, and shutdown)."""
        return all(pool.waitForDone(timeout_ms) for pool in (self._db, self._read, self._network))

    def shutdown(self) -> None:
        """Cancel long jobs and drop queued work, then wait for what is running."""
        for job in list(self._jobs):
            job.cancel()
        self._db.clear()
        self._read.clear()
        self._network.clear()
        self.wait()

    # -- plumbing ----------------------------------------------------------------------
    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Done | None,
        on_error: Failed | None,
        owner: QObject | None,
    ) -> None:
        def deliver(ok: bool, value: Any) -> None:
            if owner is not None and not shiboken6.isValid(owner):
                return
            if ok:
                if on_done is not None:
                    on_done(value)
            else:
                self._fail(value, on_error)

        if self.inline:
            try:
                result = fn()
            except BaseException as exc:
                deliver(False, exc)
            else:
                deliver(True, result)
            return
        pool.start(_Call(fn, lambda ok, value: self._post.emit(lambda: deliver(ok, value))))

    def _fail(self, exc: BaseException, on_error: Failed | None) -> None:
        if on_error is not None:
            on_error(exc)
        elif isinstance(exc, Cancelled):
            log.info("background job cancelled")
        else:
            log.error("background task failed", exc_info=exc)
            self.failed.emit(exc)

    def _progress_relay(self, sink: ProgressSink | None, owner: QObject | None) -> Progress:
        if sink is None:
            return no_progress

        def to_gui(fraction: float, message: str) -> None:
            if owner is None or shiboken6.isValid(owner):
                sink(fraction, message)

        if self.inline:
            return to_gui
        lock = threading.Lock()
        last = [0.0]

        def report(fraction: float, message: str) -> None:
            now = time.monotonic()
            with lock:
                if fraction < 1.0 and now - last[0] < _PROGRESS_INTERVAL:
                    return
                last[0] = now
            self._post.emit(lambda: to_gui(fraction, message))

        return report

    @Slot(object)
    def _run_posted(self, call: Callable[[], None]) -> None:
        try:
            call()
        except Exception as exc:
            # A callback failed on the GUI thread: report it like any other failure.
            log.error("task callback failed", exc_info=exc)
            self.failed.emit(exc)
