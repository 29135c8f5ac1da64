"""新建 / 编辑劳务输出批次: the batch's fields, each error beside its field. The 务工地域
is taken from the place when left on “按地点判断”."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import PlaceTier
from broker_app.domain.common.errors import FieldError
from broker_app.services.changes import Change
from broker_app.services.dispatch.batches import DispatchService, InvalidBatch
from broker_app.services.projects.records import ProjectService
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch.filters import to_date, to_qdate
from broker_app.ui.errors import show_error
from broker_app.ui.field_errors import add_checked_row
from broker_app.ui.focus import follow_layout
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.i18n import enum_label

_LINE_FIELDS = ("name", "employer", "project", "destination", "transport", "leader_name",
                "leader_phone")  # fmt: skip


class BatchEditorDialog(QDialog):
    def __init__(
        self, ctx: AppContext, batch_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = DispatchService(ctx.store)
        self.batch_id = batch_id
        self.setWindowTitle(self.tr("编辑批次") if batch_id else self.tr("新建劳务输出批次"))
        self.edits = {name: QLineEdit(self) for name in _LINE_FIELDS}
        self.edits["name"].setPlaceholderText(self.tr("不填则为“出发日期 务工单位”"))
        self.edits["destination"].setPlaceholderText(self.tr("如 江苏苏州工业园区、青岛市黄岛区"))
        self.edits["transport"].setPlaceholderText(self.tr("如 包车、高铁"))
        # A batch going to a construction project is linked to it by choice: its
        # rights cards are issued on that project (the 项目 text is only printed).
        self.project_box = QComboBox(self)
        self.project_box.addItem(self.tr("（不关联工程项目）"), "")
        for project in ProjectService(ctx.store).projects():
            self.project_box.addItem(str(project["name"]), str(project["id"]))
        self.project_box.setToolTip(self.tr("选择后，本批人员的维权卡按这个工程项目发放和打印"))
        self.project_box.currentIndexChanged.connect(lambda _i: self._project_chosen())
        self._linked_name = ""
        self.tier = QComboBox(self)
        self.tier.addItem(self.tr("按地点判断"), "")
        for tier in PlaceTier:
            if tier is not PlaceTier.NONE:
                self.tier.addItem(enum_label(tier), tier.value)
        self.undated = QCheckBox(self.tr("未定"), self)
        self.departure = QDateEdit(self)
        self.departure.setCalendarPopup(True)
        self.departure.setDisplayFormat("yyyy-MM-dd")
        self.departure.setDate(to_qdate(date.today()))
        self.undated.toggled.connect(lambda on: self.departure.setEnabled(not on))
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.errors: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        if batch_id:
            self._load(batch_id)
        fit_to_screen(self, 560, 620)

    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        raw["place_tier"] = self.tier.currentData() or ""
        raw["project_id"] = self.project_box.currentData() or ""
        raw["departure_date"] = None if self.undated.isChecked() else to_date(self.departure.date())
        raw["notes"] = self.notes.toPlainText()
        return raw

    def _project_chosen(self) -> None:
        """The 项目 text follows the chosen project unless the broker wrote another."""
        chosen = self.project_box.currentText() if self.project_box.currentData() else ""
        if self.edits["project"].text().strip() in ("", self._linked_name):
            self.edits["project"].setText(chosen)
        self._linked_name = chosen

    def save(self) -> None:
        raw = self.values()
        batch_id = self.batch_id

        def write() -> Change:
            if batch_id is None:
                return self.service.create_batch(raw)
            return self.service.edit_batch(batch_id, raw)

        self.save_button.setEnabled(False)
        self.ctx.runner.run_db(write, self._saved, self._failed, owner=self)

    def _saved(self, change: Change) -> None:
        self.batch_id = change.record_ids[0] if change.record_ids else self.batch_id
        self.ctx.broadcast(change)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, InvalidBatch):
            self.show_errors(exc.errors)
            return
        show_error(self, exc, self.tr("保存失败"))

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        for err in errors:
            shown = self.errors.get(err.field)
            if shown is not None:
                shown.setText(err.message)
                shown.show()

    def _load(self, batch_id: str) -> None:
        details = self.service.batch(batch_id)
        for name, edit in self.edits.items():
            edit.setText(str(details.get(name) or ""))
        index = self.tier.findData(details["place_tier"])
        self.tier.setCurrentIndex(max(index, 0))
        linked = details.get("project_id")
        if linked and self.project_box.findData(linked) < 0:
            # An archived project stays shown as the batch's link.
            self.project_box.addItem(str(details.get("project") or linked), linked)
        self.project_box.blockSignals(True)
        self.project_box.setCurrentIndex(max(0, self.project_box.findData(linked or "")))
        self.project_box.blockSignals(False)
        self._linked_name = self.project_box.currentText() if linked else ""
        day = details["departure_date"]
        self.undated.setChecked(day is None)
        if day is not None:
            self.departure.setDate(to_qdate(day))
        self.notes.setPlainText(details["notes"])
        if details["status"] == "finished":
            for widget in (*self.edits.values(), self.tier, self.undated, self.departure,
                           self.project_box):  # fmt: skip
                widget.setEnabled(False)

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        self.errors[name] = add_checked_row(form, label, widget, self)

    def _layout(self) -> None:
        form = QFormLayout()
        e = self.edits
        self._row(form, "employer", self.tr("务工单位*"), e["employer"])
        self._row(form, "project_id", self.tr("工程项目"), self.project_box)
        self._row(form, "project", self.tr("项目"), e["project"])
        self._row(form, "destination", self.tr("务工地点"), e["destination"])
        self._row(form, "place_tier", self.tr("务工地域"), self.tier)
        day = QWidget(self)
        day_row = QHBoxLayout(day)
        day_row.setContentsMargins(0, 0, 0, 0)
        day_row.addWidget(self.departure, 1)
        day_row.addWidget(self.undated)
        self._row(form, "departure_date", self.tr("出发日期"), day)
        self._row(form, "transport", self.tr("交通方式"), e["transport"])
        self._row(form, "leader_name", self.tr("带队人"), e["leader_name"])
        self._row(form, "leader_phone", self.tr("带队人电话"), e["leader_phone"])
        self._row(form, "name", self.tr("批次名称"), e["name"])
        self._row(form, "notes", self.tr("备注"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        follow_layout(self)
