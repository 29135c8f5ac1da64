"""Walk a window's focus chain with the Tab key, as a broker does, and check that
every input is reached once and in the order it is seen on screen."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QCheckBox,
           QRadioButton)  # fmt: skip
_OWNERS = (QComboBox, QAbstractSpinBox)


def inputs(window: QWidget) -> list[QWidget]:
    """The inputs a broker fills in: visible, enabled, editable."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, _INPUTS) or _owner(widget) is not widget:
            continue
        if not widget.isVisibleTo(window) or not widget.isEnabled():
            continue
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
            continue
        if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
            continue  # Tab reaches a group's chosen button; the arrow keys move within it
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def walk(qtbot: QtBot, window: QWidget, wanted: list[QWidget], limit: int = 200) -> list[QWidget]:
    """Start at the first of ``wanted`` in the shown ``window`` and press Tab until the
    focus comes back; returns the inputs in the order they got the focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert wanted, f"{window!r} has no inputs"
    first = wanted[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    order: list[QWidget] = []
    stay = 0
    for _ in range(limit):
        focused = QApplication.focusWidget()
        assert focused is not None, "the focus left the window"
        owner = _owner(focused)
        if owner in wanted:
            if order and owner is order[0]:
                break
            if owner not in order:
                order.append(owner)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        # A date edit takes Tab to its next part (year, month, day) before moving on.
        now = QApplication.focusWidget()
        stay = stay + 1 if now is not None and _owner(now) is owner else 0
        assert stay < 4, f"Tab is stuck in {_name(owner)}"
    return order


def check_tab_order(qtbot: QtBot, window: QWidget) -> list[QWidget]:
    """Every input reached by Tab, in reading order (rows top to bottom, left to right
    inside a row; a column to the right starts again at the top)."""
    window.show()
    qtbot.waitExposed(window)
    wanted = inputs(window)
    boxes = {w: _box(w, window) for w in wanted}
    order = walk(qtbot, window, wanted)
    missing = [_name(w) for w in wanted if w not in order]
    assert not missing, f"Tab never reaches {missing} in {type(window).__name__}"
    for before, after in pairwise(order):
        assert _reads_after(boxes[before], boxes[after]), (
            f"Tab goes from {_name(before)} {boxes[before]} back to {_name(after)} "
            f"{boxes[after]} in {type(window).__name__}"
        )
    return order


def _reads_after(a: QRect, b: QRect) -> bool:
    # A later row, or further right: the same row or the next column.
    return b.top() >= a.bottom() or b.left() >= a.right()


def _box(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _owner(widget: QWidget) -> QWidget:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _OWNERS):
            return parent
        parent = parent.parentWidget()
    return widget


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLineEdit):
        text = widget.placeholderText() or widget.text()
    elif isinstance(widget, QCheckBox):
        text = widget.text()
    return f"{type(widget).__name__}({widget.objectName() or text!r})"
