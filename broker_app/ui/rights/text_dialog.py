"""Asks for one text: the result the worker will read (办结), the reason for refusing
(不予受理), or the public note. 确定 stays disabled while a required text is blank."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.arrears.report import NOTE_MAX


class ClueTextDialog(QDialog):
    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        text: str = "",
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.required = required
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.count_label = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.resize(420, 260)
        self._update()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _update(self) -> None:
        length = len(self.text())
        self.count_label.setText(self.tr("{0}/{1} 字").format(length, NOTE_MAX))
        ok = (length > 0 or not self.required) and length <= NOTE_MAX
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
