"""The 同步 tab of the settings dialog: the server this station is enrolled with,
enrolment with a code, and how often to sync in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from broker_app.services.sync_config import load_config
from broker_app.ui.context import AppContext
from broker_app.ui.sync.enrol_form import EnrolForm
from broker_app.ui.sync.preferences import (
    MAX_INTERVAL_MINUTES,
    MIN_INTERVAL_MINUTES,
    load_interval_minutes,
    save_interval_minutes,
)
from broker_app.ui.sync.scheduler import sync_scheduler


class SyncSettingsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = sync_scheduler(ctx)
        self.server_label = QLabel(self)
        self.server_label.setWordWrap(True)
        self.interval_box = QSpinBox(self)
        self.interval_box.setRange(MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES)
        self.interval_box.setSuffix(self.tr(" 分钟"))
        self.interval_box.setValue(load_interval_minutes(ctx))
        self.interval_box.setToolTip(self.tr("联网时每隔多久自动同步一次；修改数据后也会自动同步"))
        form = QFormLayout()
        form.addRow(self.tr("同步服务器"), self.server_label)
        form.addRow(self.tr("自动同步间隔"), self.interval_box)

        self.enrol_box = QGroupBox(self)
        self.enrol_form = EnrolForm(ctx, self.enrol_box, scheduler=self.scheduler)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addWidget(self.enrol_form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.enrol_box)
        layout.addStretch(1)
        self.enrol_form.enrolled.connect(lambda _result: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        config = load_config(self.ctx.store)
        if config is None:
            self.server_label.setText(self.tr("尚未注册；注册后修改会自动上传和下载"))
            self.enrol_box.setTitle(self.tr("用注册码注册"))
        else:
            self.server_label.setText(
                self.tr("{0}（驿站编号 {1}）").format(config.server_url, config.station_id)
            )
            self.enrol_box.setTitle(self.tr("重新注册（换服务器或注册码时）"))

    def save(self) -> None:
        """Keep the interval and apply it to the running scheduler."""
        minutes = self.interval_box.value()
        save_interval_minutes(self.ctx, minutes)
        self.scheduler.set_interval(minutes)
