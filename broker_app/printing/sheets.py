"""A4 sheets: 10 wallet cards (2 x 5, edge to edge) or 24 helmet stickers (3 x 8) cut
from plain paper, centred on the page with cut marks in the margins and a hairline
outline; or helmet stickers on the pre-cut A4 label sheets sold in China (70 x 37 mm
24-up, 63.5 x 38.1 mm 21-up), which get neither marks nor outlines.

Cut marks never come closer to the paper's edge than ``PRINTER_MARGIN_MM``: most
office printers cannot print there, and a mark cut off by the printer is no mark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from broker_app.printing import helmet_sticker, wallet_card
from broker_app.printing.units import Ruler
from broker_app.services.cards.faces import CardFace

A4_MM = (210.0, 297.0)
#: Draws one item at the painter's origin; returns the labels of shortened lines.
DrawItem = Callable[[QPainter, Ruler, CardFace, QImage], list[str]]
PRINTER_MARGIN_MM = 5.0

_MARK_LENGTH = 4.0
_MARK_GAP = 1.0  # between a cut mark and the item it marks
_MARK_MIN_LENGTH = 1.5  # shorter than this, a mark is not worth drawing
_OUTLINE = QColor(200, 200, 200)


@dataclass(frozen=True)
class SheetLayout:
    key: str
    item_mm: tuple[float, float]
    columns: int
    rows: int
    gap_mm: tuple[float, float]
    draw: DrawItem
    #: Where the drawing sits inside its slot (a sticker centred on a bigger label).
    inset_mm: tuple[float, float] = (0.0, 0.0)
    #: Pre-cut label sheets need no cut marks and no outlines.
    cut: bool = True

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


def _label_sheet(
    key: str, label_mm: tuple[float, float], columns: int, rows: int, gap_x: float
) -> SheetLayout:
    w, h = label_mm
    inset = ((w - helmet_sticker.WIDTH_MM) / 2, (h - helmet_sticker.HEIGHT_MM) / 2)
    return SheetLayout(
        key,
        label_mm,
        columns=columns,
        rows=rows,
        gap_mm=(gap_x, 0.0),
        draw=helmet_sticker.draw_helmet_sticker,
        inset_mm=inset,
        cut=False,
    )


#: 3 x 8 labels of 70 x 37 mm, edge to edge (0.5 mm left top and bottom).
LABEL_SHEET_70_37 = _label_sheet("label-70x37", (70.0, 37.0), 3, 8, 0.0)
#: 3 x 7 labels of 63.5 x 38.1 mm, 2.54 mm between columns (margins 7.2 / 15.15 mm).
LABEL_SHEET_63_38 = _label_sheet("label-63x38", (63.5, 38.1), 3, 7, 2.54)
LAYOUTS = {
    layout.key: layout
    for layout in (CARD_SHEET, STICKER_SHEET, LABEL_SHEET_70_37, LABEL_SHEET_63_38)
}


def cut_marks(layout: SheetLayout) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The cut marks of a sheet as (start, end) in millimetres from the paper's corner:
    in the page margin on the line of every cut (edge-to-edge items share their cut
    lines), shortened where the margin is narrow so that none enters the
    ``PRINTER_MARGIN_MM`` band at the paper's edge; none where no room is left."""
    if not layout.cut:
        return []
    (w, h), (gx, gy) = layout.item_mm, layout.gap_mm
    x0, y0 = layout.origin_mm
    xs = sorted({x0 + c * (w + gx) + dx for c in range(layout.columns) for dx in (0.0, w)})
    ys = sorted({y0 + r * (h + gy) + dy for r in range(layout.rows) for dy in (0.0, h)})
    top, bottom, left, right = ys[0], ys[-1], xs[0], xs[-1]
    page_w, page_h = A4_MM
    edge = PRINTER_MARGIN_MM
    marks: list[tuple[tuple[float, float], tuple[float, float]]] = []

    def reach(room: float) -> float:
        """How far from the grid a mark may end, given the margin's width."""
        return min(_MARK_GAP + _MARK_LENGTH, room - edge)

    near = _MARK_GAP
    ends = {
        "top": reach(top),
        "bottom": reach(page_h - bottom),
        "left": reach(left),
        "right": reach(page_w - right),
    }
    usable = {side: far for side, far in ends.items() if far >= near + _MARK_MIN_LENGTH}
    for x in xs:
        if "top" in usable:
            marks.append(((x, top - near), (x, top - usable["top"])))
        if "bottom" in usable:
            marks.append(((x, bottom + near), (x, bottom + usable["bottom"])))
    for y in ys:
        if "left" in usable:
            marks.append(((left - near, y), (left - usable["left"], y)))
        if "right" in usable:
            marks.append(((right + near, y), (right + usable["right"], y)))
    return marks


def draw_cut_marks(painter: QPainter, ruler: Ruler, layout: SheetLayout) -> None:
    painter.setPen(QPen(QColor(0, 0, 0), ruler.px(0.2)))
    for start, end in cut_marks(layout):
        _line(painter, ruler, start, end)


def draw_outline(painter: QPainter, ruler: Ruler, layout: SheetLayout, index: int) -> None:
    """A light outline that the cut removes (none on pre-cut labels)."""
    if not layout.cut:
        return
    x, y = layout.slot_mm(index)
    painter.setPen(QPen(_OUTLINE, ruler.px(0.1)))
    painter.drawRect(ruler.rect(x, y, *layout.item_mm))


def _line(
    painter: QPainter, ruler: Ruler, start: tuple[float, float], end: tuple[float, float]
) -> None:
    painter.drawLine(QLineF(ruler.point(*start), ruler.point(*end)))
