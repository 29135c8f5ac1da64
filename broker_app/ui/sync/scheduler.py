"""Background sync for the window: one round at a time, off the GUI thread.

A round starts shortly after ``start()``, then every few minutes, once local writes
have settled (debounced), and on demand (``sync_now``). It runs ``SyncRunner.sync_once``
in the runner's network lane; that round opens its own short transactions on the
store (``BEGIN IMMEDIATE`` with a busy timeout, WAL), so it may run beside the
database lane without sharing a session. Requests while a round runs are folded
into one follow-up round after the settle delay.

The scheduler is the context's sync provider (status bar) and, after a round that
wrote pulled records, broadcasts one ``Change`` per record type so every page that
shows those records searches again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.listing import KINDS
from broker_app.services.progress import CancelToken, Progress
from broker_app.services.sync.runner import (
    ERROR,
    NOT_ENROLLED,
    OFFLINE,
    SyncRunner,
    SyncStatus,
)
from broker_app.ui.context import AppContext, SyncState
from broker_app.ui.errors import user_message
from broker_app.ui.sync.preferences import load_interval_minutes
from broker_app.ui.tasks import Job
from sync.client.errors import ServerUnreachable, SyncError
from sync.client.http import RetryPolicy
from sync.client.report import SyncReport

log = logging.getLogger(__name__)

#: The first round waits for the window to be up and the broker to see it.
START_DELAY_MS = 5_000
#: A round follows local writes once none came for this long (an import is a burst).
SETTLE_MS = 20_000
#: Outbox counts for the page and status bar, once per burst of writes.
_STATUS_DELAY_MS = 300
#: The record types a pull can write: each gets a ``Change`` after such a round.
PULLED_TYPES = tuple(KINDS.values())


class SyncScheduler(QObject):
    round_started = Signal()
    #: ``(fraction, message)`` of the running round.
    progress = Signal(float, str)
    #: The round's ``SyncReport`` (its ``error`` says why it stopped, if it did).
    round_finished = Signal(object)
    #: ``status()`` has news (a round ran, the outbox changed, enrolment).
    status_changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        *,
        policy: RetryPolicy | None = None,
        start_delay_ms: int = START_DELAY_MS,
        settle_ms: int = SETTLE_MS,
    ) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.policy = policy
        self.runner = SyncRunner(ctx.store, policy=policy)
        self.last_report: SyncReport | None = None
        self._job: Job | None = None
        self._running = False
        self._again = False
        self._started = False
        # Reached the server in this session: the status bar says 在线 only then.
        self._online = False
        self._broadcasting = False
        self._status = self.runner.status()
        self._first = self._timer(start_delay_ms, self._tick, single=True)
        self._periodic = self._timer(load_interval_minutes(ctx) * 60_000, self._tick)
        self._settle = self._timer(settle_ms, self._tick, single=True)
        self._status_timer = self._timer(_STATUS_DELAY_MS, self.refresh_status, single=True)
        ctx.changed.connect(self._on_change)

    # -- control ------------------------------------------------------------------------
    def start(self) -> None:
        """Background rounds from now on: the first after a short delay."""
        self._started = True
        self._first.start()
        self._periodic.start()

    def stop(self) -> None:
        self._started = False
        for timer in (self._first, self._periodic, self._settle):
            timer.stop()
        if self._job is not None:
            self._job.cancel()

    def set_interval(self, minutes: int) -> None:
        self._periodic.setInterval(minutes * 60_000)
        if self._started:
            self._periodic.start()

    def interval_minutes(self) -> int:
        return self._periodic.interval() // 60_000

    @property
    def running(self) -> bool:
        return self._running

    def sync_now(self) -> bool:
        """Start a round now; False when one is running (a follow-up is queued)."""
        if self._running:
            self._again = True
            return False
        self._begin()
        return True

    def enrolled(self) -> None:
        """The station was just enrolled: show it and sync at once."""
        self.ctx.broadcast(Change(RecordKind.STATION, Op.UPDATE))
        self.refresh_status()
        self.sync_now()

    # -- state ---------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        """The runner's status as of the last refresh (counts, last success, error)."""
        return self._status

    def refresh_status(self) -> None:
        self._status = self.runner.status()
        self.status_changed.emit()
        self.ctx.sync_state_changed.emit()

    def is_enrolled(self) -> bool:
        return self._status.state != NOT_ENROLLED

    def is_online(self) -> bool:
        return self._online

    def sync_state(self) -> SyncState:
        """The context's sync provider: what the status bar shows."""
        status = self._status
        state = self._state_of(status)
        return replace(state, clock_wrong=status.clock_wrong)

    def _state_of(self, status: SyncStatus) -> SyncState:
        last = status.last_success
        if status.state == NOT_ENROLLED:
            return SyncState(False, last, self.tr("未注册同步服务器"))
        if self._running:
            return SyncState(self._online, last, self.tr("正在同步…"))
        if status.state == OFFLINE:
            return SyncState(False, last, self.tr("离线：无法连接服务器"))
        if status.state == ERROR:
            return SyncState(False, last, self.tr("同步出错"))
        if not self._online:
            return SyncState(False, last, self.tr("等待同步"))
        return SyncState(True, last, self.tr("在线"))

    # -- rounds --------------------------------------------------------------------------
    def _begin(self) -> None:
        self._running = True
        self._again = False
        self._settle.stop()
        if self._started:
            self._periodic.start()  # the next periodic round counts from now
        self.round_started.emit()
        self.ctx.sync_state_changed.emit()
        runner = self.runner

        def work(progress: Progress, cancel: CancelToken) -> SyncReport:
            return runner.sync_once(cancel=lambda: cancel.cancelled, progress=progress)

        job = self.ctx.runner.run_job(
            work,
            self._finished,
            self._failed,
            on_progress=self.progress.emit,
            owner=self,
            network=True,
        )
        # An inline runner has finished the round already.
        self._job = job if self._running else None

    def _finished(self, report: SyncReport) -> None:
        self._running = False
        self._job = None
        self.last_report = report
        if report.error is None:
            self._online = True
        elif isinstance(report.error, ServerUnreachable):
            self._online = False
        if report.written or report.unparked or report.departed:
            self._broadcast_pulled()
        self.refresh_status()
        self.round_finished.emit(report)
        if self._again:
            self._again = False
            self._settle.start()

    def _failed(self, exc: BaseException) -> None:
        # A bug, not the network (the runner reports those in the report): show it,
        # keep the timer going.
        log.error("sync round failed", exc_info=exc)
        report = SyncReport(started_at=datetime.now(), finished_at=datetime.now())
        report.error = SyncError(user_message(exc), str(exc))
        self._finished(report)

    def _broadcast_pulled(self) -> None:
        self._broadcasting = True
        try:
            for record_type in PULLED_TYPES:
                self.ctx.broadcast(Change(RecordKind(record_type), Op.UPDATE))
        finally:
            self._broadcasting = False

    # -- triggers ------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.is_enrolled():
            self.sync_now()

    def _on_change(self, change: Change) -> None:
        if self._broadcasting:
            return
        self._status_timer.start()
        if not change.touches(RecordKind.STATION) and self._started and self.is_enrolled():
            self._settle.start()

    def _timer(self, interval_ms: int, slot: Callable[[], None], *, single: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer


def sync_scheduler(ctx: AppContext, *, policy: RetryPolicy | None = None) -> SyncScheduler:
    """The context's scheduler, created (not started) and installed as its sync
    provider on first use; ``policy`` applies only then."""
    found = ctx.findChild(SyncScheduler)
    if isinstance(found, SyncScheduler):
        return found
    scheduler = SyncScheduler(ctx, policy=policy)
    ctx.set_sync_provider(scheduler)
    return scheduler
