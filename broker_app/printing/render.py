"""Painting card sheets on any device: the PDF writer, a printer, a preview, an image.
One loop for all, so what the preview shows is what the PDF and the printer get.

Before drawing, the cards with a character the bundled font lacks are left out;
while drawing, every card whose text had to be shortened is noted. Both go into a
``SheetReport`` that the print dialog and the command show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QImage, QPainter

from broker_app.printing.coverage import Unprintable, unprintable
from broker_app.printing.labels import tr
from broker_app.printing.qr_image import matrix_image
from broker_app.printing.sheets import SheetLayout, draw_cut_marks, draw_outline
from broker_app.printing.units import MM_PER_INCH, Ruler
from broker_app.services.cards.faces import CardFace
from broker_app.services.progress import CancelToken, Progress, no_progress

#: Printer offset in millimetres (x right, y down): moves everything on the sheet.
Offset = tuple[float, float]


@dataclass(frozen=True)
class Shortened:
    face: CardFace
    #: The labels of the lines that end in "…".
    fields: tuple[str, ...]

    def describe(self) -> str:
        return (
            tr("卡号 %1（%2）：%3 太长，已缩短（以“…”结尾）")
            .replace("%1", f"{self.face.serial:06d}")
            .replace("%2", self.face.worker_name)
            .replace("%3", "、".join(self.fields))
        )


@dataclass
class SheetReport:
    """What a print run did besides drawing: pages, cards left out, cards shortened."""

    pages: int = 0
    printed: int = 0
    unprintable: list[Unprintable] = field(default_factory=list)
    shortened: list[Shortened] = field(default_factory=list)

    def notes(self) -> list[str]:
        """One Chinese line per card that did not print, or printed shortened."""
        return [u.describe() for u in self.unprintable] + [s.describe() for s in self.shortened]


def ruler_for(painter: QPainter) -> Ruler:
    return Ruler(float(painter.device().logicalDpiX()))


def paint_page(
    painter: QPainter,
    layout: SheetLayout,
    faces: Sequence[CardFace],
    ruler: Ruler | None = None,
    *,
    offset_mm: Offset = (0.0, 0.0),
    report: SheetReport | None = None,
) -> None:
    """One sheet: cut marks, then each item at its slot. The painter's origin must be
    the paper's top-left corner (QPrinter full page, QPdfWriter without margins)."""
    ruler = ruler or ruler_for(painter)
    painter.save()
    painter.translate(ruler.point(*offset_mm))
    draw_cut_marks(painter, ruler, layout)
    inset_x, inset_y = layout.inset_mm
    for index, face in enumerate(faces[: layout.per_page]):
        draw_outline(painter, ruler, layout, index)
        x, y = layout.slot_mm(index)
        painter.save()
        painter.translate(ruler.point(x + inset_x, y + inset_y))
        fields = layout.draw(painter, ruler, face, matrix_image(face.scan.symbol()))
        painter.restore()
        if report is not None:
            report.printed += 1
            if fields:
                report.shortened.append(Shortened(face, tuple(dict.fromkeys(fields))))
    painter.restore()


def paint_sheets(
    painter: QPainter,
    layout: SheetLayout,
    faces: Sequence[CardFace],
    new_page: Callable[[], bool],
    *,
    offset_mm: Offset = (0.0, 0.0),
    report: SheetReport | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Every page of the printable ``faces``; ``new_page`` starts the next page (False:
    it failed). Returns the page count; ``report`` (when given) gets the details."""
    report = report if report is not None else SheetReport()
    report.unprintable = unprintable(faces)
    left_out = {id(u.face) for u in report.unprintable}
    faces = [face for face in faces if id(face) not in left_out]
    ruler = ruler_for(painter)
    pages = layout.page_count(len(faces))
    for page in range(pages):
        if cancel is not None:
            cancel.check()
        if page and not new_page():
            raise OSError("could not start a new page")
        start = page * layout.per_page
        paint_page(
            painter,
            layout,
            faces[start : start + layout.per_page],
            ruler,
            offset_mm=offset_mm,
            report=report,
        )
        progress((page + 1) / pages, f"{page + 1}/{pages}")
    report.pages = pages
    return pages


#: Resolution of the dry run: the PDF's, so its line breaks are the PDF's.
_CHECK_DPI = 1200


def check_sheets(
    layout: SheetLayout,
    faces: Sequence[CardFace],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SheetReport:
    """The report a print run would give, without printing: the sheets are laid out
    on a one-pixel image (the print dialog lists the result before printing)."""
    image = QImage(1, 1, QImage.Format.Format_Mono)
    dots_per_metre = round(_CHECK_DPI * 1000 / MM_PER_INCH)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    report = SheetReport()
    painter = QPainter(image)
    try:
        paint_sheets(
            painter, layout, faces, lambda: True, report=report, progress=progress, cancel=cancel
        )
    finally:
        painter.end()
    return report
