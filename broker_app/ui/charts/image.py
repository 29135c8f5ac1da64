"""Charts as PNG images, for reports: the chart redrawn at twice its size on screen
(sharp when printed or pasted into a document), under its title and a note line
(who made it and when), on white."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QWidget

from broker_app.ui.charts import palette
from broker_app.ui.charts.chart import ChartView

_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
#: Pixels per on-screen pixel in the saved image.
EXPORT_SCALE = 2.0
_MARGIN = 12


def header_height(widget: QWidget, title: str, note: str) -> int:
    """Height (on-screen pixels) of the title and note above the chart."""
    if not title and not note:
        return 0
    height = float(_MARGIN)
    if title:
        height += _text_height(_title_font(widget), title, widget.width()) + 4
    if note:
        height += _text_height(widget.font(), note, widget.width()) + 2
    return math.ceil(height)


def _text_height(font: QFont, text: str, width: int) -> float:
    """Height of ``text`` wrapped to the image's width less its margins."""
    box = QRectF(0, 0, max(1, width - 2 * _MARGIN), 1e6)
    return QFontMetricsF(font).boundingRect(box, _WRAP, text).height()


def chart_image(
    widget: QWidget, title: str = "", note: str = "", scale: float = EXPORT_SCALE
) -> QImage:
    """``widget`` drawn at ``scale`` under ``title`` and ``note``."""
    header = header_height(widget, title, note)
    width, height = widget.width(), widget.height() + header
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    y = float(_MARGIN) if header else 0.0
    for text, font, color, gap in (
        (title, _title_font(widget), QColor("#202020"), 4),
        (note, widget.font(), palette.MUTED_TEXT, 2),
    ):
        if text:
            painter.setFont(font)
            painter.setPen(color)
            text_height = _text_height(font, text, width)
            painter.drawText(QRectF(_MARGIN, y, width - 2 * _MARGIN, text_height), _WRAP, text)
            y += text_height + gap
    hovered = widget.hovered if isinstance(widget, ChartView) else -1
    if isinstance(widget, ChartView):
        widget.clear_hover()  # the highlight under the mouse is not part of the figure
    widget.render(painter, QPoint(0, header))
    painter.end()
    if hovered >= 0:
        widget.update()
    return image


def save_chart_png(
    widget: QWidget, path: Path, title: str = "", note: str = "", scale: float = EXPORT_SCALE
) -> bool:
    """Write the chart image to ``path``; False if it could not be written."""
    image = chart_image(widget, title, note, scale)
    # The stubs say bytes, the binding takes str only.
    return bool(image.save(str(path), "PNG"))  # type: ignore[call-overload]


def _title_font(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(widget.font().pointSizeF() * 1.2)
    font.setBold(True)
    return font
