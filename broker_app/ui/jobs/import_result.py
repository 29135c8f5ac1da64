"""What a job import did: the counts, each refused row with its reasons, the warnings,
and a button that saves the refused rows to a workbook to fix and import again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.jobs.importing import write_errors_workbook
from broker_app.services.workbook_import import ImportResult
from broker_app.ui.errors import show_error
from broker_app.ui.file_dialogs import FileKind, ask_save_file
from broker_app.ui.geometry import fit_to_screen


class ImportResultDialog(QDialog):
    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = result
        self.setWindowTitle(self.tr("岗位导入结果"))
        summary = QLabel(
            self.tr("新增 {0} 个岗位，更新 {1} 个，未变 {2} 个，有误 {3} 行").format(
                result.added, result.updated, result.unchanged, len(result.rejected)
            ),
            self,
        )
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        lines = [
            self.tr("第 {0} 行 {1}：{2}").format(p.row_number, p.column, p.message)
            for p in result.problems
        ]
        lines += [
            self.tr("提示：第 {0} 行 {1}：{2}").format(w.row_number, w.column, w.message)
            for w in result.warnings
        ]
        self.details.setPlainText("\n".join(lines) or self.tr("全部导入成功。"))
        self.save_button = QPushButton(self.tr("保存有误的行…"), self)
        self.save_button.setToolTip(self.tr("把有误的行和原因存成表格，改好后可再次导入"))
        self.save_button.setEnabled(bool(result.rejected))
        self.save_button.clicked.connect(self._ask_and_save)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 720, 480)

    def save_errors(self, path: Path) -> Path:
        return write_errors_workbook(self.outcome, path)

    def _ask_and_save(self) -> None:
        name = ask_save_file(
            self,
            FileKind.JOBS,
            self.tr("保存有误的行"),
            self.tr("岗位导入有误的行.xlsx"),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not name:
            return
        try:
            self.save_errors(Path(name))
        except Exception as exc:  # the writer's own Chinese message is shown
            show_error(self, exc)
