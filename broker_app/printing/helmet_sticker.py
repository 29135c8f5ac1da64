"""The helmet sticker, 62 x 32 mm: for the back of a safety helmet (安全帽后部), so
it carries only the QR, the complaint phones and the worker's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from broker_app.printing.labels import phone_label, tr
from broker_app.printing.text import draw_fitted
from broker_app.printing.units import Ruler
from broker_app.services.cards.faces import CardFace

WIDTH_MM, HEIGHT_MM = 62.0, 32.0
#: With quiet zone, for a scan at arm's length: 0.49 mm a module at version 8, 0.46 at
#: 9, 0.43 at 10.
_QR_SIZE = 28.0
_QR_X, _QR_Y = 1.0, 2.0
#: The readable-text form (level M where the card text took Q) 2 mm larger, 0.49 mm
#: a module at version 9 (BENCHMARKS.md): 1 mm up and 1 mm down, the text 2 mm right.
_READABLE_QR = (_QR_X, 1.0, 30.0)
_INK = QColor(0, 0, 0)
_GREY = QColor(90, 90, 90)


def draw_helmet_sticker(painter: QPainter, ruler: Ruler, face: CardFace, qr: QImage) -> list[str]:
    """Draw one sticker with its top-left corner at the painter's origin; returns the
    labels of the lines that had to be shortened."""
    shortened: list[str] = []
    r = ruler.rect
    qr_x, qr_y, qr_size = _READABLE_QR if face.scan.readable else (_QR_X, _QR_Y, _QR_SIZE)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(r(qr_x, qr_y, qr_size, qr_size), qr)
    text_x = qr_x + qr_size + 0.5
    text_w = WIDTH_MM - text_x - 1.5
    painter.setPen(_INK)
    draw_fitted(
        painter, r(text_x, 2.0, text_w, 4.0), tr("欠薪维权电话"), 8, min_points=6, bold=True
    )
    signed, *others = face.phones
    painter.setPen(_GREY)
    draw_fitted(painter, r(text_x, 6.3, text_w, 3.0), phone_label(signed), 6, min_points=5)
    painter.setPen(_INK)
    if draw_fitted(
        painter, r(text_x, 9.0, text_w, 5.6), face.signed_phone, 14, min_points=9, bold=True
    ).shortened:
        shortened.append(tr("维权电话"))
    y = 15.2
    for line in others[:2]:
        if draw_fitted(
            painter,
            r(text_x, y, text_w, 3.3),
            f"{phone_label(line)} {line.phone}",
            7,
            min_points=5,
        ).shortened:
            shortened.append(phone_label(line))
        y += 3.4
    painter.setPen(_GREY)
    if draw_fitted(
        painter, r(text_x, 21.9, text_w, 4.7), face.project_name, 5.5, min_points=4.5, lines=2
    ).shortened:
        shortened.append(tr("项目"))
    painter.setPen(_INK)
    name = draw_fitted(
        painter,
        r(text_x, 26.6, text_w, 3.4),
        face.worker_name,
        8,
        min_points=6,
        bold=True,
        align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    )
    if name.shortened:
        shortened.append(tr("姓名"))
    return shortened
