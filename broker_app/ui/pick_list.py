"""Choosing people from a search: tick them in the results, collect them on the right.

What is ticked stays chosen when the search changes (the broker finds one person,
then the next), and the list shows candidates before anything is typed. Used by 发卡
(workers of the roster) and 添加人员 (a batch's members from matches and the roster).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

_SEARCH_DELAY_MS = 250
_KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class PickRow:
    """One search result: ``key`` identifies the person (one pick each), ``value`` is
    what the caller gets back, ``blocked`` says why the row cannot be ticked."""

    key: str
    text: str
    value: Any
    blocked: str = ""


class PickList(QWidget):
    chosen_changed = Signal(int)  # how many people are chosen

    def __init__(
        self,
        find: Callable[[str], Sequence[PickRow]],
        placeholder: str,
        results_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._find = find
        self._chosen: dict[str, PickRow] = {}
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(placeholder)
        self.results = QListWidget(self)
        self.chosen = QListWidget(self)
        self.count_label = QLabel(self)
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(results_title, self))
        left.addWidget(self.results)
        right.addWidget(self.count_label)
        right.addWidget(self.chosen)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(lists, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.search)
        self.results.itemChanged.connect(self._ticked)
        self.chosen.itemDoubleClicked.connect(self._untick)
        self._show_count()
        self.search()

    def chosen_values(self) -> list[Any]:
        """What was ticked, in the order it was ticked."""
        return [row.value for row in self._chosen.values()]

    def chosen_keys(self) -> list[str]:
        return list(self._chosen)

    def search(self) -> None:
        """Show what the search box finds (everyone's first page when it is empty)."""
        self._timer.stop()
        self.results.blockSignals(True)
        self.results.clear()
        for row in self._find(self.search_box.text().strip()):
            text = f"{row.text}　（{row.blocked}）" if row.blocked else row.text
            item = QListWidgetItem(text)
            item.setData(_KEY_ROLE, row.key)
            if row.blocked:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = row.key in self._chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.UserRole + 1, row)
            self.results.addItem(item)
        self.results.blockSignals(False)

    def tick(self, key: str) -> None:
        """Tick the result ``key`` as a click on its box would."""
        for index in range(self.results.count()):
            item = self.results.item(index)
            if item.data(_KEY_ROLE) == key and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked)

    def _ticked(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole + 1)
        if not isinstance(row, PickRow):
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[row.key] = row
        else:
            self._chosen.pop(row.key, None)
        self._refresh_chosen()

    def _untick(self, item: QListWidgetItem) -> None:
        self._chosen.pop(str(item.data(_KEY_ROLE)), None)
        self._refresh_chosen()
        self.search()

    def _refresh_chosen(self) -> None:
        self.chosen.clear()
        for key, row in self._chosen.items():
            item = QListWidgetItem(row.text)
            item.setData(_KEY_ROLE, key)
            self.chosen.addItem(item)
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("已选 {0} 人（双击移出）").format(len(self._chosen)))
        self.chosen_changed.emit(len(self._chosen))
