"""Sections of a dialog as a list on the left and the chosen section on the right.

A tab strip with seven sections scrolls at 1366x768 and hides the last ones; a list
shows every section at once. Each section sits in a scroll area, so a tall one
scrolls inside the dialog instead of pushing the dialog under the taskbar. The
calls are those of ``QTabWidget`` that the dialogs use."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QWidget,
)


class SectionList(QWidget):
    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("sections")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget#sections::item { padding: 6px 8px; }")
        self.stack = QStackedWidget(self)
        self._sections: list[QWidget] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self._row_changed)

    def addTab(self, widget: QWidget, title: str) -> int:
        scroll = QScrollArea(self.stack)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        self.stack.addWidget(scroll)
        self._sections.append(widget)
        self.list.addItem(title)
        metrics = self.list.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.tabText(i)) for i in range(self.count()))
        self.list.setFixedWidth(widest + metrics.horizontalAdvance("中") * 3)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return self.count() - 1

    def count(self) -> int:
        return len(self._sections)

    def tabText(self, index: int) -> str:
        item = self.list.item(index)
        return item.text() if item is not None else ""

    def widget(self, index: int) -> QWidget | None:
        return self._sections[index] if 0 <= index < self.count() else None

    def currentIndex(self) -> int:
        return self.list.currentRow()

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def setCurrentIndex(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def setCurrentWidget(self, widget: QWidget) -> None:
        if widget in self._sections:
            self.setCurrentIndex(self._sections.index(widget))

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.count():
            self.stack.setCurrentIndex(row)
            self.currentChanged.emit(row)
