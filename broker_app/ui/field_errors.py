"""A form row whose field carries its own error line underneath, shown in red when the
validator rejects the value (the editors of jobs and batches share it)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"


def add_checked_row(form: QFormLayout, label: str, widget: QWidget, owner: QWidget) -> QLabel:
    """Add ``label: widget`` to ``form`` with a hidden error line below the widget;
    returns that line for the caller's field -> error map."""
    error = QLabel(owner)
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    box = QWidget(owner)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(1)
    column.addWidget(widget)
    column.addWidget(error)
    form.addRow(label, box)
    return error
