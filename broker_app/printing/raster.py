"""A sheet as an image, drawn by the same code as the PDF: for previews and tests."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QImage, QPainter

from broker_app.printing.render import paint_page
from broker_app.printing.sheets import A4_MM, SheetLayout
from broker_app.printing.units import MM_PER_INCH, Ruler
from broker_app.services.cards.faces import CardFace


def page_image(layout: SheetLayout, faces: Sequence[CardFace], dpi: int = 300) -> QImage:
    """One A4 sheet of ``faces`` (at most ``layout.per_page``) at ``dpi``, white paper."""
    ruler = Ruler(float(dpi))
    image = QImage(round(ruler.px(A4_MM[0])), round(ruler.px(A4_MM[1])), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi * 1000 / MM_PER_INCH)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        paint_page(painter, layout, faces, ruler)
    finally:
        painter.end()
    return image
