"""登记欠薪线索: a clue a worker gave by phone or at the station. Only the phone is
required; the project is one of this station's."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.arrears.report import InvalidClue
from broker_app.services.arrears.clues import ClueService
from broker_app.services.changes import Change
from broker_app.ui.context import AppContext
from broker_app.ui.errors import show_error
from broker_app.ui.geometry import fit_to_screen


class RegisterClueDialog(QDialog):
    """Registers the clue on 保存 and broadcasts the Change; refusals are shown in red
    under the form, and nothing is stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ClueService(ctx.store)
        self.setWindowTitle(self.tr("登记欠薪线索"))
        self.source_box = QComboBox(self)
        self.source_box.addItem(self.tr("电话反映"), "phone")
        self.source_box.addItem(self.tr("来访反映"), "visit")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(self.tr("必填：回访用的手机或固定电话"))
        self.name_edit = QLineEdit(self)
        self.project_box = QComboBox(self)
        self.project_box.addItem(self.tr("（未指明项目）"), None)
        for project_id, name in self.service.projects():
            self.project_box.addItem(name, project_id)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("元"))
        self.months_edit = QLineEdit(self)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setPlaceholderText(self.tr("哪个工地、哪个班组、欠了哪几个月……"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("来源"), self.source_box)
        form.addRow(self.tr("反映人电话"), self.phone_edit)
        form.addRow(self.tr("反映人姓名"), self.name_edit)
        form.addRow(self.tr("工程项目"), self.project_box)
        form.addRow(self.tr("欠薪金额（元）"), self.amount_edit)
        form.addRow(self.tr("欠薪月数"), self.months_edit)
        form.addRow(self.tr("反映日期"), self.date_edit)
        form.addRow(self.tr("情况描述"), self.description_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 460, 480)

    def values(self) -> dict[str, Any]:
        day = self.date_edit.date()
        return {
            "source": self.source_box.currentData(),
            "reporter_phone": self.phone_edit.text(),
            "reporter_name": self.name_edit.text(),
            "project_id": self.project_box.currentData(),
            "amount_owed": self.amount_edit.text(),
            "months_owed": self.months_edit.text(),
            "received_on": date(day.year(), day.month(), day.day()),
            "description": self.description_edit.toPlainText(),
        }

    def save(self) -> None:
        values = self.values()
        self.ctx.runner.run_db(
            lambda: self.service.register(values), self._saved, self._failed, owner=self
        )

    def _saved(self, change: Change) -> None:
        self.ctx.broadcast(change)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidClue):
            self.error_label.setText("\n".join(error.message for error in exc.errors))
            self.error_label.show()
        else:
            show_error(self, exc)
