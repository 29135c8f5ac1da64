"""设置: one section per part of the station's settings (the station's org unit and
broker, sync, 维权卡, 工资, language, backups and restore); 查看日志… opens the log
viewer.

Every page loads from one ``Settings`` value. 保存 checks every page (each shows its
problems under the fields), switches to the first page with a problem, and only when
all pass writes everything in one go (``services.settings.storage.save_settings``).
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.errors import FieldError
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.settings.schema import (
    LANGUAGES,
    InvalidSettings,
    LanguageSettings,
    Settings,
)
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.ui.backups.backups_tab import BackupsTab
from broker_app.ui.cards.settings_tab import CardSettingsTab
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.field_errors import ERROR_STYLE
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.logs.log_dialog import LogDialog
from broker_app.ui.privacy.privacy_tab import PrivacyTab
from broker_app.ui.section_list import SectionList
from broker_app.ui.settings_page import FieldProblem, SettingsPage, SettingsPageBase, StandalonePage
from broker_app.ui.station_form import StationForm
from broker_app.ui.sync.settings_tab import SyncSettingsTab
from broker_app.ui.wages_tab import WageSettingsTab


class LanguageTab(SettingsPageBase):
    """The interface language, applied at the next start (every widget translates its
    texts when it is built)."""

    section = LanguageSettings.SECTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.combo.addItem(name, code)
        note = QLabel(self.tr("更改语言后，重新启动本软件生效。"), self)
        note.setWordWrap(True)
        layout = QFormLayout(self)
        self.add_row(layout, self.tr("语言 / Language"), self.combo, "language")
        layout.addRow(note)

    def language(self) -> str:
        return str(self.combo.currentData())

    def load(self, settings: Settings) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(settings.ui.language)))
        self.clear_errors()

    def check(self) -> list[FieldProblem]:
        return self.checked(LanguageSettings(), {"language": self.language()})[1]

    def save(self, settings: Settings) -> Settings:
        return settings.with_section(LanguageSettings(self.language()))


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("设置"))
        self.intro = QLabel(
            self.tr("本驿站的所属单位和经纪人。已有劳动力数据后，所属单位不能再改。"), self
        )
        self.intro.setWordWrap(True)
        self.tabs = SectionList(self)
        self.pages: list[SettingsPage] = []
        self.form = StationForm(self)
        self.sync_tab = SyncSettingsTab(ctx, self)
        self.cards_tab = CardSettingsTab(self)
        self.wages_tab = WageSettingsTab(self)
        self.language_tab = LanguageTab(self)
        self.backups_tab = BackupsTab(ctx, self)
        self.add_page(self.tr("本驿站"), self.form)
        self.add_page(self.tr("同步"), self.sync_tab)
        self.add_page(self.tr("维权卡"), self.cards_tab)
        self.add_page(self.tr("工资"), self.wages_tab)
        self.add_page(self.tr("语言"), self.language_tab)
        self.add_page(self.tr("备份与恢复"), self.backups_tab)
        self.privacy_tab = PrivacyTab(ctx, self)
        self.add_standalone_page(self.tr("隐私与安全"), self.privacy_tab)

        # Problems of a standalone page that does not show its own.
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.logs_button = self.buttons.addButton(
            self.tr("查看日志…"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.helpRequested.connect(self.open_logs)
        self.form.completeness_changed.connect(self.ok_button.setEnabled)
        self.tabs.currentChanged.connect(self._show_intro)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)
        hint = self.sizeHint()
        fit_to_screen(self, hint.width(), hint.height())

        self.sync_tab.enrol_form.enrolled.connect(lambda _result: self._reload_station())
        self.backups_tab.restore_requested.connect(lambda _path: self.restart_for_restore())
        self.load(load_settings(ctx.store))

    # -- pages -------------------------------------------------------------------------
    def add_page(self, title: str, page: QWidget) -> None:
        """Add a tab: a widget with ``SettingsPage``'s load(settings), check(), save(settings)
        and saved(settings). Call it with the others, before the dialog loads."""
        self.pages.append(cast(SettingsPage, page))
        self.tabs.addTab(page, title)

    def add_standalone_page(self, title: str, widget: QWidget) -> None:
        """Add a tab that stores its own values (``load()``, ``check()``, ``save()``):
        checked with the other pages, saved after the settings were written."""
        self.pages.append(StandalonePage(widget))
        self.tabs.addTab(widget, title)

    def load(self, settings: Settings) -> None:
        self.settings = settings
        for page in self.pages:
            page.load(settings)
        self.ok_button.setEnabled(self.form.is_complete())

    def check(self) -> bool:
        """Check every page; show the first page with a problem. True if all pass."""
        first = None
        unshown: list[str] = []
        for index, page in enumerate(self.pages):
            problems = page.check()
            if problems and first is None:
                first = index
            if problems and isinstance(page, StandalonePage):
                page.show_errors(problems)
                if not page.shows_errors:
                    unshown += [message for _field, message in problems]
        self.problem_label.setText("\n".join(unshown))
        self.problem_label.setVisible(bool(unshown))
        if first is not None:
            self.tabs.setCurrentIndex(first)
        return first is None

    def save(self) -> None:
        if not self.check():
            return
        wanted = self.settings
        for page in self.pages:
            wanted = page.save(wanted)
        store = self.ctx.store
        self.ok_button.setEnabled(False)
        self.ctx.runner.run_db(
            lambda: save_settings(store, wanted), self._saved, self._failed, owner=self
        )

    def _saved(self, settings: Settings) -> None:
        self.settings = settings
        for page in self.pages:
            page.saved(settings)
        self.ctx.broadcast(Change(RecordKind.STATION, Op.UPDATE, (self.ctx.store.node_id,)))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        """A problem only the save can find (the station holds data of another unit)."""
        self.ok_button.setEnabled(True)
        if not isinstance(exc, InvalidSettings | FieldError):
            show_error(self, exc)
            return
        errors = exc.errors if isinstance(exc, InvalidSettings) else [exc]
        first = None
        for index, page in enumerate(self.pages):
            section = getattr(page, "section", "")
            mine = [
                (err.field.rpartition(".")[2], err.message)
                for err in errors
                if err.field.partition(".")[0] == section or ("." not in err.field and index == 0)
            ]
            if mine:
                page_show = getattr(page, "show_errors", None)
                if callable(page_show):
                    page_show(mine)
                first = index if first is None else first
        if first is not None:
            self.tabs.setCurrentIndex(first)

    # -- the rest ----------------------------------------------------------------------
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
        stored = load_settings(self.ctx.store)
        self.form.load(stored)
        self.settings = self.settings.with_section(stored.station).with_section(stored.sync)
        self.ok_button.setEnabled(self.form.is_complete())

    def _show_intro(self, index: int) -> None:
        self.intro.setVisible(self.tabs.widget(index) is self.form)
