"""Choosing the workers to issue cards to: search the roster, tick people, collect them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from broker_app.domain.people.privacy import Personal, shown
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.workers import WorkerService
from broker_app.ui.context import AppContext
from broker_app.ui.pick_list import PickList, PickRow

_RESULTS = 200


class WorkerPickerDialog(QDialog):
    """``chosen_ids()`` after ``exec()`` returns Accepted."""

    def __init__(self, ctx: AppContext, project_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = WorkerService(ctx.store)
        self.setWindowTitle(self.tr("为“{0}”发卡").format(project_name))
        self.picker = PickList(
            self._find,
            self.tr("姓名、拼音首字母、身份证号或电话"),
            self.tr("搜索结果（勾选要发卡的人）"),
            self,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("发卡"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.picker.chosen_changed.connect(lambda n: self.ok_button.setEnabled(n > 0))
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(720, 480)

    def chosen_ids(self) -> list[str]:
        return self.picker.chosen_keys()

    def _find(self, text: str) -> list[PickRow]:
        rows = self.service.page(RosterFilter(text=text), RosterSort(), 0, _RESULTS)
        return [
            PickRow(
                row.id,
                f"{row.name}　{shown(Personal.ID_NUMBER, row.id_number)}",
                row.id,
            )
            for row in rows
        ]
