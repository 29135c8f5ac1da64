"""Answer a modal window the way a broker does: while its ``exec()`` runs, find it as
the application's active modal window, fill it in and press its button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

_MAX_TRIES = 2000  # polls 5 ms apart: a window that never opens stops the polling
_ACCEPT_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)


class ModalAnswers:
    """Answers for the modal windows a step opens, one each, in order."""

    def __init__(self) -> None:
        self.seen: list[QWidget] = []
        self.texts: list[str] = []
        self._answers: list[tuple[type[QWidget], Callable[[Any], None]]] = []
        self._tries = 0

    def expect(self, kind: type[QWidget], answer: Callable[[Any], None]) -> None:
        """The next modal window must be a ``kind``; ``answer`` fills it and closes it."""
        self._answers.append((kind, answer))
        if len(self._answers) == 1:
            QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog in self.seen:  # its exec() has not started yet
            self._tries += 1
            if self._tries < _MAX_TRIES:  # never answer a later test's window
                QTimer.singleShot(5, self._answer)
            return
        self._tries = 0
        kind, answer = self._answers.pop(0)
        assert isinstance(dialog, kind), f"expected {kind.__name__}, got {dialog!r}"
        self.seen.append(dialog)
        if isinstance(dialog, QMessageBox):
            self.texts.append(dialog.text())
        answer(dialog)
        if self._answers:
            QTimer.singleShot(0, self._answer)

    @property
    def pending(self) -> int:
        return len(self._answers)


def accept_button(dialog: QWidget) -> QAbstractButton:
    """The dialog's 确定 / 保存 / 是 button."""
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in _ACCEPT_ROLES:
                return button
    raise AssertionError(f"no accept button in {dialog!r}")


def press_accept(dialog: QWidget) -> None:
    accept_button(dialog).click()


def answer_box(choice: QMessageBox.StandardButton) -> Callable[[QMessageBox], None]:
    """Press ``choice`` (Yes, No, Ok…) in a message box."""

    def press(box: QMessageBox) -> None:
        button = box.button(choice)
        assert button is not None, f"no {choice} in {box.text()!r}"
        button.click()

    return press


class ModalGuard:
    """Records (and closes) any modal window that opens while it is watching: a step
    that must not ask anything would otherwise wait on the question for ever."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._close)

    def __enter__(self) -> ModalGuard:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()

    def _close(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
            self.opened.append(text)
            dialog.close()
