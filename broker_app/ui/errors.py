"""Showing a failure to the broker: the layer's own Chinese message when it has one;
otherwise a Chinese sentence with an incident number, the traceback going to the log.

This is the one mechanism for actions: handlers that expect a failure call
``show_error`` (or ``user_message`` for a label); background tasks end in it through
the runner's ``failed`` signal; and ``install_error_hook`` routes any exception a Qt
slot lets escape to the same dialog, so no Python text ever reaches a broker."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from broker_app.domain.common.errors import user_messages
from broker_app.incidents import record_incident

log = logging.getLogger(__name__)


def user_message(exc: BaseException, action: str = "action") -> str:
    """The Chinese text our layers attach to an error; for any other error, a sentence
    saying nothing was lost, with the incident number under which it was logged."""
    messages = user_messages(exc)
    if messages is not None:
        return messages[0]
    number = record_incident(exc, action)
    return QCoreApplication.translate(
        "errors",
        "这一步没有完成，已保存的数据没有丢失。可以再试一次；"
        "如果仍然不行，请把事件编号 {0} 告诉技术支持（详情已写入日志）。",
    ).format(number)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """A warning box with ``user_message(exc)``; ``title`` says what did not happen."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("errors", "操作没有完成"),
        user_message(exc, title or "action"),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("error_box")
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("errors", "知道了")
    )
    box.exec()


def install_error_hook() -> None:
    """Exceptions that escape a slot on the GUI thread reach the broker as ``show_error``
    (PySide6 hands them to ``sys.excepthook``); other threads' go to the log."""
    previous = sys.excepthook
    showing = [False]

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        app = QApplication.instance()
        if (
            not isinstance(exc, Exception)
            or app is None
            or threading.current_thread() is not threading.main_thread()
        ):
            previous(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if showing[0]:
            # A failure while the box is up (a view that fails at every repaint): one
            # box is enough, the log gets each incident.
            record_incident(exc)
            return
        showing[0] = True
        try:
            show_error(QApplication.activeWindow(), exc)
        except Exception:  # the dialog itself failed: the log still has it
            log.exception("showing an error failed")
        finally:
            showing[0] = False

    sys.excepthook = hook
