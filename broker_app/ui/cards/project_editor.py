"""The 工程项目 editor: every field of the statutory notice board, checked by the
domain validator, with "save as this station's defaults" for the local phones,
minimum wage and pay day."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.errors import FieldError
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.projects.rules import LABELS
from broker_app.services.changes import Change
from broker_app.services.projects.defaults import DEFAULT_FIELDS
from broker_app.services.projects.records import InvalidProject, ProjectService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.worker_editor.fields import FieldEditor, FieldKind, FieldSpec

_FIELDS: tuple[tuple[str, FieldKind, str], ...] = (
    ("name", "text", ""),
    ("address", "text", ""),
    ("general_contractor", "text", ""),
    ("subcontractor", "text", "劳务分包单位，或班组名称"),
    ("labor_officer_name", "text", ""),
    ("labor_officer_phone", "text", ""),
    ("manager_phone", "text", ""),
    ("complaint_phone_hrss", "text", "如 0537-5212345，印在卡上最醒目处并签入二维码"),
    ("complaint_phone_housing", "text", ""),
    ("complaint_phone_national", "text", "12333"),
    ("min_wage", "number", "元/月"),
    ("pay_day", "number", "每月几日，1到31"),
    ("start_date", "date", ""),
    ("end_date", "date", "卡的有效期默认到竣工日期；不填则一年"),
    ("responsible_org", "text", "包保单位：代码或名称，如 太平镇"),
    ("responsible_person", "text", "包保责任人：每月到现场检查的人"),
    ("notes", "multiline", ""),
)


class ProjectEditorDialog(QDialog):
    """Create (``project_id`` None) or edit a project; broadcasts the Change on save."""

    def __init__(
        self, ctx: AppContext, project_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.service = ProjectService(ctx.store)
        self.setWindowTitle(self.tr("编辑工程项目") if project_id else self.tr("新建工程项目"))
        self.editors: dict[str, FieldEditor] = {}
        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, kind, hint in _FIELDS:
            editor = FieldEditor(FieldSpec(name, kind, label=LABELS[name], placeholder=hint), self)
            self.editors[name] = editor
            form.addRow(editor.spec.shown_label, editor)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.defaults_button = QPushButton(self.tr("设为本站默认"), self)
        self.defaults_button.setToolTip(
            self.tr("把投诉电话、最低工资和工资支付日存为本驿站新建项目的默认值")
        )
        buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self.save_defaults)
        fit_to_screen(self, 560, 640)
        self._load()

    def values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def save(self) -> None:
        values = self.values()

        def write() -> Change:
            if self.project_id is None:
                return self.service.create(values)
            return self.service.edit(self.project_id, values)

        self.ctx.runner.run_db(write, self._saved, self._failed, owner=self)

    def save_defaults(self) -> None:
        wanted = {name: self.editors[name].value() for name in DEFAULT_FIELDS}
        try:
            self.service.save_defaults(wanted)
        except InvalidProject as exc:
            self._show_field_errors(exc.errors)
            return
        QMessageBox.information(self, self.tr("已保存"), self.tr("已存为本驿站新建项目的默认值"))

    # -- plumbing ------------------------------------------------------------------------
    def _load(self) -> None:
        if self.project_id is None:
            defaults = self.service.defaults()
            values: dict[str, Any] = {name: getattr(defaults, name) for name in DEFAULT_FIELDS}
        else:
            values = self.service.details(self.project_id)
        unit = values.get("responsible_org")
        if unit:
            # Shown by name; saved back through the same name (or the code).
            found = load_zoucheng().find(unit)
            values = {**values, "responsible_org": found.name if found else unit}
        for name, editor in self.editors.items():
            if name in values:
                editor.set_value(values[name])

    def _saved(self, change: Change) -> None:
        self.project_id = change.record_ids[0] if change.record_ids else self.project_id
        self.ctx.broadcast(change)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidProject):
            self._show_field_errors(exc.errors)
        else:
            show_error(self, exc)

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        by_field = {error.field: error.message for error in errors}
        for name, editor in self.editors.items():
            editor.set_error(by_field.get(name))
        first = next((self.editors[e.field] for e in errors if e.field in self.editors), None)
        if first is not None:
            first.setFocus()
