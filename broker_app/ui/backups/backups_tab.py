"""备份与恢复: the backups of this station, 立即备份, 从备份恢复…, and the automatic
backups' retention.

Restoring needs the database closed, and every page holds it open, so the tab only
checks the file and asks for the restore; the window then closes, the launcher
restores with nothing open and opens the window again on the restored data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app import paths
from broker_app.services.backups import (
    BEFORE_MIGRATE,
    BEFORE_RESTORE,
    DAILY,
    MANUAL,
    BackupFile,
    backup_now,
    keep_days,
    list_backups,
    request_restore,
    set_keep_days,
)
from broker_app.store.backup import check_database_file
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error


class BackupsTab(QWidget):
    # A restore was requested: the application should close and restart.
    restore_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.keep_box = QSpinBox(self)
        self.keep_box.setRange(1, 365)
        self.keep_box.setSuffix(self.tr(" 天"))
        self.keep_box.setValue(keep_days(ctx.store))
        self.keep_box.setToolTip(
            self.tr("每天启动时自动备份一次；超过这个天数的自动备份会被删除，手动备份不会")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("自动备份保留"), self.keep_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        self.backups: list[BackupFile] = []
        self.refresh()

    def refresh(self) -> None:
        self.backups = list_backups(self.ctx.data_dir)
        self.table.setRowCount(len(self.backups))
        locale = QLocale()
        for row, backup in enumerate(self.backups):
            cells = (
                backup.taken_at.strftime("%Y-%m-%d %H:%M"),
                self.kind_label(backup.kind),
                locale.formattedDataSize(backup.size),
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

    def save(self) -> None:
        days = self.keep_box.value()
        store = self.ctx.store
        self.ctx.runner.run_db(lambda: set_keep_days(store, days))

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        data = self.ctx.data_dir
        self.ctx.runner.run_db(lambda: backup_now(data), self._backed_up, self._failed, owner=self)

    def selected_backup(self) -> Path | None:
        row = self.table.currentRow()
        return self.backups[row].path if 0 <= row < len(self.backups) else None

    def choose_and_restore(self) -> None:
        path = self.selected_backup()
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("选择备份文件"),
                str(paths.backups_dir(self.ctx.data_dir)),
                self.tr("驿站数据库备份 (*.sqlite3 *.before-restore);;所有文件 (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.restore_from(path)

    def restore_from(self, path: Path) -> bool:
        """Check ``path``, confirm, and ask for the restore; True when asked."""
        try:
            check_database_file(path)
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
