"""Painting card sheets on any device: the PDF writer, a printer, a preview, an image.
One loop for all, so what the preview shows is what the PDF and the printer get."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QPainter

from broker_app.services.cards_faces import CardFace
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.ui.cards.qr_image import qr_image
from broker_app.ui.cards.sheets import SheetLayout, draw_cut_marks, draw_outline
from broker_app.ui.cards.units import Ruler


def ruler_for(painter: QPainter) -> Ruler:
    return Ruler(float(painter.device().logicalDpiX()))


def paint_page(
    painter: QPainter, layout: SheetLayout, faces: Sequence[CardFace], ruler: Ruler | None = None
) -> None:
    """One sheet: cut marks, then each item at its slot. The painter's origin must be
    the paper's top-left corner (QPrinter full page, QPdfWriter without margins)."""
    ruler = ruler or ruler_for(painter)
    draw_cut_marks(painter, ruler, layout)
    for index, face in enumerate(faces[: layout.per_page]):
        draw_outline(painter, ruler, layout, index)
        x, y = layout.slot_mm(index)
        painter.save()
        painter.translate(ruler.point(x, y))
        layout.draw(painter, ruler, face, qr_image(face.qr_text))
        painter.restore()


def paint_sheets(
    painter: QPainter,
    layout: SheetLayout,
    faces: Sequence[CardFace],
    new_page: Callable[[], bool],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Every page of ``faces``; ``new_page`` starts the next page (False: it failed).
    Returns the page count."""
    ruler = ruler_for(painter)
    pages = layout.page_count(len(faces))
    for page in range(pages):
        if cancel is not None:
            cancel.check()
        if page and not new_page():
            raise OSError("could not start a new page")
        start = page * layout.per_page
        paint_page(painter, layout, faces[start : start + layout.per_page], ruler)
        progress((page + 1) / pages, f"{page + 1}/{pages}")
    return pages
