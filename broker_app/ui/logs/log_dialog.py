"""日志: the end of the current log file, filtered by level, and 导出诊断信息 (a zip
for support with the logs masked of ID and mobile numbers); 审计日志… opens the
privacy audit log."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.diagnostics import export_diagnostics, log_file, read_log_tail
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file


class LogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("日志"))
        self.level_box = QComboBox(self)
        for label, level in (
            (self.tr("全部"), "DEBUG"),
            (self.tr("信息及以上"), "INFO"),
            (self.tr("警告及以上"), "WARNING"),
            (self.tr("仅错误"), "ERROR"),
        ):
            self.level_box.addItem(label, level)
        self.level_box.setCurrentIndex(1)
        self.level_box.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出诊断信息…"), self)
        self.export_button.setToolTip(
            self.tr("日志、版本和数据条数打包成 zip，供技术支持查看；身份证号和手机号已遮盖")
        )
        self.export_button.clicked.connect(self.choose_and_export)
        self.audit_button = QPushButton(self.tr("审计日志…"), self)
        self.audit_button.setToolTip(self.tr("谁在什么时间导出了名单、查看了完整身份证号"))
        self.audit_button.clicked.connect(self.open_audit_log)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)))
        self.path_label = QLabel(str(log_file(ctx.data_dir)), self)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("级别"), self))
        top.addWidget(self.level_box)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.audit_button)
        top.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.path_label)
        layout.addWidget(close)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 60, 480)
        self.refresh()

    def refresh(self) -> None:
        level = str(self.level_box.currentData())
        text = read_log_tail(log_file(self.ctx.data_dir), level)
        self.text.setPlainText(text or self.tr("（日志为空）"))
        self.text.moveCursor(QTextCursor.MoveOperation.End)

    def open_audit_log(self) -> None:
        from broker_app.ui.privacy.audit_dialog import AuditLogDialog

        dialog = AuditLogDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def choose_and_export(self) -> None:
        name = f"labor-station-diagnostics-{datetime.now():%Y%m%d-%H%M}.zip"
        chosen = ask_save_file(
            self, FileKind.DIAGNOSTICS, self.tr("导出诊断信息"), name, self.tr("压缩包 (*.zip)")
        )
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, out: Path) -> None:
        store, data = self.ctx.store, self.ctx.data_dir
        versions = {"pyside6": pyside_version, "qt": qVersion()}
        self.export_button.setEnabled(False)
        self.ctx.runner.run_db(
            lambda: export_diagnostics(store, data, out, versions),
            self._exported,
            self._failed,
            owner=self,
        )

    def _exported(self, out: Path) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.information(
            self, self.tr("导出诊断信息"), self.tr("已导出到：{0}").format(str(out))
        )

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, exc)
