"""The base of every chart widget: background, the message shown instead of a chart
(loading, no data), hover highlight with a tooltip per category, and clicks.

A subclass draws in ``draw`` and, while drawing, records the region of each
category with ``add_band``; the base turns those into hover, tooltips and clicks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from broker_app.ui.charts import palette
from broker_app.ui.charts.data import ChartData
from broker_app.ui.charts.scale import count_text

#: Space around the drawing, in pixels.
PADDING = 10.0


class ChartView(QWidget):
    #: A category was clicked (index into the data's categories); only when clickable.
    category_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._data: ChartData | None = None
        self._message = ""
        self._hover = -1
        self._bands: list[tuple[QRectF, int]] = []
        self._clickable = False
        self.value_suffix = ""
        #: Times the chart was drawn with data (tests and the benchmark wait on it).
        self.draws = 0

    # -- content -----------------------------------------------------------------------
    def chart_data(self) -> ChartData | None:
        return self._data

    def set_data(self, data: ChartData) -> None:
        self._data = data
        self._message = ""
        self._hover = -1
        self.updateGeometry()
        self.update()

    def set_message(self, text: str) -> None:
        """Show ``text`` instead of the chart (e.g. while loading); keeps the data."""
        self._message = text
        self.update()

    def message(self) -> str:
        """The text shown instead of the chart, or empty while the chart is shown."""
        if self._message:
            return self._message
        if self._data is None or self._data.empty:
            return self.tr("暂无数据")
        return ""

    def set_clickable(self, clickable: bool) -> None:
        self._clickable = clickable
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )

    def clear_hover(self) -> None:
        if self._hover != -1:
            self._hover = -1
            self.update()

    @property
    def hovered(self) -> int:
        return self._hover

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        self._bands = []
        text = self.message()
        if text or self._data is None:
            painter.setPen(palette.MUTED_TEXT)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, text)
            painter.end()
            return
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        self.draw(painter, area, self._data)
        painter.end()
        self.draws += 1

    def draw(self, painter: QPainter, area: QRectF, data: ChartData) -> None:
        raise NotImplementedError

    def add_band(self, rect: QRectF, index: int) -> None:
        """Record where category ``index`` lies (hover, tooltip and click region)."""
        self._bands.append((rect, index))

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.88))
        return font

    def text_color(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    # -- tooltips and the mouse ---------------------------------------------------------
    def tooltip_text(self, index: int) -> str:
        """The category, each series' value, the total of several, and its note."""
        data = self._data
        if data is None or not 0 <= index < len(data.categories):
            return ""
        lines = [f"<b>{data.categories[index]}</b>"]
        for series in data.series:
            lines.append(f"{series.name}：{count_text(series.values[index])}{self.value_suffix}")
        if len(data.series) > 1:
            lines.append(
                self.tr("合计：{0}").format(count_text(data.total(index))) + self.value_suffix
            )
        note = data.note(index)
        if note:
            lines.append(note)
        return "<br>".join(lines)

    def band_at(self, pos: QPointF) -> int:
        for rect, index in self._bands:
            if rect.contains(pos):
                return index
        return -1

    def band_rect(self, index: int) -> QRectF:
        return next((rect for rect, i in self._bands if i == index), QRectF())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.band_at(QPointF(event.pos()))
            text = self.tooltip_text(index) if index >= 0 else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self, self.band_rect(index).toRect())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.band_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.clear_hover()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            index = self.band_at(event.position())
            if index >= 0:
                self.category_clicked.emit(index)
        super().mouseReleaseEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)
