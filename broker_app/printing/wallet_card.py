"""The wallet card, 85.6 x 54 mm (ID-1, the size of a bank card).

The signed complaint phone is the largest thing on the card, under the rights
message; the QR sits on the right with the card's expiry below it; the left column
repeats the signed facts in full and adds the unsigned contacts.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen

from broker_app.printing.fonts import card_font
from broker_app.printing.labels import phone_label, serial_text, tr, valid_until, wage_text
from broker_app.printing.text import draw_fitted, line_spacing, wrapped_lines
from broker_app.printing.units import MM_PER_INCH, Ruler
from broker_app.services.cards.faces import CardFace

WIDTH_MM, HEIGHT_MM = 85.6, 54.0
_MARGIN = 3.0
#: Including the 4-module quiet zone: 0.42 mm a module at version 8, 0.39 at 9, 0.37
#: at 10 (the printed forms never exceed the WQ1: text's version, rights_card.scan_text).
_QR_SIZE = 24.0
_QR_X, _QR_Y = WIDTH_MM - _MARGIN - _QR_SIZE + 1.0, 8.6
#: The readable-text form takes level M where the card text took Q, so it is printed
#: 2 mm larger (0.43 mm a module at version 9, 0.40 at 10) to decode as well on a
#: blurred scan (BENCHMARKS.md): 1.5 mm further right (its quiet zone ends 0.5 mm
#: from the card's edge), 0.5 mm left (up to the left column) and 0.6 mm up.
_READABLE_QR = (_QR_X - 0.5, 8.0, 26.0)
_LEFT_W = _QR_X - _MARGIN - 0.5
_ROW_H = 3.3
_ROWS_TOP = 12.9
_ROWS_END = 36.0
#: Values start at this size and shrink down to the smallest legible one before
#: anything is shortened.
_VALUE_POINTS, _VALUE_MIN = 6.5, 5.5
_LABEL_W = 11.5
_INK = QColor(0, 0, 0)
_GREY = QColor(90, 90, 90)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def draw_wallet_card(painter: QPainter, ruler: Ruler, face: CardFace, qr: QImage) -> list[str]:
    """Draw one card with its top-left corner at the painter's origin; returns the
    labels of the lines that had to be shortened (none, nearly always)."""
    r = ruler.rect
    painter.setPen(_INK)
    draw_fitted(painter, r(_MARGIN, 2.2, 52, 5.2), tr("农民工工资维权联系卡"), 9.5, bold=True)
    painter.setPen(_GREY)
    draw_fitted(
        painter, r(55, 2.2, WIDTH_MM - 55 - _MARGIN, 5.2), serial_text(face.serial), 6, align=_RIGHT
    )
    painter.setPen(QPen(_INK, ruler.px(0.25)))
    painter.drawLine(QLineF(ruler.point(_MARGIN, 7.8), ruler.point(WIDTH_MM - _MARGIN, 7.8)))
    shortened = _draw_rows(painter, ruler, face)
    _draw_qr(painter, ruler, face, qr)
    return shortened + _draw_phones(painter, ruler, face)


def _qr_box(face: CardFace) -> tuple[float, float, float]:
    """Left, top and size of the card's QR (with quiet zone), in millimetres."""
    return _READABLE_QR if face.scan.readable else (_QR_X, _QR_Y, _QR_SIZE)


def _draw_rows(painter: QPainter, ruler: Ruler, face: CardFace) -> list[str]:
    r = ruler.rect
    value_x, value_w = _MARGIN + _LABEL_W, _LEFT_W - _LABEL_W
    shortened: list[str] = []
    painter.setPen(_GREY)
    draw_fitted(painter, r(_MARGIN, 8.9, _LABEL_W, 4.0), tr("姓名"), 5.5, align=_TOP)
    painter.setPen(_INK)
    # The name takes what the masked ID number leaves of the line.
    id_font = card_font(6)
    id_mm = QFontMetricsF(id_font, painter.device()).horizontalAdvance(face.masked_id)
    id_mm = id_mm * MM_PER_INCH / ruler.dpi
    name = draw_fitted(
        painter,
        r(value_x, 8.4, max(16.0, value_w - id_mm - 2.2), 4.2),
        face.worker_name,
        8.5,
        min_points=6,
        bold=True,
        align=_TOP,
    )
    if name.shortened:
        shortened.append(tr("姓名"))
    id_x = value_x + name.width * MM_PER_INCH / ruler.dpi + 2.0
    masked = draw_fitted(
        painter,
        r(id_x, 9.3, _MARGIN + _LEFT_W - id_x, 3.4),
        face.masked_id,
        6,
        min_points=5,
        align=_TOP,
    )
    if masked.shortened:
        shortened.append(tr("身份证号"))
    officer = " ".join(p for p in (face.labor_officer_name, face.labor_officer_phone) if p)
    rows = [
        (tr("项目"), face.project_name, 2),
        (tr("总包单位"), face.contractor, 2),
        (tr("分包/班组"), face.subcontractor, 2),
        (tr("劳资专管员"), officer, 1),
        (tr("项目负责人"), face.manager_phone, 1),
    ]
    wages = wage_text(face.min_wage, face.pay_day)
    plan = [(label, value, lines) for label, value, lines in rows if value]
    counts = _line_counts(painter, ruler, plan, value_w, 1 if wages else 0)
    # Every row gets its line; the rows share what is left, at a pitch no smaller than
    # the smallest legible size needs.
    total = sum(counts) + (1 if wages else 0)
    pitch = min(_ROW_H, (_ROWS_END - _ROWS_TOP) / max(total, 1))
    points = min(_VALUE_POINTS, pitch / _mm_per_point_line(painter, ruler))
    low = min(_VALUE_MIN, points)
    y = _ROWS_TOP
    for (label, value, _), lines in zip(plan, counts, strict=True):
        painter.setPen(_GREY)
        draw_fitted(
            painter, r(_MARGIN, y + 0.2, _LABEL_W, pitch), label, 5.5, min_points=4.5, align=_TOP
        )
        painter.setPen(_INK)
        used = draw_fitted(
            painter,
            r(value_x, y, value_w, pitch * lines),
            value,
            points,
            min_points=low,
            lines=lines,
            align=_TOP,
        )
        if used.shortened:
            shortened.append(label)
        y += pitch * lines
    if wages:
        painter.setPen(_INK)
        used = draw_fitted(
            painter,
            r(_MARGIN, y, _LEFT_W, pitch),
            wages,
            min(6.0, points),
            min_points=low,
            align=_TOP,
        )
        if used.shortened:
            shortened.append(tr("最低工资/工资支付日"))
    return shortened


def _line_counts(
    painter: QPainter,
    ruler: Ruler,
    plan: list[tuple[str, str, int]],
    value_w: float,
    fixed: int,
) -> list[int]:
    """Lines each row needs at the smallest legible size (at most its own limit),
    taking lines back from the longest rows while they do not all fit the card."""
    font = card_font(_VALUE_MIN)
    width = ruler.px(value_w)
    counts = [
        min(limit, max(1, len(wrapped_lines(value, font, painter.device(), width))))
        for _, value, limit in plan
    ]
    pitch_min = _VALUE_MIN * _mm_per_point_line(painter, ruler)
    while counts and (sum(counts) + fixed) * pitch_min > _ROWS_END - _ROWS_TOP + 1e-6:
        # The lowest of the longest rows gives way first: the project name matters most.
        longest = max(range(len(counts)), key=lambda n: (counts[n], n))
        if counts[longest] == 1:
            break
        counts[longest] -= 1
    return counts


def _mm_per_point_line(painter: QPainter, ruler: Ruler) -> float:
    """Line spacing of the card font per point of size, in millimetres."""
    return line_spacing(10.0, painter.device()) / 10.0 * MM_PER_INCH / ruler.dpi


def _draw_qr(painter: QPainter, ruler: Ruler, face: CardFace, qr: QImage) -> None:
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    x, y, size = _qr_box(face)
    painter.drawImage(ruler.rect(x, y, size, size), qr)
    painter.setPen(_GREY)
    below = ruler.rect(x - 1.5, y + size - 0.6, size + 3, 2.6)
    draw_fitted(painter, below, valid_until(face.expiry_date), 5, min_points=4, align=_CENTER)


def _draw_phones(painter: QPainter, ruler: Ruler, face: CardFace) -> list[str]:
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
    signed_phone = draw_fitted(
        painter, r(_MARGIN + 17, 40.6, 62.6, 7.4), face.signed_phone, 19, min_points=12, bold=True
    )
    shortened = [tr("维权电话")] if signed_phone.shortened else []
    if others:
        text = "　".join(f"{phone_label(line)} {line.phone}" for line in others)
        painter.setPen(_GREY)
        if draw_fitted(painter, r(_MARGIN, 48.0, 80, 3.4), text, 6.5, min_points=5).shortened:
            shortened.append(tr("其他投诉电话"))
    return shortened
