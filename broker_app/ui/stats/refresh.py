"""When the 统计 page must count again: after writes to the records it counts,
at most once per quiet spell (a bulk import broadcasts many changes), and only
while the page is shown; a hidden page counts again when it is next shown."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from broker_app.services.changes import Change, RecordKind
from broker_app.ui.context import AppContext

#: Record kinds whose changes alter a figure of the page.
WATCHED: Final = (
    RecordKind.WORKER,
    RecordKind.MATCH,
    RecordKind.BATCH,
    RecordKind.BATCH_MEMBER,
    RecordKind.FOLLOW_UP,
    RecordKind.TRAINING,
    RecordKind.STATION,
)
#: Quiet time before counting again after the last relevant change.
DEBOUNCE_MS: Final = 800


class RefreshScheduler(QObject):
    #: Time to count again.
    due = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visible = False
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._fire)
        ctx.changed.connect(self.on_change)

    def on_change(self, change: Change) -> None:
        if not change.touches(*WATCHED):
            return
        self.stale = True
        if self.visible:
            self.timer.start()

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        if visible and self.stale and not self.timer.isActive():
            self._fire()
        elif not visible:
            self.timer.stop()

    def _fire(self) -> None:
        self.stale = False
        self.due.emit()
