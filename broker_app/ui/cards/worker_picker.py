"""Choosing the workers to issue cards to: search the roster, tick people, collect them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from broker_app.domain.privacy import Personal, shown
from broker_app.domain.roster_query import RosterFilter, RosterSort
from broker_app.services.workers import WorkerService
from broker_app.store.repositories.workers import ROW_FIELDS
from broker_app.ui.context import AppContext

_F = {name: i for i, name in enumerate(ROW_FIELDS)}
_RESULTS = 200
_SEARCH_DELAY_MS = 250


class WorkerPickerDialog(QDialog):
    """``chosen_ids()`` after ``exec()`` returns Accepted."""

    def __init__(self, ctx: AppContext, project_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = WorkerService(ctx.store)
        self.setWindowTitle(self.tr("为“{0}”发卡").format(project_name))
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("姓名、拼音首字母、身份证号或电话"))
        self.results = QListWidget(self)
        self.chosen = QListWidget(self)
        self.count_label = QLabel(self)
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(self.tr("搜索结果（勾选要发卡的人）"), self))
        left.addWidget(self.results)
        right.addWidget(self.count_label)
        right.addWidget(self.chosen)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("发卡"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addLayout(lists, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_box.textEdited.connect(lambda _text: self._timer.start())
        self.results.itemChanged.connect(self._ticked)
        self.chosen.itemDoubleClicked.connect(self._untick)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._chosen: dict[str, str] = {}
        self.resize(720, 480)
        self._show_count()
        self.search()

    def chosen_ids(self) -> list[str]:
        return list(self._chosen)

    def search(self) -> None:
        rows = self.service.page(
            RosterFilter(text=self.search_box.text()), RosterSort(), 0, _RESULTS
        )
        self.results.blockSignals(True)
        self.results.clear()
        for row in rows:
            worker_id = row[_F["id"]]
            masked = shown(Personal.ID_NUMBER, row[_F["id_number"]])
            item = QListWidgetItem(f"{row[_F['name']]}　{masked}")
            item.setData(Qt.ItemDataRole.UserRole, worker_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = worker_id in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.results.addItem(item)
        self.results.blockSignals(False)

    def _ticked(self, item: QListWidgetItem) -> None:
        worker_id = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[worker_id] = item.text()
        else:
            self._chosen.pop(worker_id, None)
        self._refresh_chosen()

    def _untick(self, item: QListWidgetItem) -> None:
        self._chosen.pop(str(item.data(Qt.ItemDataRole.UserRole)), None)
        self._refresh_chosen()
        self.search()

    def _refresh_chosen(self) -> None:
        self.chosen.clear()
        for worker_id, text in self._chosen.items():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, worker_id)
            self.chosen.addItem(item)
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("已选 {0} 人（双击移出）").format(len(self._chosen)))
        self.ok_button.setEnabled(bool(self._chosen))
