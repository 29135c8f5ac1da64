"""The wallet card, 85.6 x 54 mm (ID-1, the size of a bank card).

The signed complaint phone is the largest thing on the card, under the rights
message; the QR sits on the right with the card's expiry below it; the left column
repeats the signed facts in full and adds the unsigned contacts.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from broker_app.services.cards_faces import CardFace
from broker_app.ui.cards.labels import phone_label, serial_text, tr, valid_until, wage_text
from broker_app.ui.cards.text import draw_fitted
from broker_app.ui.cards.units import MM_PER_INCH, Ruler

WIDTH_MM, HEIGHT_MM = 85.6, 54.0
_MARGIN = 3.0
_QR_SIZE = 24.0  # including the 4-module quiet zone: about 0.37 mm a module
_QR_X, _QR_Y = WIDTH_MM - _MARGIN - _QR_SIZE + 1.0, 8.6
_LEFT_W = _QR_X - _MARGIN - 0.5
_ROW_H = 3.3
_ROWS_END = 36.0
_LABEL_W = 11.5
_INK = QColor(0, 0, 0)
_GREY = QColor(90, 90, 90)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def draw_wallet_card(painter: QPainter, ruler: Ruler, face: CardFace, qr: QImage) -> None:
    """Draw one card with its top-left corner at the painter's origin."""
    r = ruler.rect
    painter.setPen(_INK)
    draw_fitted(painter, r(_MARGIN, 2.2, 52, 5.2), tr("农民工工资维权联系卡"), 9.5, bold=True)
    painter.setPen(_GREY)
    draw_fitted(
        painter, r(55, 2.2, WIDTH_MM - 55 - _MARGIN, 5.2), serial_text(face.serial), 6, align=_RIGHT
    )
    painter.setPen(QPen(_INK, ruler.px(0.25)))
    painter.drawLine(QLineF(ruler.point(_MARGIN, 7.8), ruler.point(WIDTH_MM - _MARGIN, 7.8)))
    _draw_rows(painter, ruler, face)
    _draw_qr(painter, ruler, face, qr)
    _draw_phones(painter, ruler, face)


def _draw_rows(painter: QPainter, ruler: Ruler, face: CardFace) -> None:
    r = ruler.rect
    value_x, value_w = _MARGIN + _LABEL_W, _LEFT_W - _LABEL_W
    painter.setPen(_GREY)
    draw_fitted(painter, r(_MARGIN, 8.9, _LABEL_W, 4.0), tr("姓名"), 5.5, align=_TOP)
    painter.setPen(_INK)
    name = draw_fitted(
        painter,
        r(value_x, 8.4, 16, 4.2),
        face.worker_name,
        8.5,
        min_points=6,
        bold=True,
        align=_TOP,
    )
    id_x = value_x + name.width() * MM_PER_INCH / ruler.dpi + 2.0
    draw_fitted(
        painter,
        r(id_x, 9.3, _MARGIN + _LEFT_W - id_x, 3.4),
        face.masked_id,
        6,
        min_points=5,
        align=_TOP,
    )
    officer = " ".join(p for p in (face.labor_officer_name, face.labor_officer_phone) if p)
    rows = [
        (tr("项目"), face.project_name, 2),
        (tr("总包单位"), face.contractor, 2),
        (tr("分包/班组"), face.subcontractor, 1),
        (tr("劳资专管员"), officer, 1),
        (tr("项目负责人"), face.manager_phone, 1),
    ]
    y = 12.9
    for label, value, lines in rows:
        if not value or y + _ROW_H > _ROWS_END:
            continue
        height = min(_ROW_H * lines, _ROWS_END - y)
        painter.setPen(_GREY)
        draw_fitted(
            painter, r(_MARGIN, y + 0.2, _LABEL_W, _ROW_H), label, 5.5, min_points=4.5, align=_TOP
        )
        painter.setPen(_INK)
        used = draw_fitted(
            painter,
            r(value_x, y, value_w, height),
            value,
            6.5,
            min_points=5.5,
            lines=lines,
            align=_TOP,
        )
        y += max(_ROW_H, min(height, used.height() * MM_PER_INCH / ruler.dpi + 0.2))
    wages = wage_text(face.min_wage, face.pay_day)
    if wages and y + _ROW_H <= _ROWS_END + 0.01:
        painter.setPen(_INK)
        draw_fitted(painter, r(_MARGIN, y, _LEFT_W, _ROW_H), wages, 6, min_points=4.5, align=_TOP)


def _draw_qr(painter: QPainter, ruler: Ruler, face: CardFace, qr: QImage) -> None:
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(ruler.rect(_QR_X, _QR_Y, _QR_SIZE, _QR_SIZE), qr)
    painter.setPen(_GREY)
    below = ruler.rect(_QR_X - 1.5, _QR_Y + _QR_SIZE - 0.6, _QR_SIZE + 3, 2.6)
    draw_fitted(painter, below, valid_until(face.expiry_date), 5, min_points=4, align=_CENTER)


def _draw_phones(painter: QPainter, ruler: Ruler, face: CardFace) -> None:
    r = ruler.rect
    painter.setPen(QPen(_INK, ruler.px(0.25)))
    painter.drawLine(QLineF(ruler.point(_MARGIN, 36.4), ruler.point(WIDTH_MM - _MARGIN, 36.4)))
    painter.setPen(_INK)
    draw_fitted(
        painter,
        r(_MARGIN, 36.7, 80, 4.0),
        tr("工资被拖欠？请拨打维权电话"),
        8.5,
        min_points=7,
        bold=True,
    )
    signed, *others = face.phones
    draw_fitted(painter, r(_MARGIN, 41.0, 17, 6.6), phone_label(signed), 6.5, min_points=5)
    draw_fitted(
        painter, r(_MARGIN + 17, 40.6, 62.6, 7.4), face.signed_phone, 19, min_points=12, bold=True
    )
    if others:
        text = "　".join(f"{phone_label(line)} {line.phone}" for line in others)
        painter.setPen(_GREY)
        draw_fitted(painter, r(_MARGIN, 48.0, 80, 3.4), text, 6.5, min_points=5)
