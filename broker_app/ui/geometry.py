"""Sizing windows for small screens (1366x768 at 100%, 125% or 150% scaling)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

#: With less room than this (logical pixels, taskbar excluded) the main window opens
#: maximised: a 1366x768 screen leaves 1366x728 at 100%, 911x485 at 150%.
ROOMY_SCREEN = QSize(1600, 900)


def available_geometry(widget: QWidget) -> QRect | None:
    """The part of the widget's screen not taken by the taskbar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or to what the screen has room for."""
    available = available_geometry(widget)
    if available is not None:
        width = min(width, round(available.width() * 0.96))
        height = min(height, round(available.height() * 0.94))
    widget.resize(width, height)


def show_main_window(window: QWidget, preferred: QSize) -> None:
    """Show the main window maximised on a small screen; on a large one at
    ``preferred`` size (never larger than the room left by the taskbar), centred."""
    available = available_geometry(window)
    if (
        available is None
        or available.width() < ROOMY_SCREEN.width()
        or available.height() < ROOMY_SCREEN.height()
    ):
        window.showMaximized()
        return
    size = preferred.boundedTo(available.size())
    window.resize(size)
    window.move(available.center() - QPoint(size.width() // 2, size.height() // 2))
    window.show()


def scrolling(layout: QLayout, parent: QWidget) -> QScrollArea:
    """``layout`` in a frameless scroll area: a long form scrolls inside its dialog
    instead of making the dialog taller than a 1366x768 screen at 150%."""
    body = QWidget(parent)
    body.setLayout(layout)
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    return scroll
