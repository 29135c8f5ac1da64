"""A QGuiApplication for drawing cards from the command line, where no window opens."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def ensure_gui_application() -> QCoreApplication:
    """The running application, or a new offscreen one (fonts and painting need it)."""
    app = QCoreApplication.instance()
    if app is None:
        # The command line never shows a window; offscreen also works without a display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # QApplication rather than QGuiApplication: a later widget in the same process
        # (a test, an embedding script) would otherwise find the wrong kind.
        app = QApplication(sys.argv[:1])
    return app
