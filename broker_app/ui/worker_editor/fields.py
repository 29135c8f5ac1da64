"""One input of a record form with its inline error message underneath.

A ``FieldSpec`` says what is edited; ``FieldEditor`` builds the matching input and
turns its content into the raw value the domain validators take (``clean_worker``,
``clean_follow_up``...), so the forms never parse anything themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import LabeledEnum
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label, field_label

FieldKind = Literal[
    "text", "multiline", "id", "choice", "flag", "yes_no", "date", "number", "words", "place"
]
ERROR_STYLE = "color: #c62828;"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: FieldKind = "text"
    #: Shown label, marked in the "labels" context; empty: the worker field's label.
    label: str = ""
    choices: type[LabeledEnum] | None = None
    placeholder: str = ""
    #: A choice that cannot be left blank (no empty entry in its list).
    required: bool = False

    @property
    def shown_label(self) -> str:
        if self.label:
            return QCoreApplication.translate("labels", self.label)
        return field_label(self.name)


class FieldEditor(QWidget):
    """The input for one field, and its error message below it."""

    #: The user changed the value (each keystroke).
    edited = Signal()
    #: The user finished editing (focus left, Enter, or a choice was made).
    committed = Signal()

    def __init__(
        self,
        spec: FieldSpec,
        parent: QWidget | None = None,
        *,
        places: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.input = self._build_input(places)
        self.input.setObjectName(f"field_{spec.name}")
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{spec.name}")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.input)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.input)
        self._layout = layout
        self.masked_box: QLineEdit | None = None

    # -- value -------------------------------------------------------------------------
    def value(self) -> Any:
        """The raw value for the validators: text as typed, codes, True/False/None."""
        widget = self.input
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QComboBox):
            if self.spec.kind == "place":
                return self._place_code(widget)
            return widget.currentData()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def set_value(self, value: Any) -> None:
        widget = self.input
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value) if value is not None else -1
            if index >= 0:
                widget.setCurrentIndex(index)
            elif self.spec.kind == "place":
                widget.setCurrentIndex(-1)
                widget.setEditText(_as_text(value))
            else:
                # The blank entry, or a required choice's first (default) member.
                widget.setCurrentIndex(0)
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(_as_text(value))
            widget.setCursorPosition(0)

    # -- masking -----------------------------------------------------------------------
    def set_masked(self, text: str | None) -> None:
        """Show ``text`` read-only in place of the input (personal data kept hidden
        until revealed); None shows the input again. The value is untouched."""
        if text is not None and self.masked_box is None:
            box = QLineEdit(self)
            box.setObjectName(f"masked_{self.spec.name}")
            box.setReadOnly(True)
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.setToolTip(self.tr("已隐藏；点“显示完整信息”查看或修改"))
            self._layout.insertWidget(1, box)
            self.masked_box = box
        if self.masked_box is not None:
            self.masked_box.setText(text or "")
            self.masked_box.setVisible(text is not None)
        self.input.setVisible(text is None)
        # A proxy to a hidden input traps the Tab key on the field before this one.
        self.setFocusProxy(self.input if text is None else None)  # type: ignore[arg-type]

    def is_masked(self) -> bool:
        return self.masked_box is not None and not self.masked_box.isHidden()

    # -- errors ------------------------------------------------------------------------
    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    # -- construction ------------------------------------------------------------------
    def _build_input(self, places: Sequence[tuple[str, str]]) -> QWidget:
        spec = self.spec
        if spec.kind == "flag":
            box = QCheckBox(spec.shown_label, self)
            box.toggled.connect(self._edited_and_committed)
            return box
        if spec.kind == "multiline":
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setPlaceholderText(spec.placeholder)
            text.setFixedHeight(self.fontMetrics().height() * 3 + 14)
            text.textChanged.connect(self.edited)
            return text
        if spec.kind in ("choice", "yes_no"):
            return self._build_combo()
        if spec.kind == "place":
            return self._build_place_combo(places)
        line = QLineEdit(self)
        hint = spec.placeholder or _PLACEHOLDERS.get(spec.kind, "")
        line.setPlaceholderText(QCoreApplication.translate("FieldEditor", hint) if hint else "")
        if spec.kind == "id":
            line.setMaxLength(24)
        line.textEdited.connect(lambda _text: self.edited.emit())
        line.editingFinished.connect(self.committed)
        return line

    def _build_combo(self) -> QComboBox:
        combo = QComboBox(self)
        if self.spec.kind == "yes_no":
            combo.addItem(self.tr("（未填）"), None)
            combo.addItem(self.tr("是"), True)
            combo.addItem(self.tr("否"), False)
        else:
            assert self.spec.choices is not None, f"{self.spec.name}: choice without choices"
            if not self.spec.required:
                combo.addItem(self.tr("（未填）"), None)
            for member in self.spec.choices:
                combo.addItem(enum_label(member), member.value)
        combo.activated.connect(self._edited_and_committed)
        return combo

    def _build_place_combo(self, places: Sequence[tuple[str, str]]) -> QComboBox:
        """``places`` are (code, name as shown) pairs."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(20)
        for code, name in places:
            combo.addItem(name, code)
        completer = combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line = QLineEdit(combo)
        combo.setLineEdit(line)
        line.setPlaceholderText(self.spec.placeholder or self.tr("输入村名的一部分"))
        line.textEdited.connect(lambda _text: self.edited.emit())
        line.editingFinished.connect(self.committed)
        combo.activated.connect(self._edited_and_committed)
        return combo

    def _edited_and_committed(self, *_args: object) -> None:
        self.edited.emit()
        self.committed.emit()

    @staticmethod
    def _place_code(combo: QComboBox) -> str:
        text = combo.currentText().strip()
        if not text:
            return ""
        index = combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            return str(combo.itemData(index))
        # Not one of the station's villages: the validator says so.
        return text


_PLACEHOLDERS: dict[str, str] = {
    "date": QT_TRANSLATE_NOOP("FieldEditor", "如 2024-03-15"),
    "number": QT_TRANSLATE_NOOP("FieldEditor", "只填数字"),
    "words": QT_TRANSLATE_NOOP("FieldEditor", "多个用“、”隔开"),
    "id": QT_TRANSLATE_NOOP("FieldEditor", "18位，最后一位可以是X"),
}


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "、".join(str(item) for item in value)
    return str(value)
