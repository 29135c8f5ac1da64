"""设置: the station's org unit and broker, sync (server, enrolment, interval), and the
interface language."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTabWidget, QWidget

from broker_app.ui.context import AppContext
from broker_app.ui.i18n import LANGUAGE_KEY, LANGUAGES, saved_language
from broker_app.ui.station_dialog import StationDialog
from broker_app.ui.sync.settings_tab import SyncSettingsTab


class LanguageTab(QWidget):
    """The interface language, kept in the window settings and applied at the next start
    (every widget translates its texts when it is built)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.combo = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(saved_language(ctx.data_dir))))
        note = QLabel(self.tr("更改语言后，重新启动本软件生效。"), self)
        note.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("语言 / Language"), self.combo)
        layout.addRow(note)

    def language(self) -> str:
        return str(self.combo.currentData())

    def save(self) -> None:
        settings = self.ctx.ui_settings()
        settings.setValue(LANGUAGE_KEY, self.language())
        settings.sync()


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
        self.language_tab = LanguageTab(ctx, self)
        self.tabs = QTabWidget(self)
        layout = self.layout()
        if layout is not None:
            layout.replaceWidget(self.form, self.tabs)
        self.tabs.addTab(self.form, self.tr("本驿站"))
        self.tabs.addTab(self.sync_tab, self.tr("同步"))
        self.tabs.addTab(self.language_tab, self.tr("语言"))
        self.sync_tab.enrol_form.enrolled.connect(lambda _result: self._reload_station())

    def save(self) -> None:
        self.sync_tab.save()
        self.language_tab.save()
        super().save()

    def _reload_station(self) -> None:
        # Enrolment may have set the org unit and the station's name.
        self.form.load(self.service.info())
        self.ok_button.setEnabled(self.form.is_complete())
