"""The 同步 page of the settings dialog: the server this station is enrolled with (its
address and CA file can be changed when the server moves), enrolment with a code, and
how often to sync in the background."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.settings.schema import (
    MAX_INTERVAL_MINUTES,
    MIN_INTERVAL_MINUTES,
    Settings,
    SyncSettings,
)
from broker_app.services.settings.storage import load_settings
from broker_app.services.sync.config import load_config
from broker_app.ui.context import AppContext
from broker_app.ui.settings_page import FieldProblem, SettingsPageBase
from broker_app.ui.sync.enrol_form import EnrolForm, choose_ca_file
from broker_app.ui.sync.scheduler import sync_scheduler


class SyncSettingsTab(SettingsPageBase):
    section = SyncSettings.SECTION

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = SyncSettings()
        self.scheduler = sync_scheduler(ctx)
        self.server_label = QLabel(self)
        self.server_label.setWordWrap(True)
        self.url_box = QLineEdit(self)
        self.url_box.setToolTip(self.tr("服务器换了地址时在这里修改；换服务器请重新注册"))
        self.ca_box = QLineEdit(self)
        self.ca_box.setPlaceholderText(self.tr("可不填；县里提供了服务器证书文件时在这里选择"))
        self.ca_button = QPushButton(self.tr("选择…"), self)
        self.ca_button.clicked.connect(lambda: choose_ca_file(self, self.ca_box))
        ca_row = QWidget(self)
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_box, 1)
        ca_layout.addWidget(self.ca_button)
        self.interval_box = QSpinBox(self)
        self.interval_box.setRange(MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES)
        self.interval_box.setSuffix(self.tr(" 分钟"))
        self.interval_box.setToolTip(self.tr("联网时每隔多久自动同步一次；修改数据后也会自动同步"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("同步服务器"), self.server_label)
        self.add_row(form, self.tr("服务器地址"), self.url_box, "server_url")
        self.add_row(form, self.tr("服务器证书文件"), ca_row, "ca_file")
        self.add_row(form, self.tr("自动同步间隔"), self.interval_box, "interval_minutes")

        self.enrol_box = QGroupBox(self)
        self.enrol_form = EnrolForm(ctx, self.enrol_box, scheduler=self.scheduler)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addWidget(self.enrol_form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.enrol_box)
        layout.addStretch(1)
        self.enrol_form.enrolled.connect(lambda _result: self._enrolled())
        self.refresh()

    def load(self, settings: Settings) -> None:
        sync = self.loaded = settings.sync
        self.url_box.setText(sync.server_url)
        self.ca_box.setText(sync.ca_file)
        self.interval_box.setValue(sync.interval_minutes)
        # The address is set by enrolling; until then there is nothing to change.
        for widget in (self.url_box, self.ca_box, self.ca_button):
            widget.setEnabled(bool(sync.server_url))
        self.clear_errors()
        self.refresh()

    def saved(self, settings: Settings) -> None:
        """Apply the interval to the running scheduler."""
        self.scheduler.set_interval(settings.sync.interval_minutes)

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

    def _enrolled(self) -> None:
        """Show the address enrolment stored, keeping the other fields as typed."""
        stored = load_settings(self.ctx.store).sync
        interval = self.interval_box.value()
        self.load(
            Settings(
                sync=replace(self.loaded, server_url=stored.server_url, ca_file=stored.ca_file)
            )
        )
        self.interval_box.setValue(interval)

    def typed(self) -> tuple[SyncSettings, list[FieldProblem]]:
        texts = {
            "server_url": self.url_box.text(),
            "ca_file": self.ca_box.text(),
            "interval_minutes": str(self.interval_box.value()),
        }
        return self.checked(self.loaded, texts)
