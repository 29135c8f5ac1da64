"""Showing a failure to the broker: the layer's own Chinese message when it has one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from broker_app.cli.errors import user_messages

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str:
    """The Chinese text our layers attach to an error, or a generic sentence."""
    messages = user_messages(exc)
    if messages is not None:
        return messages[0]
    return QCoreApplication.translate("errors", "出错了：{0}（详情已写入日志）").format(exc)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    if user_messages(exc) is None:
        log.error("unexpected error", exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("errors", "出错了"),
        user_message(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("errors", "知道了")
    )
    box.exec()
