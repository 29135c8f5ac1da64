"""The top of the 同步 page: where this station syncs, whether it is online, what waits
to be sent, the last success and the last error, and 立即同步 with its progress."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.org.units import load_zoucheng
from broker_app.services.settings.station import StationService
from broker_app.services.sync.config import load_config
from broker_app.services.sync.runner import ERROR, OFFLINE
from broker_app.ui.context import AppContext
from broker_app.ui.sync.labels import moment_text
from broker_app.ui.sync.scheduler import SyncScheduler
from broker_app.ui.worker_editor.fields import ERROR_STYLE
from sync.client.report import SyncReport

_STEPS = 1000
_ONLINE_STYLE = "color: #1b6e20; font-weight: bold;"
_OFFLINE_STYLE = "color: #a33; font-weight: bold;"


class SyncStatusPanel(QGroupBox):
    def __init__(
        self, ctx: AppContext, scheduler: SyncScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("同步状态"))
        self.ctx = ctx
        self.scheduler = scheduler
        self.server_label = self._value()
        self.station_label = self._value()
        self.state_label = self._value()
        self.pending_label = self._value()
        self.last_sync_label = self._value()
        self.error_label = self._value()
        self.sync_button = QPushButton(self.tr("立即同步"), self)
        self.sync_button.setToolTip(self.tr("马上上传本机的修改并下载其他驿站的修改"))
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, _STEPS)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.progress_label = QLabel(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        # Shown when this PC's clock is more than a day off the server's.
        self.clock_label = QLabel(self)
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet(ERROR_STYLE)
        self.clock_label.hide()

        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("服务器"), self.server_label)
        left.addRow(self.tr("本驿站"), self.station_label)
        left.addRow(self.tr("连接"), self.state_label)
        right.addRow(self.tr("待上传"), self.pending_label)
        right.addRow(self.tr("上次成功同步"), self.last_sync_label)
        right.addRow(self.tr("上次错误"), self.error_label)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        action_row = QHBoxLayout()
        action_row.addWidget(self.sync_button)
        action_row.addWidget(self.progress_bar, 1)
        action_row.addWidget(self.progress_label)
        action_row.addWidget(self.result_label, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.clock_label)
        layout.addLayout(action_row)

        self.sync_button.clicked.connect(self.sync_now)
        scheduler.round_started.connect(self._round_started)
        scheduler.progress.connect(self._progress)
        scheduler.round_finished.connect(self._round_finished)
        scheduler.status_changed.connect(self.refresh)
        self.refresh()

    def sync_now(self) -> None:
        self.scheduler.sync_now()

    def refresh(self) -> None:
        status = self.scheduler.status()
        config = load_config(self.ctx.store)
        enrolled = config is not None
        self.server_label.setText(config.server_url if config else self.tr("尚未注册"))
        info = StationService(self.ctx.store).info()
        if info.org_code:
            place = load_zoucheng().display_name(info.org_code)
            self.station_label.setText(
                self.tr("{0}（{1} {2}）").format(info.name, info.org_code, place)
            )
        else:
            self.station_label.setText(self.tr("尚未设置所属单位"))
        state = self.scheduler.sync_state()
        if not enrolled:
            self.state_label.setText(self.tr("未注册（数据只保存在本机）"))
            self.state_label.setStyleSheet("")
        elif state.connected:
            self.state_label.setText(self.tr("在线"))
            self.state_label.setStyleSheet(_ONLINE_STYLE)
        elif status.state in (OFFLINE, ERROR):
            self.state_label.setText(self.tr("离线") + f"（{state.message}）")
            self.state_label.setStyleSheet(_OFFLINE_STYLE)
        else:  # not tried yet in this session, or trying now
            self.state_label.setText(state.message)
            self.state_label.setStyleSheet("")
        count = self.tr("{0} 条").format(QLocale().toString(status.pending))
        if status.parked:
            count += self.tr("；另有 {0} 条下载的记录在等上级记录").format(status.parked)
        self.pending_label.setText(count)
        self.last_sync_label.setText(moment_text(status.last_success))
        self.error_label.setText(status.last_error or self.tr("无"))
        self.error_label.setStyleSheet(ERROR_STYLE if status.last_error else "")
        self.sync_button.setEnabled(enrolled and not self.scheduler.running)
        self._show_clock(status.clock_offset_ms if status.clock_wrong else None)

    def _show_clock(self, offset_ms: int | None) -> None:
        if offset_ms is None:
            self.clock_label.hide()
            return
        days = QLocale().toString(abs(offset_ms) / 86_400_000, "f", 1)
        text = (
            self.tr("本机时钟比服务器慢约 {0} 天")
            if offset_ms > 0
            else self.tr("本机时钟比服务器快约 {0} 天")
        ).format(days)
        self.clock_label.setText(
            text + self.tr("：请校准电脑的日期和时间，否则各驿站修改的先后会判断错。")
        )
        self.clock_label.show()

    # -- a round -------------------------------------------------------------------------
    def _round_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.progress_label.setText(self.tr("正在同步…"))
        self.result_label.clear()

    def _progress(self, fraction: float, message: str) -> None:
        self.progress_bar.setValue(round(max(0.0, min(1.0, fraction)) * _STEPS))
        if message:
            self.progress_label.setText(message)

    def _round_finished(self, report: SyncReport) -> None:
        self.progress_bar.hide()
        self.progress_label.clear()
        if report.error is not None:
            self.result_label.setText(self.tr("同步未完成：{0}").format(report.error.message))
            self.result_label.setStyleSheet(ERROR_STYLE)
        else:
            self.result_label.setText(
                self.tr("同步完成：上传 {0} 条，下载 {1} 条，被拒 {2} 条").format(
                    report.pushed, report.pulled, report.rejected
                )
            )
            self.result_label.setStyleSheet("")
        self.refresh()

    def _value(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
