"""备份与恢复: the backups of this station, 立即备份, 从备份恢复…, and (a page of the
settings) the backups folder and the automatic backups' retention.

Restoring needs the database closed, and every page holds it open, so the tab only
checks the file and asks for the restore; the window then closes, the launcher
restores with nothing open and opens the window again on the restored data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.backups import (
    BEFORE_MIGRATE,
    BEFORE_RESTORE,
    DAILY,
    MANUAL,
    BackupFile,
    backup_now,
    check_backup,
    list_backups,
    request_restore,
)
from broker_app.services.settings.schema import (
    MAX_KEEP_COUNT,
    MAX_KEEP_DAYS,
    BackupSettings,
    Settings,
)
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_folder, ask_open_file
from broker_app.ui.settings_page import FieldProblem, SettingsPageBase
from broker_app.ui.sizes import file_size_text


class BackupsTab(SettingsPageBase):
    # A restore was requested: the application should close and restart.
    restore_requested = Signal(object)
    section = BackupSettings.SECTION

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: The stored backup settings (the list and 立即备份 use the stored folder).
        self.loaded = BackupSettings()
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("大小")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.backup_button = QPushButton(self.tr("立即备份"), self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("从备份恢复…"), self)
        self.restore_button.setToolTip(self.tr("恢复选中的备份，或选择一个备份文件"))
        self.restore_button.clicked.connect(self.choose_and_restore)
        self.folder_box = QLineEdit(self)
        self.folder_box.setPlaceholderText(self.tr("不填则放在数据目录的 backups 文件夹"))
        self.folder_box.setToolTip(
            self.tr("可选U盘或另一块硬盘上的文件夹；升级前的备份仍放在数据目录里")
        )
        self.folder_button = QPushButton(self.tr("选择…"), self)
        self.folder_button.clicked.connect(self._choose_folder)
        folder_row = QWidget(self)
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_box, 1)
        folder_layout.addWidget(self.folder_button)
        self.keep_box = QSpinBox(self)
        self.keep_box.setRange(1, MAX_KEEP_DAYS)
        self.keep_box.setSuffix(self.tr(" 天"))
        self.keep_box.setToolTip(
            self.tr("每天启动时自动备份一次；超过这个天数的自动备份会被删除，手动备份不会")
        )
        self.count_box = QSpinBox(self)
        self.count_box.setRange(1, MAX_KEEP_COUNT)
        self.count_box.setSuffix(self.tr(" 份"))
        self.count_box.setToolTip(self.tr("自动备份超过这个份数时，删除最旧的"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_row(form, self.tr("备份文件夹"), folder_row, "folder")
        self.add_row(form, self.tr("自动备份保留"), self.keep_box, "keep_days")
        self.add_row(form, self.tr("最多保留"), self.count_box, "keep_count")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        self.backups: list[BackupFile] = []
        self.load(Settings())

    # -- the settings page -------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        backup = self.loaded = settings.backup
        self.folder_box.setText(backup.folder)
        self.keep_box.setValue(backup.keep_days)
        self.count_box.setValue(backup.keep_count)
        self.clear_errors()
        self.refresh()

    def saved(self, settings: Settings) -> None:
        self.loaded = settings.backup
        self.refresh()

    def typed(self) -> tuple[BackupSettings, list[FieldProblem]]:
        texts = {
            "folder": self.folder_box.text(),
            "keep_days": str(self.keep_box.value()),
            "keep_count": str(self.count_box.value()),
        }
        return self.checked(self.loaded, texts)

    def _choose_folder(self) -> None:
        chosen = ask_folder(
            self,
            FileKind.BACKUPS,
            self.tr("选择备份文件夹"),
            default=self.folder_box.text() or self.folder(),
        )
        if chosen:
            self.folder_box.setText(str(Path(chosen)))

    def folder(self) -> Path:
        """The stored backups folder."""
        return self.loaded.folder_path(self.ctx.data_dir)

    # -- the list ----------------------------------------------------------------------
    def refresh(self) -> None:
        self.backups = list_backups(self.ctx.data_dir, self.folder())
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (
                backup.taken_at.strftime("%Y-%m-%d %H:%M"),
                self.kind_label(backup.kind),
                file_size_text(backup.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def kind_label(self, kind: str) -> str:
        labels = {
            DAILY: self.tr("每日自动"),
            MANUAL: self.tr("手动"),
            BEFORE_MIGRATE: self.tr("升级前"),
            BEFORE_RESTORE: self.tr("恢复前"),
        }
        return labels.get(kind, kind)

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        data, folder = self.ctx.data_dir, self.folder()
        self.ctx.runner.run_db(
            lambda: backup_now(data, folder=folder), self._backed_up, self._failed, owner=self
        )

    def selected_backup(self) -> Path | None:
        row = self.table.currentRow()
        return self.backups[row].path if 0 <= row < len(self.backups) else None

    def choose_and_restore(self) -> None:
        path = self.selected_backup()
        if path is None:
            chosen = ask_open_file(
                self,
                FileKind.BACKUPS,
                self.tr("选择备份文件"),
                self.tr("驿站数据库备份 (*.sqlite3 *.before-restore);;所有文件 (*)"),
                default=self.folder(),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.restore_from(path)

    def restore_from(self, path: Path) -> bool:
        """Check ``path``, confirm, and ask for the restore; True when asked."""
        try:
            check_backup(path)
        except Exception as exc:
            show_error(self, exc, self.tr("无法恢复"))
            return False
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr(
                "用这个备份替换当前的全部数据？\n{0}\n\n"
                "当前数据会先另存为“恢复前”的备份。软件将关闭并重新打开。"
            ).format(path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            request_restore(self.ctx.data_dir, path)
        except Exception as exc:
            show_error(self, exc, self.tr("无法恢复"))
            return False
        self.restore_requested.emit(path)
        return True

    def _backed_up(self, _path: Path) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        show_error(self, exc)
