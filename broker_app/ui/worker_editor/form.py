"""Every worker field, grouped, with its error message next to it.

Birth date, gender, age and 大龄 are read from the ID number while it is typed. A
field is checked with the domain's own validator when the broker leaves it, so a
mistake shows up at once and in the same words the save would use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import Gender
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.textnorm import compact
from broker_app.domain.people.idcard import age_on
from broker_app.domain.people.priority import is_older
from broker_app.domain.people.privacy import Personal, shown
from broker_app.domain.people.rules import clean_worker
from broker_app.ui.i18n import enum_label
from broker_app.ui.worker_editor.fields import FieldEditor
from broker_app.ui.worker_editor.worker_fields import (
    BASIC,
    EMPLOYMENT,
    GROUPS,
    HOUSEHOLD,
    INTENTIONS,
    OTHER,
)

REQUIRED = frozenset({"name", "id_number", "org_code"})
#: Shown masked on a stored worker until 显示完整信息 (``domain.people.privacy``).
MASKED_FIELDS: dict[str, Personal] = {
    "id_number": Personal.ID_NUMBER,
    "phone": Personal.PHONE,
    "poverty_alleviated": Personal.ASSISTANCE,
    "monitoring_type": Personal.ASSISTANCE,
    "low_income": Personal.ASSISTANCE,
    "disabled": Personal.ASSISTANCE,
}
# Errors about derived values belong next to the ID number they come from.
_SHOWN_AT = {"gender": "id_number", "birth_date": "id_number"}
# Fields checked together because one rule spans both.
_CHECKED_WITH = {"job_start": ("job_start", "job_end"), "job_end": ("job_start", "job_end")}
_COLUMNS = ((BASIC, HOUSEHOLD), (EMPLOYMENT, INTENTIONS, OTHER))
_ID_LENGTH = 18
_GENDERS = {member.value: member for member in Gender}


class WorkerForm(QScrollArea):
    #: A complete, valid ID number was typed (normalized): check for duplicates.
    id_number_ready = Signal(str)

    def __init__(
        self,
        places: Sequence[tuple[str, str]],  # (village code, name as shown)
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._places = list(places)
        self._snapshot: dict[str, Any] = {}
        self._masked = False
        self.editors: dict[str, FieldEditor] = {}
        self.birth_box = self._derived_box()
        self.gender_box = self._derived_box()
        self.age_box = self._derived_box()
        self.older_box = self._derived_box()

        self._labels: dict[str, list[QLabel]] = {}
        groups = {title: self._group(title, specs) for title, specs in GROUPS}
        inner = QWidget(self)
        columns = QHBoxLayout(inner)
        columns.setContentsMargins(4, 4, 4, 4)
        for titles in _COLUMNS:
            column = QVBoxLayout()
            # One label width per column, so the groups above each other line up.
            labels = [label for title in titles for label in self._labels[title]]
            width = max(label.sizeHint().width() for label in labels)
            for label in labels:
                label.setMinimumWidth(width)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for title in titles:
                column.addWidget(groups[title])
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        id_editor = self.editors["id_number"]
        id_editor.edited.connect(lambda: self._id_typed(committed=False))
        id_editor.committed.connect(lambda: self._id_typed(committed=True))
        for name, editor in self.editors.items():
            if name != "id_number":
                editor.committed.connect(lambda name=name: self.check_field(name))
        self.clear()

    # -- values ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Every field as typed, for ``WorkerService.register`` / ``edit``."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def load(self, values: Mapping[str, Any]) -> None:
        """Show a stored worker (``WorkerService.details``); the form is unmodified."""
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))
        self.clear_errors()
        self._id_typed(committed=False)
        self._snapshot = self.values()

    def clear(self) -> None:
        """An empty form for a new worker; the household defaults to the only village."""
        defaults: dict[str, Any] = {}
        if len(self._places) == 1:
            defaults["org_code"] = self._places[0][0]
        self.load(defaults)

    def is_modified(self) -> bool:
        return self.values() != self._snapshot

    # -- masking -----------------------------------------------------------------------
    def set_masked(self, masked: bool) -> None:
        """Hide the ID number, phone, 帮扶身份 and birth date behind masked text (the
        values stay in the form and are saved unchanged), or show them again."""
        self._masked = masked
        hidden = self.tr("已隐藏")
        for name, kind in MASKED_FIELDS.items():
            editor = self.editors[name]
            if not masked:
                editor.set_masked(None)
            elif kind is Personal.ASSISTANCE:
                label = editor.spec.shown_label
                editor.set_masked(f"{label}：{hidden}" if editor.spec.kind == "flag" else hidden)
            else:
                editor.set_masked(shown(kind, str(editor.value() or "")))
        self._id_typed(committed=False)

    def is_masked(self) -> bool:
        return self._masked

    # -- errors ------------------------------------------------------------------------
    def show_errors(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Put each message next to its field; returns those no field shows."""
        self.clear_errors()
        unplaced: list[FieldError] = []
        first: FieldEditor | None = None
        for error in errors:
            editor = self.editors.get(_SHOWN_AT.get(error.field, error.field))
            if editor is None:
                unplaced.append(error)
                continue
            shown = editor.error()
            editor.set_error(f"{shown}；{error.message}" if shown else error.message)
            first = first or editor
        if first is not None:
            self.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced

    def clear_errors(self) -> None:
        for editor in self.editors.values():
            editor.set_error(None)

    def check_field(self, name: str) -> None:
        """Validate one field (and its partner) as the save would."""
        names = _CHECKED_WITH.get(name, (name,))
        result = clean_worker(
            {n: self.editors[n].value() for n in names}, today=self._today(), partial=True
        )
        for checked in names:
            messages = [e.message for e in result.errors if e.field == checked]
            self.editors[checked].set_error("；".join(messages) or None)

    # -- the ID number and what follows from it ----------------------------------------
    def _id_typed(self, *, committed: bool) -> None:
        editor = self.editors["id_number"]
        text = str(editor.value())
        result = clean_worker({"id_number": text}, today=self._today(), partial=True)
        if result.ok:
            values = result.values
            self._show_derived(values["birth_date"], values["gender"])
            editor.set_error(None)
            self.id_number_ready.emit(values["id_number"])
            return
        self._show_derived(None, None)
        # While typing, wait for the whole number before saying it is wrong.
        complete = len(compact(text)) >= _ID_LENGTH
        editor.set_error(result.errors[0].message if committed or complete else None)

    def _show_derived(self, birth: date | None, gender: str | None) -> None:
        if birth is None or gender is None:
            for box in (self.birth_box, self.gender_box, self.age_box, self.older_box):
                box.clear()
            return
        today = self._today()
        # The birth date is the middle of the ID number that masking hides.
        self.birth_box.setText(self.tr("已隐藏") if self._masked else birth.isoformat())
        self.gender_box.setText(enum_label(_GENDERS[gender]))
        self.age_box.setText(self.tr("{0}周岁").format(age_on(birth, today)))
        self.older_box.setText(self.tr("是") if is_older(birth, today) else self.tr("否"))

    # -- construction ------------------------------------------------------------------
    def _group(self, title: str, specs: Sequence[Any]) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("WorkerForm", title), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        labels = self._labels.setdefault(title, [])
        for spec in specs:
            editor = FieldEditor(spec, box, places=self._places)
            self.editors[spec.name] = editor
            if spec.kind == "flag":
                form.addRow("", editor)
                continue
            label = QLabel(spec.shown_label, box)
            if spec.name in REQUIRED:
                label.setText(f"{spec.shown_label}<span style='color:#c62828'> *</span>")
            label.setBuddy(editor.input)
            form.addRow(label, editor)
            labels.append(label)
            if spec.name == "id_number":
                derived = QLabel(self.tr("出生日期"), box)
                form.addRow(derived, self._derived_row())
                labels.append(derived)
        return box

    def _derived_box(self) -> QLineEdit:
        box = QLineEdit(self)
        box.setReadOnly(True)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box.setPlaceholderText(self.tr("由身份证号得出"))
        return box

    def _derived_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        char = self.fontMetrics().horizontalAdvance("中")
        self.birth_box.setMinimumWidth(char * 6)
        layout.addWidget(self.birth_box, 3)
        for caption, box, width in (
            (self.tr("性别"), self.gender_box, 2.5),
            (self.tr("年龄"), self.age_box, 4),
            (self.tr("大龄"), self.older_box, 2.5),
        ):
            box.setPlaceholderText("")
            box.setFixedWidth(round(char * width) + 12)
            layout.addWidget(QLabel(caption, row))
            layout.addWidget(box)
        return row
