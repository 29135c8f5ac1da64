"""Bar charts: vertical or horizontal; several series stacked or side by side; an
optional target per category, marked across its bar (horizontal charts).

Horizontal charts suit many categories with Chinese names (villages): each row
keeps its full name, and the widget asks for the height its rows need, so it can
sit in a scroll area.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from broker_app.ui.charts import palette
from broker_app.ui.charts.chart import PADDING, ChartView
from broker_app.ui.charts.data import ChartData
from broker_app.ui.charts.legend import draw_legend
from broker_app.ui.charts.scale import count_text, nice_ticks, tick_text

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_WRAPPED = int(
    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWrapAnywhere
)
#: Widest a vertical bar gets, and thickest a horizontal one, in pixels.
_MAX_BAR = 60.0
_MAX_ROW_BAR = 24.0


class BarChart(ChartView):
    def __init__(
        self, parent: QWidget | None = None, *, horizontal: bool = False, stacked: bool = True
    ) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.stacked = stacked
        #: The label at the end of category ``i``'s bar; the total by default.
        self.bar_label: Callable[[int], str] | None = None
        #: A horizontal chart asks for the full height of its rows (put it in a
        #: scroll area) instead of squeezing them into the space it is given.
        self.fit_rows = False
        #: Label bars of zero with "0" (off for months, where zeros are just gaps).
        self.label_zero = True

    def set_data(self, data: ChartData) -> None:
        super().set_data(data)
        if self.horizontal and self.fit_rows:
            self.setMinimumHeight(self._rows_height())

    # -- size --------------------------------------------------------------------------
    def row_height(self) -> float:
        return max(22.0, QFontMetricsF(self.font()).height() * 1.6)

    def sizeHint(self) -> QSize:
        if not self.horizontal:
            return super().sizeHint()
        return QSize(420, self._rows_height())

    def minimumSizeHint(self) -> QSize:
        if not self.horizontal:
            return super().minimumSizeHint()
        return QSize(240, min(self._rows_height(), 160))

    def _rows_height(self) -> int:
        data = self.chart_data()
        rows = len(data.categories) if data is not None and not data.empty else 4
        metrics = QFontMetricsF(self.font())
        legend = metrics.height() + 10 if data is not None and len(data.series) > 1 else 0
        ticks = QFontMetricsF(self.small_font()).height() + 6
        return int(rows * self.row_height() + legend + ticks + 2 * PADDING + 2)

    # -- drawing -----------------------------------------------------------------------
    def draw(self, painter: QPainter, area: QRectF, data: ChartData) -> None:
        top = area.top()
        if len(data.series) > 1:
            items = [(s.name, s.color) for s in data.series]
            top += draw_legend(painter, area, items, self.text_color()) + 6
        body = QRectF(area.left(), top, area.width(), area.bottom() - top)
        if self.horizontal:
            self._draw_horizontal(painter, body, data)
        else:
            self._draw_vertical(painter, body, data)

    def label_of(self, index: int) -> str:
        data = self.chart_data()
        if self.bar_label is not None:
            return self.bar_label(index)
        return count_text(data.total(index)) if data is not None else ""

    def _extent(self, data: ChartData) -> float:
        if self.stacked:
            biggest = max(data.total(i) for i in range(len(data.categories)))
        else:
            biggest = max(max(s.values) for s in data.series)
        targets = [t for t in data.targets if t]
        return max([biggest, *targets])

    def _draw_vertical(self, painter: QPainter, area: QRectF, data: ChartData) -> None:
        small = self.small_font()
        small_metrics = QFontMetricsF(small)
        ticks = nice_ticks(self._extent(data))
        scale_top = ticks[-1]
        tick_width = max(small_metrics.horizontalAdvance(tick_text(t)) for t in ticks) + 8
        label_font, lines = self._category_font(
            data, (area.width() - tick_width) / len(data.categories)
        )
        label_metrics = QFontMetricsF(label_font)
        label_height = label_metrics.height() * lines + 6
        value_height = small_metrics.height() + 4
        plot = QRectF(
            area.left() + tick_width,
            area.top() + value_height,
            area.width() - tick_width,
            area.height() - label_height - value_height,
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
        for index, category in enumerate(data.categories):
            left = plot.left() + index * band
            self.add_band(QRectF(left, area.top(), band, area.height()), index)
            if index == self.hovered:
                painter.fillRect(
                    QRectF(left, area.top(), band, plot.bottom() - area.top()), palette.HOVER
                )
            top = self._vertical_bars(painter, data, index, left, band, plot, scale_top)
            painter.setFont(small)
            painter.setPen(self.text_color())
            if self.label_zero or data.total(index):
                value_box = QRectF(left, top - value_height, band, value_height)
                painter.drawText(value_box, _CENTER, self.label_of(index))
            painter.setFont(label_font)
            box = QRectF(left + 1, plot.bottom() + 3, band - 2, label_height - 3)
            if lines == 1:
                label = label_metrics.elidedText(category, Qt.TextElideMode.ElideRight, band - 4)
                painter.drawText(box, _CENTER, label)
            else:
                painter.drawText(box, _WRAPPED, category)

    def _category_font(self, data: ChartData, band: float) -> tuple[QFont, int]:
        """The font and number of lines (1 or 2) that fit the category names under
        bars ``band`` wide: the chart's font, a smaller one, or two lines of it."""
        room = band - 4
        for font in (self.font(), self.small_font()):
            metrics = QFontMetricsF(font)
            if all(metrics.horizontalAdvance(c) <= room for c in data.categories):
                return font, 1
        return self.small_font(), 2

    def _vertical_bars(
        self,
        painter: QPainter,
        data: ChartData,
        index: int,
        left: float,
        band: float,
        plot: QRectF,
        scale_top: float,
    ) -> float:
        """Draw one category's bars; returns the y of their top."""
        unit = plot.height() / scale_top
        if self.stacked:
            width = min(band * 0.62, _MAX_BAR)
            x = left + (band - width) / 2
            base = plot.bottom()
            for series in data.series:
                height = series.values[index] * unit
                if height > 0:
                    painter.fillRect(QRectF(x, base - height, width, height), series.color)
                    base -= height
            return base
        group = min(band * 0.8, _MAX_BAR * 0.6 * len(data.series))
        width = group / len(data.series)
        x = left + (band - group) / 2
        top = plot.bottom()
        for n, series in enumerate(data.series):
            height = series.values[index] * unit
            if height > 0:
                bar = QRectF(x + n * width + 1, plot.bottom() - height, width - 2, height)
                painter.fillRect(bar, series.color)
                top = min(top, bar.top())
        return top

    def _draw_horizontal(self, painter: QPainter, area: QRectF, data: ChartData) -> None:
        metrics = QFontMetricsF(self.font())
        small = self.small_font()
        small_metrics = QFontMetricsF(small)
        count = len(data.categories)
        widest = max(metrics.horizontalAdvance(c) for c in data.categories)
        label_width = min(widest + 12, area.width() * 0.34)
        labels = [self.label_of(i) for i in range(count)]
        value_width = max(small_metrics.horizontalAdvance(t) for t in labels) + 10
        tick_height = small_metrics.height() + 6
        plot = QRectF(
            area.left() + label_width,
            area.top(),
            area.width() - label_width - value_width,
            area.height() - tick_height,
        )
        if plot.width() < 10 or plot.height() < 10:
            return
        ticks = nice_ticks(self._extent(data), 4 if plot.width() < 300 else 5)
        scale_top = ticks[-1]
        unit = plot.width() / scale_top
        painter.setFont(small)
        for tick in ticks:
            x = round(plot.left() + tick * unit) + 0.5
            painter.setPen(QPen(palette.AXIS if tick == 0 else palette.GRID, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(palette.MUTED_TEXT)
            text = tick_text(tick)
            width = small_metrics.horizontalAdvance(text) + 4
            painter.drawText(
                QRectF(x - width / 2, plot.bottom() + 3, width, tick_height - 3), _CENTER, text
            )
        row = plot.height() / count
        thickness = min(row * 0.62, _MAX_ROW_BAR)
        for index, category in enumerate(data.categories):
            top = plot.top() + index * row
            self.add_band(QRectF(area.left(), top, area.width(), row), index)
            if index == self.hovered:
                painter.fillRect(QRectF(area.left(), top, area.width(), row), palette.HOVER)
            painter.setFont(self.font())
            painter.setPen(self.text_color())
            name = metrics.elidedText(category, Qt.TextElideMode.ElideRight, label_width - 10)
            painter.drawText(QRectF(area.left(), top, label_width - 8, row), _RIGHT, name)
            end = self._horizontal_bars(
                painter, data, index, top + (row - thickness) / 2, thickness, plot.left(), unit
            )
            target = data.target(index)
            if target:
                x = plot.left() + target * unit
                painter.setPen(QPen(palette.TARGET, 2))
                painter.drawLine(QPointF(x, top + 2), QPointF(x, top + row - 2))
                end = max(end, x)
            painter.setFont(small)
            painter.setPen(self.text_color())
            painter.drawText(
                QRectF(end + 5, top, value_width + plot.right() - end, row), _LEFT, labels[index]
            )

    def _horizontal_bars(
        self,
        painter: QPainter,
        data: ChartData,
        index: int,
        y: float,
        thickness: float,
        left: float,
        unit: float,
    ) -> float:
        """Draw one category's bars; returns the x of their end."""
        if self.stacked:
            x = left
            for series in data.series:
                width = series.values[index] * unit
                if width > 0:
                    painter.fillRect(QRectF(x, y, width, thickness), series.color)
                    x += width
            return x
        height = thickness / len(data.series)
        end = left
        for n, series in enumerate(data.series):
            width = series.values[index] * unit
            if width > 0:
                painter.fillRect(QRectF(left, y + n * height, width, height - 1), series.color)
                end = max(end, left + width)
        return end
