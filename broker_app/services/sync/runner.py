"""Running sync: one round on demand (``sync_once``) or in the background on a timer.

Nothing here blocks a GUI: the background thread does the network and database
work, one round at a time, and the app keeps working with the server down (every
edit waits in the outbox). The GUI asks ``status()`` and may pass ``on_finished``
to hear about each round.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from broker_app.services.sync import identity as sync_identity
from broker_app.services.sync.apply import INCOMPLETE, UNAPPLIABLE
from broker_app.services.sync.config import (
    CredentialMissing,
    SyncConfig,
    credential_missing,
    load_config,
    make_client,
    read_config,
)
from broker_app.services.sync.identity import CopiedDataFolder
from broker_app.services.sync.replica import StoreReplica
from broker_app.store.repositories import outbox as outbox_repo
from broker_app.store.repositories import sync_state
from broker_app.store.store import Store
from sync.client.api import ChannelClient
from sync.client.engine import Progress, SyncEngine
from sync.client.errors import NotEnrolled, ServerUnreachable
from sync.client.http import RetryPolicy
from sync.client.report import SyncReport
from sync.hlc import MAX_DRIFT_MS

log = logging.getLogger(__name__)

NOT_ENROLLED, IDLE, SYNCING, OFFLINE, ERROR = "not_enrolled", "idle", "syncing", "offline", "error"
_LAST_SUCCESS, _LAST_ATTEMPT = "last_success", "last_attempt"
_LAST_ERROR, _LAST_ERROR_EN = "last_error", "last_error_en"
_CLOCK_OFFSET = "server_clock_offset_ms"
#: Refresh planner statistics after a round that wrote this many records.
_ANALYZE_AFTER = 1000


@dataclass(frozen=True)
class QuarantinedItem:
    seq: int
    record_type: str
    record_id: str
    op: str
    reason: str


@dataclass(frozen=True)
class ParkedItem:
    """A pulled record not written yet, and why (in Chinese)."""

    record_type: str
    record_id: str
    reason: str


@dataclass(frozen=True)
class KnownConflict:
    id: int
    kind: str
    record_type: str
    record_id: str
    other_record_id: str | None
    field: str | None
    winner_value: object
    loser_value: object


@dataclass(frozen=True)
class SyncStatus:
    state: str
    pending: int
    quarantined: int
    conflicts: int
    parked: int
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str | None
    #: The server's clock minus this PC's at the last answer (ms), if known.
    clock_offset_ms: int | None = None

    @property
    def clock_wrong(self) -> bool:
        """This PC's clock differs from the server's by more than a day: its edits
        would be ordered wrongly against other stations' (the server clamps stamps a
        day ahead; a PC behind loses to older writes)."""
        return self.clock_offset_ms is not None and abs(self.clock_offset_ms) > MAX_DRIFT_MS

    @property
    def connected(self) -> bool:
        return self.state in (IDLE, SYNCING)

    @property
    def last_sync(self) -> datetime | None:
        return self.last_success

    @property
    def message(self) -> str:
        """Short Chinese text for a status bar."""
        return {
            NOT_ENROLLED: "未注册同步服务器",
            IDLE: "已同步",
            SYNCING: "正在同步…",
            OFFLINE: "无法连接服务器（数据已保存在本机）",
            ERROR: "同步出错",
        }.get(self.state, "")


ClientFactory = Callable[[SyncConfig], ChannelClient]


class SyncRunner:
    def __init__(
        self,
        store: Store,
        *,
        interval: float = 300.0,
        policy: RetryPolicy | None = None,
        client_factory: ClientFactory | None = None,
        on_finished: Callable[[SyncReport], None] | None = None,
    ) -> None:
        self.store = store
        self.interval = interval
        self.on_finished = on_finished
        self._client_factory = client_factory or (lambda config: make_client(config, policy))
        self._round = threading.Lock()
        self._state_lock = threading.Lock()
        self._state: str | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- rounds ---------------------------------------------------------------------
    def sync_once(
        self, cancel: Callable[[], bool] | None = None, progress: Progress | None = None
    ) -> SyncReport:
        """One full round (push, pull, conflicts, card keys); waits if one is running.
        Never raises for network or server trouble: see ``report.error``."""
        with self._round:
            config = load_config(self.store)
            if config is None and credential_missing(self.store):
                # Restored or copied from another PC: say so, not "not enrolled".
                report = SyncReport(started_at=datetime.now(), error=CredentialMissing())
                report.finished_at = report.started_at
                self._record(report)
                return report
            if config is None:
                report = SyncReport(started_at=datetime.now(), error=NotEnrolled())
                report.finished_at = report.started_at
                self._set_state(NOT_ENROLLED)
                return report
            self._set_state(SYNCING)
            if sync_identity.is_copied(self.store):
                # Another PC uses a copy of this folder: sending or taking anything
                # would overwrite its edits (or it ours) until the county re-enrols.
                report = SyncReport(started_at=datetime.now(), error=CopiedDataFolder(""))
                report.finished_at = report.started_at
            else:
                engine = SyncEngine(self._client_factory(config), StoreReplica(self.store))
                report = engine.run(cancel, progress)
            self._record(report)
        if self.on_finished is not None:
            self.on_finished(report)
        return report

    def _record(self, report: SyncReport) -> None:
        moment = (report.finished_at or datetime.now()).isoformat(timespec="seconds")
        with self.store.write() as session:
            sync_state.put_state(session, _LAST_ATTEMPT, moment)
            if report.clock_offset_ms is not None:
                sync_state.put_state(session, _CLOCK_OFFSET, str(report.clock_offset_ms))
            if report.error is None:
                sync_state.put_state(session, _LAST_SUCCESS, moment)
                sync_state.put_state(session, _LAST_ERROR, "")
                sync_state.put_state(session, _LAST_ERROR_EN, "")
            else:
                sync_state.put_state(session, _LAST_ERROR, report.error.message)
                sync_state.put_state(session, _LAST_ERROR_EN, report.error.message_en)
        if report.written >= _ANALYZE_AFTER:
            self.store.analyze()
        if report.error is None:
            self._set_state(IDLE)
        elif isinstance(report.error, ServerUnreachable):
            self._set_state(OFFLINE)
        else:
            self._set_state(ERROR)
        log.info(
            "sync round: pushed %d (applied %d, duplicate %d, rejected %d), pulled %d, "
            "conflicts %d, error %s",
            report.pushed, report.applied, report.duplicates, report.rejected, report.pulled,
            report.conflicts, report.error.message_en if report.error else None,
        )  # fmt: skip

    # -- background -----------------------------------------------------------------
    def start(self) -> None:
        """Sync now and then every ``interval`` seconds, on a background thread."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._wake.set()
        self._thread = threading.Thread(target=self._loop, name="sync-runner", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """Ask the background thread for a round now."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.sync_once(cancel=self._stop.is_set)
            except Exception:
                # A bug must not kill the timer: log it and try again next time.
                log.exception("sync round failed")
                self._set_state(ERROR)

    # -- status ---------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self.store.read() as session:
            enrolled = read_config(session, self.store.secrets) is not None
            last_success = _moment(sync_state.get_state(session, _LAST_SUCCESS))
            last_attempt = _moment(sync_state.get_state(session, _LAST_ATTEMPT))
            error = sync_state.get_state(session, _LAST_ERROR) or None
            pending = outbox_repo.pending_count(session)
            quarantined = sync_state.count_in_state(session, sync_state.QUARANTINED)
            conflicts = len(sync_state.list_conflicts(session))
            parked = sync_state.parked_count(session)
            offset = sync_state.get_state(session, _CLOCK_OFFSET)
        with self._state_lock:
            state = self._state
        if state is None:
            state = NOT_ENROLLED if not enrolled else (ERROR if error else IDLE)
        return SyncStatus(
            state, pending, quarantined, conflicts, parked, last_success, last_attempt, error,
            int(offset) if offset and offset.lstrip("-").isdigit() else None,
        )  # fmt: skip

    def quarantined(self, limit: int = 500) -> list[QuarantinedItem]:
        with self.store.read() as session:
            return [
                QuarantinedItem(e.seq, e.record_type, e.record_id, e.op, e.error)
                for e in sync_state.quarantined_entries(session, limit)
            ]

    def parked(self, limit: int = 500) -> list[ParkedItem]:
        with self.store.read() as session:
            return [
                ParkedItem(p.record_type, p.record_id, parked_reason(p.missing_id))
                for p in sync_state.parked_entries(session, limit)
            ]

    def release_quarantined(self, seqs: Sequence[int] | None = None) -> int:
        """Queue quarantined items again (all, or those ``seqs``) after the cause was
        fixed on the server."""
        with self.store.write() as session:
            return sync_state.release_quarantined(session, seqs)

    def conflicts(self) -> list[KnownConflict]:
        with self.store.read() as session:
            return [
                KnownConflict(
                    c.id,
                    c.kind,
                    c.record_type,
                    c.record_id,
                    c.other_record_id,
                    c.field,
                    c.winner.get("value"),
                    c.loser.get("value"),
                )
                for c in sync_state.list_conflicts(session)
            ]

    def _set_state(self, state: str) -> None:
        with self._state_lock:
            self._state = state


def sync_once(store: Store, *, policy: RetryPolicy | None = None) -> SyncReport:
    """One sync round for ``store`` (the command line's ``sync``)."""
    return SyncRunner(store, policy=policy).sync_once()


def parked_reason(missing_id: str) -> str:
    if missing_id == UNAPPLIABLE:
        return "本机无法保存服务器发来的这条记录（数据有误），已先搁置；服务器上改正后会自动写入"
    if missing_id == INCOMPLETE:
        return "服务器发来的这条记录缺少必填内容或有无法识别的值，已先搁置；改正后会自动写入"
    return f"等它所属的记录（{missing_id}）同步过来后写入"


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
