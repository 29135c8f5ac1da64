"""Tab order that follows what the broker sees.

Qt's default tab order is the order widgets were created, and a form usually creates
its combo boxes and spin boxes before it lays them out, so Tab skips them and comes
back at the end. ``follow_layout`` sets the order from the layouts instead: row by
row, left to right inside a row, into group boxes, scroll areas and tabs.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

# Widgets that take focus as one piece: their children (a combo's or a spin box's
# line edit) are theirs.
_ATOMIC = (QComboBox, QAbstractSpinBox)


def follow_layout(root: QWidget) -> list[QWidget]:
    """Chain the Tab order of ``root``'s focusable widgets in layout order; returns
    the chain (for tests and for a dialog that wants to know its first field)."""
    chain: list[QWidget] = []
    _collect_widget(root, chain, is_root=True)
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)
    return chain


def _collect_widget(widget: QWidget, chain: list[QWidget], *, is_root: bool = False) -> None:
    if not is_root and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        chain.append(widget)
    if isinstance(widget, _ATOMIC):
        return
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        if inner is not None:
            _collect_widget(inner, chain)
        return
    if isinstance(widget, QTabWidget | QStackedWidget):
        for index in range(widget.count()):
            page = widget.widget(index)
            if page is not None:
                _collect_widget(page, chain)
        return
    layout = widget.layout()
    if layout is not None:
        _collect_layout(layout, chain)


def _collect_layout(layout: QLayout, chain: list[QWidget]) -> None:
    for item in _items(layout):
        child = item.widget()
        if child is not None:
            _collect_widget(child, chain)
            continue
        inner = item.layout()
        if inner is not None:
            _collect_layout(inner, chain)


def _items(layout: QLayout) -> list[QLayoutItem]:
    if isinstance(layout, QFormLayout):
        # Rows in the order shown (a row inserted later is still in its place).
        roles = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
                 QFormLayout.ItemRole.SpanningRole)  # fmt: skip
        found = (layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles)
        return [item for item in found if item is not None]
    return [item for item in map(layout.itemAt, range(layout.count())) if item is not None]
