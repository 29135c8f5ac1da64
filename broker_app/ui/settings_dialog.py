"""设置: the station's org unit and broker, and sync (server, enrolment, interval)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from broker_app.ui.context import AppContext
from broker_app.ui.station_dialog import StationDialog
from broker_app.ui.sync.settings_tab import SyncSettingsTab


class SettingsDialog(StationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("设置"))
        self.intro.setText(
            self.tr("本驿站的所属单位和经纪人。已有劳动力数据后，所属单位不能再改。")
        )
        self.form.load(self.service.info())
        self.ok_button.setEnabled(self.form.is_complete())
        self.sync_tab = SyncSettingsTab(ctx, self)
        self.tabs = QTabWidget(self)
        layout = self.layout()
        if layout is not None:
            layout.replaceWidget(self.form, self.tabs)
        self.tabs.addTab(self.form, self.tr("本驿站"))
        self.tabs.addTab(self.sync_tab, self.tr("同步"))
        self.sync_tab.enrol_form.enrolled.connect(lambda _result: self._reload_station())

    def save(self) -> None:
        self.sync_tab.save()
        super().save()

    def _reload_station(self) -> None:
        # Enrolment may have set the org unit and the station's name.
        self.form.load(self.service.info())
        self.ok_button.setEnabled(self.form.is_complete())
