"""A4 sheets: 10 wallet cards (2 x 5, edge to edge) or 24 helmet stickers (3 x 8),
centred on the page, with cut marks in the margins and a hairline outline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from broker_app.services.cards_faces import CardFace
from broker_app.ui.cards import helmet_sticker, wallet_card
from broker_app.ui.cards.units import Ruler

A4_MM = (210.0, 297.0)
DrawItem = Callable[[QPainter, Ruler, CardFace, QImage], None]

_MARK_LENGTH = 4.0
_MARK_GAP = 1.0  # between a cut mark and the item it marks
_OUTLINE = QColor(200, 200, 200)


@dataclass(frozen=True)
class SheetLayout:
    key: str
    item_mm: tuple[float, float]
    columns: int
    rows: int
    gap_mm: tuple[float, float]
    draw: DrawItem

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def origin_mm(self) -> tuple[float, float]:
        """Top-left corner of the first item: the grid is centred on the page."""
        (w, h), (gx, gy) = self.item_mm, self.gap_mm
        grid_w = self.columns * w + (self.columns - 1) * gx
        grid_h = self.rows * h + (self.rows - 1) * gy
        return (A4_MM[0] - grid_w) / 2, (A4_MM[1] - grid_h) / 2

    def slot_mm(self, index: int) -> tuple[float, float]:
        """Top-left corner of item ``index`` (0-based, row by row) on its page."""
        row, column = divmod(index % self.per_page, self.columns)
        x0, y0 = self.origin_mm
        (w, h), (gx, gy) = self.item_mm, self.gap_mm
        return x0 + column * (w + gx), y0 + row * (h + gy)

    def page_count(self, items: int) -> int:
        return max(1, -(-items // self.per_page))


CARD_SHEET = SheetLayout(
    "card",
    (wallet_card.WIDTH_MM, wallet_card.HEIGHT_MM),
    columns=2,
    rows=5,
    gap_mm=(0.0, 0.0),
    draw=wallet_card.draw_wallet_card,
)
STICKER_SHEET = SheetLayout(
    "sticker",
    (helmet_sticker.WIDTH_MM, helmet_sticker.HEIGHT_MM),
    columns=3,
    rows=8,
    gap_mm=(4.0, 3.0),
    draw=helmet_sticker.draw_helmet_sticker,
)
LAYOUTS = {layout.key: layout for layout in (CARD_SHEET, STICKER_SHEET)}


def draw_cut_marks(painter: QPainter, ruler: Ruler, layout: SheetLayout) -> None:
    """Marks in the page margin on the line of every cut (edge-to-edge items share
    their cut lines), plus a light outline that the cut removes."""
    (w, h), (gx, gy) = layout.item_mm, layout.gap_mm
    x0, y0 = layout.origin_mm
    xs = sorted({x0 + c * (w + gx) + dx for c in range(layout.columns) for dx in (0.0, w)})
    ys = sorted({y0 + r * (h + gy) + dy for r in range(layout.rows) for dy in (0.0, h)})
    top, bottom, left, right = ys[0], ys[-1], xs[0], xs[-1]
    painter.setPen(QPen(QColor(0, 0, 0), ruler.px(0.2)))
    near, far = _MARK_GAP, _MARK_GAP + _MARK_LENGTH
    for x in xs:
        _line(painter, ruler, (x, top - near), (x, top - far))
        _line(painter, ruler, (x, bottom + near), (x, bottom + far))
    for y in ys:
        _line(painter, ruler, (left - near, y), (left - far, y))
        _line(painter, ruler, (right + near, y), (right + far, y))


def draw_outline(painter: QPainter, ruler: Ruler, layout: SheetLayout, index: int) -> None:
    x, y = layout.slot_mm(index)
    painter.setPen(QPen(_OUTLINE, ruler.px(0.1)))
    painter.drawRect(ruler.rect(x, y, *layout.item_mm))


def _line(
    painter: QPainter, ruler: Ruler, start: tuple[float, float], end: tuple[float, float]
) -> None:
    painter.drawLine(QLineF(ruler.point(*start), ruler.point(*end)))
