"""Step 1: which workbook, and which of its sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizardPage,
)

from broker_app.services.excel.reader import list_sheets
from broker_app.ui.errors import user_message
from broker_app.ui.file_dialogs import FileKind, ask_open_file
from broker_app.ui.import_wizard.state import ImportState
from broker_app.ui.worker_editor.fields import ERROR_STYLE


class FilePage(QWizardPage):
    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("选择花名册"))
        self.setSubTitle(
            self.tr(
                "选择要导入的 Excel 表格（.xlsx）。"
                "表头写有“姓名”“身份证号”等列名即可，列的顺序不限。"
            )
        )
        self.path_box = QLineEdit(self)
        self.path_box.setPlaceholderText(self.tr("点“选择文件…”，或把文件路径粘贴到这里"))
        self.browse_button = QPushButton(self.tr("选择文件…"), self)
        self.sheet_box = QComboBox(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_box, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout(self)
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("工作表"), self.sheet_box)
        form.addRow("", self.error_label)
        self.browse_button.clicked.connect(self.browse)
        self.path_box.editingFinished.connect(lambda: self.choose(self.path_box.text()))
        # A pasted path is taken at once (下一步 enabled), not only when the box loses focus.
        self.path_box.textChanged.connect(self._typed)
        self.sheet_box.currentTextChanged.connect(self._sheet_chosen)

    def browse(self) -> None:
        name = ask_open_file(
            self,
            FileKind.ROSTER,
            self.tr("选择花名册"),
            self.tr("Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)"),
        )
        if name:
            self.choose(name)

    def choose(self, name: str) -> None:
        """Open ``name`` and list its sheets; a refusal is shown under the fields."""
        text = name.strip().strip('"')
        if not text or (self.state.path is not None and Path(text) == self.state.path):
            return
        if self.path_box.text() != text:
            self.path_box.blockSignals(True)
            self.path_box.setText(text)
            self.path_box.blockSignals(False)
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.blockSignals(False)
        self.state.path, self.state.sheets, self.state.sheet = None, [], None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sheets = list_sheets(text)
        except Exception as exc:
            self.error_label.setText(user_message(exc))
            self.error_label.show()
            self.completeChanged.emit()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.error_label.hide()
        self.state.path, self.state.sheets = Path(text), sheets
        self.state.mapping = None
        self.sheet_box.addItems(sheets)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.state.path is not None and self.state.sheet is not None

    def validatePage(self) -> bool:
        """Find the header now, so a sheet without one is refused here."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.state.load_preview()
        except Exception as exc:
            self.error_label.setText(user_message(exc))
            self.error_label.show()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _typed(self, text: str) -> None:
        name = text.strip().strip('"')
        if name and Path(name).is_file():
            self.choose(name)

    def _sheet_chosen(self, sheet: str) -> None:
        self.state.sheet = sheet or None
        self.state.mapping = None
        self.completeChanged.emit()
