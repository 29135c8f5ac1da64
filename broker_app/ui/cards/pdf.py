"""Card sheets to a PDF file: written beside the target under a temporary name and
renamed when complete, so a cancelled or failed job never leaves half a PDF."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from broker_app.services.cards_faces import CardFace
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.ui.cards.render import paint_sheets
from broker_app.ui.cards.sheets import SheetLayout

#: Dots per inch of the PDF's drawing coordinates (not of any image in it).
PDF_RESOLUTION = 1200


class PdfWriteError(OSError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"cannot write {path}")
        self.message = f"无法写入文件：{path}（请检查文件夹是否存在、文件是否被其他程序打开）"
        self.message_en = f"cannot write PDF {path}"


def write_cards_pdf(
    faces: Sequence[CardFace],
    out: Path,
    layout: SheetLayout,
    *,
    title: str = "",
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write ``faces`` as A4 sheets of ``layout`` to ``out``; returns the page count."""
    out = Path(out)
    if not out.parent.is_dir():
        raise PdfWriteError(out)
    # Same folder, so the final rename is atomic; the writer creates the file itself,
    # so it gets the usual permissions.
    temp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        writer = QPdfWriter(str(temp))
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
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
            pages = paint_sheets(
                painter, layout, faces, writer.newPage, progress=progress, cancel=cancel
            )
        finally:
            painter.end()
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return pages
