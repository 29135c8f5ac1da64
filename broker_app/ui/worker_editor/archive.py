"""Asking before a worker is archived (归档: hidden from the roster, never deleted)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_archive(parent: QWidget, name: str) -> bool:
    def tr(text: str) -> str:
        return QCoreApplication.translate("archive", text)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("归档劳动力"))
    box.setText(tr("确定要归档“{0}”吗？").format(name))
    box.setInformativeText(
        tr("归档后此人不再出现在劳动力名单中，资料仍然保留；勾选“含已归档”可以找到并恢复。")
    )
    archive = box.addButton(tr("归档"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is archive
