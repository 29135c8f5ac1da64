"""Sizing windows for small screens (1366x768 at 100% or 125% scaling)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or to what the screen has room for."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, round(available.width() * 0.96))
        height = min(height, round(available.height() * 0.94))
    widget.resize(width, height)
