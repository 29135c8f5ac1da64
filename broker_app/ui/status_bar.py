"""The status bar: which station this is, whether sync is connected, how many local
changes wait to be sent, and when the last sync ran."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from broker_app.services.changes import Change
from broker_app.services.settings.station import StationService
from broker_app.services.sync.outbox import pending_changes
from broker_app.ui.context import AppContext

# Writes come in bursts (an import, a sync): count the outbox once per burst.
_REFRESH_DELAY_MS = 300


class StationStatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setSizeGripEnabled(False)
        self.setContentsMargins(0, 0, 8, 0)
        self.station_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.addWidget(self.station_label, 1)
        for label in (self.sync_label, self.pending_label, self.last_sync_label):
            self.addPermanentWidget(label)
        for label in (
            self.station_label,
            self.sync_label,
            self.pending_label,
            self.last_sync_label,
        ):
            label.setContentsMargins(8, 0, 8, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_change)
        # A sync round empties the outbox without a Change: count it again then too.
        ctx.sync_state_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        info = StationService(self.ctx.store).info()
        if info.configured:
            self.station_label.setText(self.tr("{0}（{1}）").format(info.name, info.org_code))
        else:
            self.station_label.setText(self.tr("本驿站尚未设置所属单位"))
        count = pending_changes(self.ctx.store)
        self.pending_label.setText(self.tr("待上传 {0} 条").format(QLocale().toString(count)))
        self._show_sync()

    def _show_sync(self) -> None:
        state = self.ctx.sync_state()
        if state is None or not state.connected:
            text = state.message if state and state.message else self.tr("未连接同步服务器")
        else:
            text = state.message or self.tr("已连接同步服务器")
        if state is not None and state.clock_wrong:
            text += self.tr("（本机时钟不准，请校准）")
        self.sync_label.setText(text)
        last = state.last_sync if state else None
        shown = last.strftime("%Y-%m-%d %H:%M") if last else self.tr("从未")
        self.last_sync_label.setText(self.tr("上次同步：{0}").format(shown))

    def _on_change(self, _change: Change) -> None:
        self._timer.start()
