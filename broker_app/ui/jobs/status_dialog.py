"""更改匹配状态: the statuses the match may move to (the domain's state machine), the
day it happened (today by default, never later) and a note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.matching.status import match_status
from broker_app.ui.i18n import enum_label


class StatusDialog(QDialog):
    def __init__(
        self,
        worker_name: str,
        job_title: str,
        choices: list[MatchStatus],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        preset: MatchStatus | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更改匹配状态"))
        today = today or date.today()
        self.status = QComboBox(self)
        # Qt hands an enum member back as its plain value: store values, look them up.
        for status in choices:
            self.status.addItem(enum_label(status), status.value)
        if preset is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(preset.value)))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("如：电话联系，约好周三面试"))
        hint = QLabel(
            self.tr("改为“已上岗”或“离岗”时，劳动力的就业状态、务工单位和起止日期会一并更新。"),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("劳动力"), QLabel(worker_name, self))
        form.addRow(self.tr("岗位"), QLabel(job_title, self))
        form.addRow(self.tr("新状态"), self.status)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[MatchStatus, date, str]:
        day = self.day.date()
        status = match_status(str(self.status.currentData()))
        assert status is not None  # the combo holds only MatchStatus values
        return (
            status,
            date(day.year(), day.month(), day.day()),
            self.note.text().strip(),
        )
