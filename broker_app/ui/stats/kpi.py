"""The row of headline figures at the top of the 统计 page: a big number and what it
counts, each filled in as its part of the statistics arrives."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class KpiTile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self.setStyleSheet(
            "QFrame#kpiTile { background: palette(base); border: 1px solid #d6d6d6;"
            " border-radius: 4px; }"
        )
        self.value_label = QLabel("—", self)
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 1.5)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setStyleSheet("color: #555555;")
        self.detail_label = QLabel(self)
        self.detail_label.setStyleSheet("color: #777777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)

    def value(self) -> str:
        return self.value_label.text()


class KpiStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workers = KpiTile(self.tr("劳动力"), self)
        self.employed = KpiTile(self.tr("已就业（含灵活就业、自主创业）"), self)
        self.unemployed = KpiTile(self.tr("未就业"), self)
        self.priority = KpiTile(self.tr("脱贫人口（含监测对象）已就业"), self)
        self.exported = KpiTile(self.tr("本月输出"), self)
        self.trained = KpiTile(self.tr("本年培训"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for tile in self.tiles():
            layout.addWidget(tile, 1)

    def tiles(self) -> list[KpiTile]:
        return [
            self.workers,
            self.employed,
            self.unemployed,
            self.priority,
            self.exported,
            self.trained,
        ]
