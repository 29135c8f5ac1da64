"""Card sheets on a printer (the print dialog's choice, or the preview's).

QPainter may paint on a QPrinter outside the GUI thread, so printing runs as a
background job like the PDF export.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from broker_app.domain.common.errors import UserError
from broker_app.printing.render import Offset, paint_sheets
from broker_app.printing.sheets import SheetLayout
from broker_app.services.cards.faces import CardFace
from broker_app.services.progress import CancelToken, Progress, no_progress


class PrinterError(UserError, OSError):
    message = "无法开始打印，请检查打印机"
    message_en = "the printer could not be started"


def card_printer(name: str = "") -> QPrinter:
    """A high-resolution A4 printer whose origin is the paper's corner (full page):
    cards are placed by absolute millimetres, centred on the sheet. ``name`` is the
    station's card printer (``cards.printer``); blank or not connected: the default."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    printer.setDocName("维权联系卡")
    return printer


def print_sheets(
    printer: QPrinter,
    faces: Sequence[CardFace],
    layout: SheetLayout,
    *,
    offset_mm: Offset = (0.0, 0.0),
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError()
    try:
        return paint_sheets(
            painter,
            layout,
            faces,
            printer.newPage,
            offset_mm=offset_mm,
            progress=progress,
            cancel=cancel,
        )
    except BaseException:
        printer.abort()  # no half job reaches the printer
        raise
    finally:
        painter.end()
