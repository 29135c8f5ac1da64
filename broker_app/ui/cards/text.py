"""Drawing card text into a box: shrink to fit, wrap when allowed, elide as a last resort."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter

from broker_app.ui.cards.fonts import card_font

_STEP = 0.25  # points
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_WRAP = int(Qt.TextFlag.TextWordWrap)


@lru_cache(maxsize=256)
def _font(points: float, bold: bool) -> QFont:
    return card_font(points, bold=bold)


def metrics(font: QFont, device: QPaintDevice) -> QFontMetricsF:
    return QFontMetricsF(font, device)


def draw_fitted(
    painter: QPainter,
    rect: QRectF,
    text: str,
    points: float,
    *,
    min_points: float | None = None,
    bold: bool = False,
    lines: int = 1,
    align: Qt.AlignmentFlag = _LEFT,
) -> QSizeF:
    """Draw ``text`` in ``rect`` at the largest size from ``points`` down to
    ``min_points`` that fits on ``lines`` lines; elide if even that fails.
    Returns the size the text took, in device pixels."""
    if not text:
        return QSizeF(0.0, 0.0)
    device = painter.device()
    size = points
    low = min_points if min_points is not None else points
    while True:
        font = _font(size, bold)
        fm = metrics(font, device)
        width = fm.horizontalAdvance(text)
        if width <= rect.width():
            painter.setFont(font)
            painter.drawText(rect, int(align), text)
            return QSizeF(width, fm.height())
        if lines > 1:
            box = fm.boundingRect(rect, _WRAP | int(align), text)
            if box.height() <= rect.height() + 0.5 and box.height() <= lines * fm.lineSpacing():
                painter.setFont(font)
                painter.drawText(rect, _WRAP | int(align), text)
                return box.size()
        if size - _STEP < low - 1e-9:
            break
        size -= _STEP
    elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() * lines * 0.98)
    painter.setFont(font)
    flags = (_WRAP if lines > 1 else 0) | int(align)
    painter.drawText(rect, flags, elided)
    return QSizeF(rect.width(), fm.lineSpacing() * lines)
