"""设置: change the station's org unit and broker later. Typed settings come later."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from broker_app.ui.context import AppContext
from broker_app.ui.station_dialog import StationDialog


class SettingsDialog(StationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("设置"))
        self.intro.setText(
            self.tr("本驿站的所属单位和经纪人。已有劳动力数据后，所属单位不能再改。")
        )
        self.form.load(self.service.info())
        self.ok_button.setEnabled(self.form.is_complete())
