"""Keyboard shortcuts that every page shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget


def add_find_shortcut(page: QWidget, box: QLineEdit) -> QAction:
    """Ctrl+F puts the cursor in the page's search box, its text selected.

    Window-wide, yet live only while ``page`` is the one shown: Qt ignores the
    shortcuts of hidden widgets, so every page can use the same keys."""
    action = QAction(QCoreApplication.translate("shortcuts", "搜索"), page)
    action.setShortcut(QKeySequence.StandardKey.Find)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def focus() -> None:
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    action.triggered.connect(focus)
    page.addAction(action)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if keys and not box.toolTip():
        box.setToolTip(QCoreApplication.translate("shortcuts", "搜索（{0}）").format(keys))
    return action
