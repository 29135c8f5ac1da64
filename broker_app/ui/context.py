"""What every page and dialog gets: the open store, the data folder, the background
runner, and the one signal on which every write's ``Change`` is broadcast.

Pages build their services from ``ctx.store`` (``WorkerService(ctx.store)``) and never
look inside it. After a write, pass its ``Change`` to ``ctx.broadcast``; each view
connected to ``ctx.changed`` decides whether it must refresh (Anki's
``on_op_finished``)::

    ctx.runner.run_db(lambda: service.edit(worker_id, values), ctx.broadcast)

Sync state comes from an optional provider that the sync feature installs with
``set_sync_provider``; until then ``sync_state()`` is None and the status bar says
the station is not connected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, Signal

from broker_app.services.changes import Change

# UI_SETTINGS_FILE: window geometry, column layouts and other per-station view state,
# and the two settings kept beside them (services.settings.storage: language, sync interval).
from broker_app.services.settings.window_ini import UI_SETTINGS_FILE as UI_SETTINGS_FILE
from broker_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from broker_app.services.station_data import Store


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows about sync."""

    connected: bool
    last_sync: datetime | None = None
    #: Short Chinese text for the status bar, e.g. "正在同步…"; empty for the default.
    message: str = ""
    #: This PC's clock is more than a day off the server's.
    clock_wrong: bool = False


class SyncStatusProvider(Protocol):
    def sync_state(self) -> SyncState: ...


class AppContext(QObject):
    """One per open station database; passed to pages and dialogs by constructor."""

    #: Emitted with each ``Change`` after it is committed.
    changed = Signal(object)
    #: The sync provider has news (connected, disconnected, a sync finished).
    sync_state_changed = Signal()

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.runner = runner
        self._sync: SyncStatusProvider | None = None

    def broadcast(self, changes: Change | Iterable[Change]) -> None:
        """Tell every view what a write changed; accepts one Change or several."""
        for change in [changes] if isinstance(changes, Change) else list(changes):
            self.changed.emit(change)

    def set_sync_provider(self, provider: SyncStatusProvider | None) -> None:
        self._sync = provider
        self.sync_state_changed.emit()

    def sync_state(self) -> SyncState | None:
        """The provider's answer, or None while this build has no sync."""
        return self._sync.sync_state() if self._sync is not None else None

    def ui_settings(self) -> QSettings:
        """View state kept beside the data, so a portable install or a test's data
        folder carries its own window layout."""
        return QSettings(str(self.data_dir / UI_SETTINGS_FILE), QSettings.Format.IniFormat)
