"""Card sheets to a PDF file: written beside the target under a temporary name and
renamed when complete, so a cancelled or failed job never leaves half a PDF. The
file asks the viewer to print at 100% (pdf_print_scaling)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from broker_app.atomic_write import atomic_path
from broker_app.domain.common.errors import UserError
from broker_app.printing.pdf_print_scaling import add_print_scaling_none
from broker_app.printing.render import Offset, SheetReport, paint_sheets
from broker_app.printing.sheets import SheetLayout
from broker_app.services.cards.faces import CardFace
from broker_app.services.progress import CancelToken, Progress, no_progress

#: Dots per inch of the PDF's drawing coordinates (not of any image in it).
PDF_RESOLUTION = 1200


class PdfWriteError(UserError, OSError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"无法写入文件：{path}（请检查文件夹是否存在、文件是否被其他程序打开）",
            f"cannot write PDF {path}",
        )


def write_cards_pdf(
    faces: Sequence[CardFace],
    out: Path,
    layout: SheetLayout,
    *,
    title: str = "",
    offset_mm: Offset = (0.0, 0.0),
    report: SheetReport | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write ``faces`` as A4 sheets of ``layout`` to ``out``; returns the page count.
    ``report`` gets the cards left out (a character the font lacks) and shortened."""

    def paint(painter: QPainter, new_page: Callable[[], bool]) -> int:
        return paint_sheets(
            painter,
            layout,
            faces,
            new_page,
            offset_mm=offset_mm,
            report=report,
            progress=progress,
            cancel=cancel,
        )

    return write_a4_pdf(out, title, paint)


def write_a4_pdf(
    out: Path,
    title: str,
    paint: Callable[[QPainter, Callable[[], bool]], int],
    paper: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
) -> int:
    """An A4 (or ``paper``) PDF whose pages ``paint`` draws (origin at the paper's
    corner, no margins), marked to print at actual size; returns what ``paint``
    returns (the page count)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise PdfWriteError(out)
    # The writer creates the scratch file itself, so it gets the usual permissions.
    with atomic_path(out) as temp:
        writer = QPdfWriter(str(temp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(paper),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(title)
        writer.setCreator("劳务驿站")
        painter = QPainter()
        if not painter.begin(writer):
            raise PdfWriteError(out)
        try:
            pages = paint(painter, writer.newPage)
        finally:
            painter.end()
        del writer  # closes the file
        add_print_scaling_none(temp)
    return pages
