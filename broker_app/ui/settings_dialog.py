"""设置: the station's org unit and broker, sync (server, enrolment, interval), the
interface language, backups and restore; 查看日志… opens the log viewer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QWidget,
)

from broker_app.ui.backups.backups_tab import BackupsTab
from broker_app.ui.context import AppContext
from broker_app.ui.i18n import LANGUAGE_KEY, LANGUAGES, saved_language
from broker_app.ui.logs.log_dialog import LogDialog
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
        self.backups_tab = BackupsTab(ctx, self)
        self.tabs = QTabWidget(self)
        layout = self.layout()
        if layout is not None:
            layout.replaceWidget(self.form, self.tabs)
        self.tabs.addTab(self.form, self.tr("本驿站"))
        self.tabs.addTab(self.sync_tab, self.tr("同步"))
        self.tabs.addTab(self.language_tab, self.tr("语言"))
        self.tabs.addTab(self.backups_tab, self.tr("备份与恢复"))
        self.sync_tab.enrol_form.enrolled.connect(lambda _result: self._reload_station())
        self.backups_tab.restore_requested.connect(lambda _path: self.restart_for_restore())
        self.logs_button = self.buttons.addButton(
            self.tr("查看日志…"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.buttons.helpRequested.connect(self.open_logs)

    def save(self) -> None:
        self.sync_tab.save()
        self.language_tab.save()
        self.backups_tab.save()
        super().save()

    def open_logs(self) -> None:
        dialog = LogDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def restart_for_restore(self) -> None:
        """Close every window; the launcher restores once the database is closed and
        opens the window again."""
        self.reject()
        QApplication.closeAllWindows()
        QApplication.quit()

    def _reload_station(self) -> None:
        # Enrolment may have set the org unit and the station's name.
        self.form.load(self.service.info())
        self.ok_button.setEnabled(self.form.is_complete())
