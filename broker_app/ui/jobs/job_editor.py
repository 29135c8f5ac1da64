"""新增 / 编辑岗位: every posting field, its error beside it, and the 公益性岗位 warnings
(extra age, education or disability limits) shown while typing; they never block a
save. A posting published by a higher unit opens read-only."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import JobKind, PlaceTier
from broker_app.domain.jobs.age import format_age_range
from broker_app.domain.jobs.rules import LABELS, MAX_HEADCOUNT
from broker_app.domain.jobs.wage import format_wage
from broker_app.domain.org.place import locate_place
from broker_app.domain.org.units import load_zoucheng
from broker_app.services.jobs.postings import InvalidJob, JobPostingService, JobSaved
from broker_app.services.settings.station import StationService
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.field_errors import add_checked_row
from broker_app.ui.focus import follow_layout
from broker_app.ui.geometry import fit_to_screen, scrolling
from broker_app.ui.i18n import QT_TRANSLATE_NOOP, enum_label

_WARNING_STYLE = "color: #e65100;"
_CHECK_DELAY_MS = 300
_TEXT_FIELDS = (
    "title", "employer_name", "employer_credit_code", "work_type", "place_text", "wage",
    "age", "start_date", "end_date", "deadline", "contact_name", "contact_phone",
)  # fmt: skip
_LONG_FIELDS = ("requirements", "notes")
# Errors about the stored parts of a written value show beside the value.
_SHOWN_AT = {
    "wage_min": "wage", "wage_max": "wage", "wage_unit": "wage", "age_min": "age",
    "age_max": "age", "place_org_code": "place", "place_tier": "place", "place_text": "place",
}  # fmt: skip
_PLACEHOLDERS = {
    "wage": QT_TRANSLATE_NOOP("JobEditorDialog", "如 4000-6000元/月、150元/天、面议"),
    "age": QT_TRANSLATE_NOOP("JobEditorDialog", "如 18-55周岁、55周岁以下、不限"),
    "start_date": QT_TRANSLATE_NOOP("JobEditorDialog", "如 2025-07-01"),
    "end_date": QT_TRANSLATE_NOOP("JobEditorDialog", "如 2025-09-30"),
    "deadline": QT_TRANSLATE_NOOP("JobEditorDialog", "报名截止，如 2025-06-30"),
    "employer_credit_code": QT_TRANSLATE_NOOP("JobEditorDialog", "18位，可不填"),
    "place_text": QT_TRANSLATE_NOOP("JobEditorDialog", "如 太平镇工业园、江苏苏州"),
}


class JobEditorDialog(QDialog):
    def __init__(
        self, ctx: AppContext, job_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = JobPostingService(ctx.store)
        self.job_id = job_id
        self.saved: JobSaved | None = None
        self.setWindowTitle(self.tr("编辑岗位") if job_id else self.tr("新增岗位"))
        self.edits: dict[str, QLineEdit] = {}
        self.long_edits: dict[str, QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(_CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)

        self.kind = QComboBox(self)
        for kind in JobKind:
            self.kind.addItem(enum_label(kind), kind.value)
        # The tier comes first: a township or village is asked only for 县内 work, and
        # none is chosen until the broker picks one (the station's own town is a guess).
        self.tier = QComboBox(self)
        for tier in PlaceTier:
            if tier is not PlaceTier.NONE:
                self.tier.addItem(enum_label(tier), tier.value)
        self.place_code = QComboBox(self)
        self._fill_places(StationService(ctx.store).info().org_code)
        self.headcount = QSpinBox(self)
        self.headcount.setRange(1, MAX_HEADCOUNT)
        self.confirmed = QCheckBox(self.tr("已对照营业执照核对（校验位不符也保存）"), self)
        for name in _TEXT_FIELDS:
            edit = QLineEdit(self)
            if name in _PLACEHOLDERS:
                edit.setPlaceholderText(self.tr(_PLACEHOLDERS[name]))
            edit.textEdited.connect(lambda _t: self._check_timer.start())
            self.edits[name] = edit
        #: The township or village last guessed from the words (a guess, not a choice).
        self._guessed_code: str | None = None
        self.edits["place_text"].textEdited.connect(self._place_typed)
        self.tier.currentIndexChanged.connect(lambda _i: self._tier_chosen())
        self.place_code.currentIndexChanged.connect(lambda _i: self._place_chosen())
        for name in _LONG_FIELDS:
            box = QPlainTextEdit(self)
            box.setTabChangesFocus(True)  # Tab moves on, as in every other field
            box.setFixedHeight(self.fontMetrics().height() * 4)
            box.textChanged.connect(self._check_timer.start)
            self.long_edits[name] = box
        for combo in (self.kind, self.place_code, self.tier):
            combo.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(_WARNING_STYLE)
        self.read_only_note = QLabel(
            self.tr("这是上级发布的岗位，只能查看，不能在本驿站修改。"), self
        )
        self.read_only_note.setStyleSheet(_WARNING_STYLE)
        self.read_only_note.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        if job_id:
            self._load(job_id)
        fit_to_screen(self, 760, 760)

    # -- reading the form ----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        raw.update({name: box.toPlainText() for name, box in self.long_edits.items()})
        raw["kind"] = self.kind.currentData()
        raw["place_tier"] = self.tier.currentData()
        in_county = raw["place_tier"] == PlaceTier.IN_COUNTY.value
        raw["place_org_code"] = (self.place_code.currentData() or "") if in_county else ""
        raw["headcount"] = self.headcount.value()
        raw["credit_code_confirmed"] = self.confirmed.isChecked()
        return raw

    def check(self) -> None:
        """Show errors and warnings without saving."""
        result = self.service.check(self.values(), self.job_id)
        self._show_errors(result.errors)
        self.warnings.setText("\n".join(w.message for w in result.warnings))

    def save(self) -> None:
        raw = self.values()
        job_id = self.job_id

        def write() -> JobSaved:
            if job_id is None:
                return self.service.create(raw)
            return self.service.edit(job_id, raw)

        self.save_button.setEnabled(False)
        self.ctx.runner.run_db(write, self._saved, self._failed, owner=self)

    # -- the place: tier, township or village, and the words ------------------------------
    def _tier_chosen(self) -> None:
        in_county = self.tier.currentData() == PlaceTier.IN_COUNTY.value
        if not in_county:
            self.place_code.setCurrentIndex(0)
        self.place_code.setEnabled(in_county and not self.read_only_note.isVisibleTo(self))

    def _place_chosen(self) -> None:
        if self.place_code.currentData():
            self.tier.setCurrentIndex(self.tier.findData(PlaceTier.IN_COUNTY.value))

    def _place_typed(self, text: str) -> None:
        """济宁市任城区 says 县外省内, 太平镇 says 县内 and the town: follow the words
        while no township or village is chosen (a choice outranks a guess)."""
        chosen = self.place_code.currentData()
        if chosen and chosen != self._guessed_code:
            return
        found = locate_place(text)
        if found.tier is not None:
            self.tier.setCurrentIndex(self.tier.findData(found.tier.value))
        if found.org_code is not None:
            # Villages are listed for the station's own township only; else its town.
            index = self.place_code.findData(found.org_code)
            if index < 0:
                index = self.place_code.findData(found.org_code[:9] + "000")
            self.place_code.setCurrentIndex(max(0, index))
            self._guessed_code = self.place_code.currentData()

    # -- results -------------------------------------------------------------------------
    def _saved(self, saved: JobSaved) -> None:
        self.saved = saved
        self.job_id = saved.job_id
        self.ctx.broadcast(saved.change)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, InvalidJob):
            self._show_errors(exc.errors)
            return
        show_error(self, exc, self.tr("保存失败"))

    def _show_errors(self, errors: list[Any]) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        for err in errors:
            shown = self.errors.get(_SHOWN_AT.get(err.field, err.field))
            if shown is not None:
                shown.setText(err.message)
                shown.show()

    # -- building ------------------------------------------------------------------------
    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> None:
        self.errors[name] = add_checked_row(form, label, widget, self)

    def _layout(self) -> None:
        form = QFormLayout()
        e = self.edits
        self._row(form, "title", self.tr("岗位名称*"), e["title"])
        self._row(form, "employer_name", self.tr("用工单位*"), e["employer_name"])
        code = QWidget(self)
        code_row = QHBoxLayout(code)
        code_row.setContentsMargins(0, 0, 0, 0)
        code_row.addWidget(e["employer_credit_code"], 1)
        code_row.addWidget(self.confirmed)
        self._row(form, "employer_credit_code", self.tr("统一社会信用代码"), code)
        self._row(form, "kind", self.tr("岗位类型"), self.kind)
        self._row(form, "work_type", self.tr("工种"), e["work_type"])
        place = QWidget(self)
        place_row = QHBoxLayout(place)
        place_row.setContentsMargins(0, 0, 0, 0)
        place_row.addWidget(self.tier, 1)
        place_row.addWidget(self.place_code, 2)
        place_row.addWidget(e["place_text"], 2)
        self._row(form, "place", self.tr("工作地点"), place)
        self._row(form, "headcount", self.tr("招聘人数"), self.headcount)
        self._row(form, "wage", self.tr("薪资待遇"), e["wage"])
        self._row(form, "age", self.tr("年龄要求"), e["age"])
        dates = QWidget(self)
        date_row = QHBoxLayout(dates)
        date_row.setContentsMargins(0, 0, 0, 0)
        for name in ("start_date", "end_date", "deadline"):
            date_row.addWidget(e[name])
        self._row(form, "start_date", self.tr("开始 / 结束 / 截止日期"), dates)
        for name in ("end_date", "deadline"):
            self.errors[name] = self.errors["start_date"]
        self._row(form, "contact_name", self.tr("联系人"), e["contact_name"])
        self._row(form, "contact_phone", self.tr("联系电话"), e["contact_phone"])
        self._row(form, "requirements", self.tr("岗位要求"), self.long_edits["requirements"])
        self._row(form, "notes", self.tr("备注"), self.long_edits["notes"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(scrolling(form, self), 1)
        layout.addWidget(self.warnings)
        layout.addWidget(self.buttons)
        for name in ("title", "employer_name"):
            e[name].setToolTip(LABELS[name])
        follow_layout(self)

    def _fill_places(self, scope: str | None) -> None:
        directory = load_zoucheng()
        self.place_code.addItem(self.tr("（县外，或不具体到镇村）"), None)
        prefix = scope[:9] if scope and not scope.endswith("000000") else None
        for township in directory.townships():
            self.place_code.addItem(township.short_name, township.code)
            if prefix is None or township.code.startswith(prefix):
                for village in directory.villages(township.code):
                    name = f"{township.short_name} / {village.short_name}"
                    self.place_code.addItem(name, village.code)
        self.place_code.setEditable(True)
        self.place_code.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.place_code.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)

    def _load(self, job_id: str) -> None:
        job = self.service.details(job_id)
        for name in ("title", "employer_name", "employer_credit_code", "work_type",
                     "place_text", "contact_name", "contact_phone"):  # fmt: skip
            self.edits[name].setText(str(job.get(name) or ""))
        self.edits["wage"].setText(format_wage(job["wage_min"], job["wage_max"], job["wage_unit"]))
        self.edits["age"].setText(format_age_range(job["age_min"], job["age_max"]))
        for name in ("start_date", "end_date", "deadline"):
            day = job.get(name)
            self.edits[name].setText(day.isoformat() if isinstance(day, date) else "")
        for name in _LONG_FIELDS:
            self.long_edits[name].setPlainText(str(job.get(name) or ""))
        self.kind.setCurrentIndex(max(0, self.kind.findData(job["kind"])))
        self.tier.setCurrentIndex(max(0, self.tier.findData(job["place_tier"])))
        self.place_code.setCurrentIndex(max(0, self.place_code.findData(job["place_org_code"])))
        self.headcount.setValue(int(job["headcount"]))
        if not job["editable"]:
            self.read_only_note.show()
            self.save_button.setEnabled(False)
            for edit in self.edits.values():
                edit.setReadOnly(True)
            for box in self.long_edits.values():
                box.setReadOnly(True)
            for combo in (self.kind, self.place_code, self.tier):
                combo.setEnabled(False)
            self.headcount.setEnabled(False)
            self.confirmed.setEnabled(False)
