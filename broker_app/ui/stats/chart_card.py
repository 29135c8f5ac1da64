"""One chart of the 统计 page in a framed card: title, a note line, the card's own
controls, the chart, and a button that saves the chart as a PNG image."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from broker_app.ui.charts.chart import ChartView
from broker_app.ui.charts.image import save_chart_png
from broker_app.ui.file_dialogs import FileKind, ask_save_file

#: Height of a card's chart area when the chart scrolls (long village lists).
SCROLL_HEIGHT = 300


class ChartCard(QFrame):
    def __init__(
        self,
        title: str,
        chart: ChartView,
        parent: QWidget | None = None,
        *,
        scrolling: bool = False,
        image_note: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#chartCard { background: palette(base); border: 1px solid #d6d6d6;"
            " border-radius: 4px; }"
        )
        self.chart = chart
        self._image_note = image_note
        self.title_label = QLabel(title, self)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.08)
        self.title_label.setFont(font)
        self.note_label = QLabel(self)
        self.note_label.setStyleSheet("color: #666666;")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.save_button = QToolButton(self)
        self.save_button.setText(self.tr("存为图片"))
        self.save_button.setToolTip(self.tr("把这张图存为 PNG 图片（清晰度为屏幕的两倍）"))
        self.save_button.setAutoRaise(True)
        self.save_button.clicked.connect(self.ask_save_png)

        self.controls = QHBoxLayout()
        self.controls.setSpacing(6)
        header = QHBoxLayout()
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addLayout(self.controls)
        header.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.note_label)
        if scrolling:
            self.scroll_area = QScrollArea(self)
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.scroll_area.setWidget(chart)
            self.scroll_area.setMinimumHeight(SCROLL_HEIGHT)
            self.scroll_area.setMaximumHeight(SCROLL_HEIGHT)
            layout.addWidget(self.scroll_area, 1)
        else:
            chart.setParent(self)
            chart.setMinimumHeight(240)
            layout.addWidget(chart, 1)

    def title(self) -> str:
        return self.title_label.text()

    def set_title(self, text: str) -> None:
        self.title_label.setText(text)

    def set_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def image_note(self) -> str:
        parts = [self.note_label.text(), self._image_note()]
        return "　".join(part for part in parts if part)

    def save_png(self, path: Path) -> bool:
        """The chart with its title and note, at twice the screen's resolution."""
        return save_chart_png(self.chart, path, self.title(), self.image_note())

    def ask_save_png(self) -> None:
        name = f"{self.title().split('（')[0]}_{date.today():%Y%m%d}.png"
        chosen = ask_save_file(
            self, FileKind.IMAGES, self.tr("存为图片"), name, self.tr("PNG 图片 (*.png)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if not self.save_png(path):
            QMessageBox.warning(
                self, self.tr("存为图片"), self.tr("无法保存图片到：\n{0}").format(path)
            )
