"""Millimetres to device pixels. Card geometry is in millimetres; fonts are in points,
which Qt converts with the device's own resolution, so the same drawing code serves
a 1200 dpi PDF, a printer and a screen preview."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

MM_PER_INCH = 25.4


@dataclass(frozen=True)
class Ruler:
    dpi: float

    def px(self, mm: float) -> float:
        return mm * self.dpi / MM_PER_INCH

    def point(self, x_mm: float, y_mm: float) -> QPointF:
        return QPointF(self.px(x_mm), self.px(y_mm))

    def rect(self, x_mm: float, y_mm: float, w_mm: float, h_mm: float) -> QRectF:
        return QRectF(self.px(x_mm), self.px(y_mm), self.px(w_mm), self.px(h_mm))
