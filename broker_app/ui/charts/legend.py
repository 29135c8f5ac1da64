"""The legend above a chart: a colour square and a name per series, wrapped into
as many rows as the width needs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

_GAP = 14.0


def draw_legend(
    painter: QPainter, area: QRectF, items: Sequence[tuple[str, QColor]], text: QColor
) -> float:
    """Draw the legend at the top of ``area``, centred; returns the height used."""
    if not items:
        return 0.0
    metrics = QFontMetricsF(painter.font())
    swatch = metrics.height() * 0.62
    line = metrics.height() + 4
    colors = dict(items)
    y = area.top()
    for row in _rows(metrics, [name for name, _ in items], area.width()):
        width = sum(_item_width(metrics, name) for name in row) + _GAP * (len(row) - 1)
        x = area.left() + max(0.0, (area.width() - width) / 2)
        for name in row:
            box = QRectF(x, y + (line - swatch) / 2, swatch, swatch)
            painter.fillRect(box, colors[name])
            painter.setPen(text)
            label = QRectF(x + swatch + 5, y, metrics.horizontalAdvance(name) + 2, line)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name
            )
            x += _item_width(metrics, name) + _GAP
        y += line
    return y - area.top()


def _item_width(metrics: QFontMetricsF, name: str) -> float:
    return metrics.height() * 0.62 + 5 + metrics.horizontalAdvance(name)


def _rows(metrics: QFontMetricsF, names: Sequence[str], width: float) -> list[list[str]]:
    rows: list[list[str]] = []
    used = 0.0
    for name in names:
        item = _item_width(metrics, name)
        if rows and used + _GAP + item <= width:
            rows[-1].append(name)
            used += _GAP + item
        else:
            rows.append([name])
            used = item
    return rows
