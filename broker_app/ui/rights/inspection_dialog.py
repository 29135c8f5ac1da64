"""记录项目检查: one visit to a project's site, the workers and cards found there, and
the problems found (one a line, with one rectification deadline), saved together."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.arrears.card_tally import CardCounts
from broker_app.domain.arrears.inspections import WORKERS_MAX, InvalidInspection
from broker_app.services.arrears.card_check import SiteCardCheck
from broker_app.services.arrears.clues import ClueService
from broker_app.services.arrears.inspections import InspectionService
from broker_app.services.changes import Change
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen
from broker_app.ui.rights.card_check import SiteCardsBox


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class InspectionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        project_id: str | None = None,
        parent: QWidget | None = None,
        inspector: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = InspectionService(ctx.store)
        self.setWindowTitle(self.tr("记录项目检查"))
        self.project_box = QComboBox(self)
        for pid, name in ClueService(ctx.store).projects():
            self.project_box.addItem(name, pid)
        if project_id is not None:
            self.project_box.setCurrentIndex(max(0, self.project_box.findData(project_id)))
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.inspector_edit = QLineEdit(inspector, self)
        self.workers_spin = self._spin()
        self.valid_spin = self._spin()
        self.missing_spin = self._spin()
        self.invalid_spin = self._spin()
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setMaximumHeight(70)
        self.problems_edit = QPlainTextEdit(self)
        self.problems_edit.setPlaceholderText(self.tr("每行一个问题；没有就不填"))
        self.problems_edit.setMaximumHeight(90)
        self.deadline_check = QCheckBox(self.tr("整改期限"), self)
        self.deadline_edit = QDateEdit(QDate.currentDate().addDays(15), self)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_check.setChecked(True)
        self.deadline_check.toggled.connect(self.deadline_edit.setEnabled)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_check)
        deadline_row.addWidget(self.deadline_edit, 1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("工程项目"), self.project_box)
        form.addRow(self.tr("检查日期"), self.date_edit)
        form.addRow(self.tr("检查人"), self.inspector_edit)
        form.addRow(self.tr("在场工人数"), self.workers_spin)
        form.addRow(self.tr("维权卡有效"), self.valid_spin)
        form.addRow(self.tr("未持卡"), self.missing_spin)
        form.addRow(self.tr("卡无效（作废、过期、验不过）"), self.invalid_spin)
        form.addRow(self.tr("检查情况"), self.notes_edit)
        form.addRow(self.tr("发现的问题"), self.problems_edit)
        form.addRow("", deadline_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.cards_box = SiteCardsBox(SiteCardCheck(ctx.store), self)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addWidget(self.cards_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.cards_box.counts_changed.connect(self._fill_counts)
        self.project_box.currentIndexChanged.connect(self._load_cards)
        self.date_edit.dateChanged.connect(self._visit_day_changed)
        self._load_cards()
        fit_to_screen(self, 900, 560)

    def _load_cards(self) -> None:
        if self.cards_box.touched:
            # Another project: the counts of the cards checked on the first are void.
            for spin in (self.valid_spin, self.missing_spin, self.invalid_spin):
                spin.setValue(0)
        self.cards_box.load(self.project_box.currentData(), _day(self.date_edit))

    def _visit_day_changed(self) -> None:
        # Scans are judged as on the day of the visit (a visit recorded a day late
        # still finds the cards valid that were valid then).
        self.cards_box.today = _day(self.date_edit)

    def _fill_counts(self, counts: CardCounts) -> None:
        """The counts from the scans and ticks; the broker may still correct them."""
        if not self.cards_box.touched:
            return
        self.valid_spin.setValue(counts.valid)
        self.missing_spin.setValue(counts.missing)
        self.invalid_spin.setValue(counts.invalid)
        # The cards seen and missing were held by workers of the site: a smaller
        # number on site would be refused on saving.
        if self.workers_spin.value() < counts.checked:
            self.workers_spin.setValue(counts.checked)

    def _spin(self) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, WORKERS_MAX)
        return spin

    def values(self) -> tuple[str | None, dict[str, Any], list[dict[str, Any]]]:
        visit = {
            "inspected_on": _day(self.date_edit),
            "inspector": self.inspector_edit.text(),
            "workers_on_site": self.workers_spin.value(),
            "cards_valid": self.valid_spin.value(),
            "cards_missing": self.missing_spin.value(),
            "cards_invalid": self.invalid_spin.value(),
            "notes": self.notes_edit.toPlainText(),
        }
        deadline = _day(self.deadline_edit) if self.deadline_check.isChecked() else None
        lines = [line.strip() for line in self.problems_edit.toPlainText().splitlines()]
        problems = [{"description": line, "deadline": deadline} for line in lines if line]
        return self.project_box.currentData(), visit, problems

    def save(self) -> None:
        project_id, visit, problems = self.values()
        if project_id is None:
            self._show_errors([self.tr("还没有工程项目：请先在“维权卡”页新建项目")])
            return
        self.ctx.runner.run_db(
            lambda: self.service.record(project_id, visit, problems),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, changes: list[Change]) -> None:
        self.ctx.broadcast(changes)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInspection):
            self._show_errors([error.message for error in exc.errors])
        else:
            show_error(self, exc)

    def _show_errors(self, messages: list[str]) -> None:
        self.error_label.setText("\n".join(messages))
        self.error_label.show()
