"""A line chart: one line per series over the categories (months), with markers;
the month under the mouse gets a guide line and a tooltip with every series."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from broker_app.ui.charts import palette
from broker_app.ui.charts.chart import ChartView
from broker_app.ui.charts.data import ChartData
from broker_app.ui.charts.legend import draw_legend
from broker_app.ui.charts.scale import nice_ticks, tick_text

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class LineChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marker_radius = 3.0

    def draw(self, painter: QPainter, area: QRectF, data: ChartData) -> None:
        top = area.top()
        items = [(s.name, s.color) for s in data.series]
        top += draw_legend(painter, area, items, self.text_color()) + 6
        metrics = QFontMetricsF(self.font())
        small = self.small_font()
        small_metrics = QFontMetricsF(small)
        biggest = max(max(s.values) for s in data.series)
        ticks = nice_ticks(biggest)
        scale_top = ticks[-1]
        tick_width = max(small_metrics.horizontalAdvance(tick_text(t)) for t in ticks) + 8
        label_height = metrics.height() + 6
        plot = QRectF(
            area.left() + tick_width,
            top + small_metrics.height() / 2,
            area.width() - tick_width,
            area.bottom() - top - label_height - small_metrics.height() / 2,
        )
        if plot.width() < 10 or plot.height() < 10:
            return
        painter.setFont(small)
        for tick in ticks:
            y = round(plot.bottom() - tick / scale_top * plot.height()) + 0.5
            painter.setPen(QPen(palette.AXIS if tick == 0 else palette.GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(palette.MUTED_TEXT)
            box = QRectF(
                area.left(), y - small_metrics.height() / 2, tick_width - 6, small_metrics.height()
            )
            painter.drawText(box, _RIGHT, tick_text(tick))
        count = len(data.categories)
        band = plot.width() / count

        def point(index: int, value: float) -> QPointF:
            return QPointF(
                plot.left() + (index + 0.5) * band,
                plot.bottom() - value / scale_top * plot.height(),
            )

        painter.setFont(self.font())
        for index, category in enumerate(data.categories):
            left = plot.left() + index * band
            self.add_band(QRectF(left, top, band, area.bottom() - top), index)
            painter.setPen(self.text_color())
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, band - 2)
            painter.drawText(
                QRectF(left, plot.bottom() + 3, band, label_height - 3), _CENTER, label
            )
        if 0 <= self.hovered < count:
            x = point(self.hovered, 0).x()
            painter.fillRect(QRectF(x - band / 2, plot.top(), band, plot.height()), palette.HOVER)
            painter.setPen(QPen(palette.AXIS, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        for series in data.series:
            path = QPainterPath()
            for index, value in enumerate(series.values):
                if index == 0:
                    path.moveTo(point(index, value))
                else:
                    path.lineTo(point(index, value))
            pen = QPen(series.color, 2.2)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setPen(QPen(series.color, 1.6))
            painter.setBrush(QBrush(self.palette().color(self.backgroundRole())))
            for index, value in enumerate(series.values):
                radius = self.marker_radius * (1.5 if index == self.hovered else 1.0)
                painter.drawEllipse(point(index, value), radius, radius)
