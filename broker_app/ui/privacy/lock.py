"""The optional PIN lock: after the set idle minutes the main window is covered by a
lock screen that asks for the operator's PIN (``services.settings.pin_lock``).

``IdleWatcher`` notes the last keyboard or mouse input anywhere in the application;
``PinLock`` covers the window when the watcher says it has been idle too long, hides
the other open windows (an editor showing a person) until the right PIN is typed,
and makes each try wait longer after three wrong PINs. Both take a clock, so tests
run the idle time without waiting for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.services.settings.pin_lock import PinLockService, retry_delay
from broker_app.ui.context import AppContext

log = logging.getLogger(__name__)

# How often the idle time is looked at.
CHECK_INTERVAL_MS = 5_000
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
_ERROR_STYLE = "color: #c62828;"


class IdleWatcher(QObject):
    """Emits ``idle`` once the application has had no input for ``idle_seconds``."""

    idle = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.idle_seconds: float | None = None
        self.last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        self._filtering = False

    def start(self, idle_seconds: float) -> None:
        self.idle_seconds = idle_seconds
        self.touch()
        self._timer.start()
        # Only while a PIN is set: every event of the application passes the filter.
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def stop(self) -> None:
        self.idle_seconds = None
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def touch(self) -> None:
        self.last_activity = self.clock()

    def check(self) -> None:
        """Emit ``idle`` (and stop) when the idle time is up."""
        if self.idle_seconds is None:
            return
        if self.clock() - self.last_activity >= self.idle_seconds:
            self._timer.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.last_activity = self.clock()
        return False


class LockScreen(QWidget):
    """Covers the main window; asks for the PIN."""

    unlocked = Signal()

    def __init__(
        self,
        service: PinLockService,
        parent: QWidget,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.service = service
        self.clock = clock
        self.failures = 0
        self._wait_until = 0.0
        self.setAutoFillBackground(True)
        title = QLabel(self.tr("劳务驿站已锁定"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        hint = QLabel(
            self.tr("电脑一段时间没有操作，为保护劳动力的个人信息已锁定。请输入 PIN 解锁。"),
            self,
        )
        hint.setWordWrap(True)
        self.pin_box = QLineEdit(self)
        self.pin_box.setObjectName("lock_pin")
        self.pin_box.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_box.setPlaceholderText(self.tr("PIN"))
        self.pin_box.setMaxLength(12)
        self.pin_box.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton(self.tr("解锁"), self)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.message = QLabel(self)
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._allow_retry)
        box = QWidget(self)
        box.setMaximumWidth(self.fontMetrics().horizontalAdvance("中") * 28)
        inner = QVBoxLayout(box)
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(hint)
        inner.addWidget(self.pin_box)
        inner.addWidget(self.unlock_button)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def reset(self) -> None:
        self.pin_box.clear()
        self.message.clear()
        if not self._retry_timer.isActive():
            self._allow_retry()

    def try_unlock(self) -> bool:
        """Check the typed PIN; True when it was right (and the screen is gone)."""
        if self.clock() < self._wait_until:
            return False
        pin = self.pin_box.text()
        self.pin_box.clear()
        if self.service.verify(pin):
            self.failures = 0
            self.message.clear()
            self.unlocked.emit()
            return True
        self.failures += 1
        log.warning("wrong PIN on the lock screen (%d in a row)", self.failures)
        delay = retry_delay(self.failures)
        if delay:
            self._wait_until = self.clock() + delay
            self.pin_box.setEnabled(False)
            self.unlock_button.setEnabled(False)
            self._retry_timer.start(delay * 1000)
            self.message.setText(
                self.tr("PIN 不对，已错 {0} 次，请 {1} 秒后再试。").format(self.failures, delay)
            )
        else:
            self.message.setText(self.tr("PIN 不对，请重新输入。"))
        return False

    def _allow_retry(self) -> None:
        self._wait_until = 0.0
        self.pin_box.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.pin_box.setFocus(Qt.FocusReason.OtherFocusReason)


class PinLock(QObject):
    """Locks ``window`` after the idle minutes when a PIN is set."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        *,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.service = PinLockService(ctx.store)
        self.watcher = IdleWatcher(self, clock=clock, check_interval_ms=check_interval_ms)
        self.watcher.idle.connect(self.lock)
        self.screen = LockScreen(self.service, window, clock=clock)
        self.screen.hide()
        self.screen.unlocked.connect(self.unlock)
        self._hidden_windows: list[QWidget] = []
        window.installEventFilter(self)
        self.configure()

    def configure(self) -> None:
        """Read the PIN setting again (after the settings were saved)."""
        settings = self.service.settings()
        if settings.enabled and not self.is_locked():
            self.watcher.start(settings.idle_minutes * 60)
        elif not settings.enabled:
            self.watcher.stop()
            if self.is_locked():
                self.unlock()

    def is_locked(self) -> bool:
        return not self.screen.isHidden()

    def lock(self) -> None:
        if self.is_locked() or not self.service.settings().enabled:
            return
        log.info("window locked after idle time")
        self._hidden_windows = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self.window and w.isVisible() and w.isWindow()
        ]
        for other in self._hidden_windows:
            other.hide()
        central = self._central()
        if central is not None:
            # Disabled, so no shortcut of the page underneath works while locked.
            central.setEnabled(False)
        self.screen.setGeometry(self.window.rect())
        self.screen.reset()
        self.screen.show()
        self.screen.raise_()
        self.screen.pin_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        self.screen.hide()
        central = self._central()
        if central is not None:
            central.setEnabled(True)
        for other in self._hidden_windows:
            other.show()
        self._hidden_windows = []
        log.info("window unlocked")
        self.locked_changed.emit(False)
        settings = self.service.settings()
        if settings.enabled:
            self.watcher.start(settings.idle_minutes * 60)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self.is_locked():
            self.screen.setGeometry(self.window.rect())
        return False

    def _central(self) -> QWidget | None:
        central = getattr(self.window, "centralWidget", None)
        return central() if callable(central) else None
