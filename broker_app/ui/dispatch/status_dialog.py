"""更改批次状态: the day it happened (today by default, never later), with what the
move will write into the members' records said up front."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.common.enums import BatchStatus
from broker_app.ui.dispatch.filters import to_date, to_qdate
from broker_app.ui.i18n import enum_label


class BatchStatusDialog(QDialog):
    def __init__(
        self,
        batch_name: str,
        target: BatchStatus,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("更改批次状态"))
        today = today or date.today()
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(to_qdate(today))
        self.day.setDate(to_qdate(today))
        hint = QLabel(self._hint(target), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("批次"), QLabel(batch_name, self))
        form.addRow(self.tr("新状态"), QLabel(enum_label(target), self))
        form.addRow(self.tr("日期"), self.day)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        if target is BatchStatus.FINISHED:
            self.day.setEnabled(False)

    def chosen_day(self) -> date:
        return to_date(self.day.date())

    def _hint(self, target: BatchStatus) -> str:
        if target is BatchStatus.DEPARTED:
            return self.tr(
                "出发日期改为所选日期；已在该单位上岗的人员，就业方式记为“有组织劳务输出”。"
                "出发后仍可增减人员，到岗后名单固定。"
            )
        if target is BatchStatus.ARRIVED:
            return self.tr(
                "到岗后人员名单固定。尚未在该单位就业的人员登记为已就业（就业方式：有组织劳务输出，"
                "开始日期为所选日期）；来自“录用”匹配的人员，匹配同时改为“已上岗”。"
            )
        return self.tr("批次结束后只能修改备注；人员的就业记录不变。")
