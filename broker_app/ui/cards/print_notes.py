"""Before a print job: the cards that will not print (a character the card font lacks)
or will print shortened, one line each, so the broker decides with the list in view."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from broker_app.printing.render import SheetReport


class PrintNotesDialog(QDialog):
    def __init__(self, report: SheetReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("部分维权卡印不全"))
        self.notes = QListWidget(self)
        self.notes.addItems(report.notes())
        if report.printed:
            text = self.tr(
                "{0} 张卡不能打印，{1} 张卡有内容太长、已缩短（以“…”结尾）。"
                "可以改短工程项目的名称后再打印，或继续打印。"
            ).format(len(report.unprintable), len(report.shortened))
        else:
            text = self.tr("没有可以打印的维权卡：")
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        if report.printed:
            self.go_button = buttons.addButton(
                self.tr("继续打印（{0} 张）").format(report.printed),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
        buttons.addButton(
            self.tr("取消") if report.printed else self.tr("关闭"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.resize(560, 320)


def confirm_print(report: SheetReport, parent: QWidget) -> bool:
    """True when there is nothing to say, or the broker chose to print anyway."""
    if not report.notes():
        return True
    dialog = PrintNotesDialog(report, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and report.printed > 0
