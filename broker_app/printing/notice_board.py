"""The 维权信息告示牌 (notice board) of a project, A4 or A3 portrait.

Drawn once in A4 millimetres; on A3 the painter is scaled by √2, so both papers
show the same board, the A3 one readable from further away. From top to bottom:
the title, the project and who answers for wages, the complaint phones (the largest
text after the title), then the QR with what scanning it does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPen

from broker_app.printing.labels import phone_label, tr
from broker_app.printing.pdf import write_a4_pdf
from broker_app.printing.qr_image import matrix_image
from broker_app.printing.render import ruler_for
from broker_app.printing.text import draw_fitted
from broker_app.printing.units import Ruler
from broker_app.services.cards.notice_board import NoticeBoard

A4_MM = (210.0, 297.0)
PAPER_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
#: A3 is A4 scaled by this factor (both sides).
_SCALE = {"A4": 1.0, "A3": 297.0 / 210.0}
_MARGIN = 15.0
_WIDTH = A4_MM[0] - 2 * _MARGIN
#: The QR with its quiet zone: about 0.8 mm a module at version 8 on A4.
_QR_MM = 62.0
_INK = QColor(0, 0, 0)
_RED = QColor(190, 20, 20)
_GREY = QColor(90, 90, 90)
_CENTER = Qt.AlignmentFlag.AlignCenter
_TOP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def write_notice_board_pdf(board: NoticeBoard, out: Path, paper: str = "A4") -> None:
    """Write the board to ``out`` (one page of ``paper``: "A4" or "A3")."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {sorted(PAPER_SIZES)}")

    def paint(painter: QPainter, _new_page: Callable[[], bool]) -> int:
        paint_notice_board(painter, board, paper)
        return 1

    write_a4_pdf(out, tr("维权信息告示牌"), paint, PAPER_SIZES[paper])


def paint_notice_board(painter: QPainter, board: NoticeBoard, paper: str = "A4") -> None:
    """The board on the painter's page, origin at the paper's top-left corner."""
    ruler = ruler_for(painter)
    painter.save()
    painter.scale(_SCALE[paper], _SCALE[paper])
    _title(painter, ruler)
    y = _facts(painter, ruler, board, 42.0)
    _phones(painter, ruler, board, max(y + 4.0, 150.0))
    _qr(painter, ruler, board)
    painter.setPen(_GREY)
    foot = tr("%1 制").replace("%1", board.station_name) if board.station_name else ""
    draw_fitted(
        painter,
        ruler.rect(_MARGIN, 282.0, _WIDTH, 6.0),
        "　".join(p for p in (tr("请张贴在工地出入口、生活区等醒目位置"), foot) if p),
        9,
        min_points=7,
        align=_CENTER,
    )
    painter.restore()


def _title(painter: QPainter, ruler: Ruler) -> None:
    painter.setPen(_RED)
    draw_fitted(
        painter,
        ruler.rect(_MARGIN, 14.0, _WIDTH, 16.0),
        tr("农民工工资维权信息告示牌"),
        32,
        min_points=20,
        bold=True,
        align=_CENTER,
    )
    painter.setPen(QPen(_RED, ruler.px(1.2)))
    painter.drawLine(QLineF(ruler.point(_MARGIN, 33.0), ruler.point(A4_MM[0] - _MARGIN, 33.0)))


def _facts(painter: QPainter, ruler: Ruler, board: NoticeBoard, y: float) -> float:
    """The project and the people who answer for wages; returns the y below them."""
    painter.setPen(_INK)
    used = draw_fitted(
        painter,
        ruler.rect(_MARGIN, y, _WIDTH, 20.0),
        board.project_name,
        22,
        min_points=14,
        bold=True,
        lines=2,
        align=_TOP,
    )
    y += max(12.0, used.height * 25.4 / ruler.dpi + 3.0)
    officer = " ".join(p for p in (board.labor_officer_name, board.labor_officer_phone) if p)
    period = " — ".join(d.isoformat() for d in (board.start_date, board.end_date) if d)
    rows = [
        (tr("工程地址"), board.address),
        (tr("施工总承包单位"), board.contractor),
        (tr("劳务分包单位"), board.subcontractor),
        (tr("劳资专管员"), officer),
        (tr("项目负责人电话"), board.manager_phone),
        (
            tr("工资支付日"),
            tr("每月%1日").replace("%1", str(board.pay_day)) if board.pay_day else "",
        ),
        (
            tr("当地最低工资标准"),
            tr("%1元/月").replace("%1", str(board.min_wage)) if board.min_wage else "",
        ),
        (tr("工期"), period),
    ]
    for label, value in rows:
        if not value:
            continue
        painter.setPen(_GREY)
        draw_fitted(painter, ruler.rect(_MARGIN, y, 42.0, 9.0), label, 13, min_points=10)
        painter.setPen(_INK)
        draw_fitted(
            painter,
            ruler.rect(_MARGIN + 44.0, y, _WIDTH - 44.0, 9.0),
            value,
            15,
            min_points=10,
            bold=label == tr("劳资专管员"),
        )
        y += 10.5
    return y


def _phones(painter: QPainter, ruler: Ruler, board: NoticeBoard, y: float) -> None:
    painter.setPen(QPen(_RED, ruler.px(0.6)))
    painter.drawRect(ruler.rect(_MARGIN, y, _WIDTH, 12.0 + 13.0 * len(board.phones)))
    painter.setPen(_RED)
    draw_fitted(
        painter,
        ruler.rect(_MARGIN + 4.0, y + 2.0, _WIDTH - 8.0, 10.0),
        tr("工资被拖欠？请拨打投诉举报电话"),
        20,
        min_points=14,
        bold=True,
        align=_CENTER,
    )
    y += 13.0
    for line in board.phones:
        painter.setPen(_INK)
        draw_fitted(
            painter,
            ruler.rect(_MARGIN + 8.0, y, 62.0, 12.0),
            phone_label(line),
            16,
            min_points=11,
            align=_MIDDLE,
        )
        draw_fitted(
            painter,
            ruler.rect(_MARGIN + 72.0, y, _WIDTH - 76.0, 12.0),
            line.phone,
            28,
            min_points=18,
            bold=True,
            align=_MIDDLE,
        )
        y += 13.0


def _qr(painter: QPainter, ruler: Ruler, board: NoticeBoard) -> None:
    top = 278.0 - _QR_MM
    left = A4_MM[0] - _MARGIN - _QR_MM
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    painter.drawImage(ruler.rect(left, top, _QR_MM, _QR_MM), matrix_image(board.scan.symbol()))
    lines: tuple[str, ...]
    if board.online:
        lines = (
            tr("微信扫一扫"),
            tr("查看项目和维权信息"),
            tr("一键投诉欠薪"),
            tr("查询投诉进度和处理结果"),
        )
    else:
        lines = (tr("手机扫一扫"), tr("查看投诉电话"))
    painter.setPen(_INK)
    y = top + 10.0
    for n, text in enumerate(lines):
        draw_fitted(
            painter,
            ruler.rect(_MARGIN, y, left - _MARGIN - 6.0, 11.0),
            text,
            22 if n == 0 else 17,
            min_points=12,
            bold=n == 0,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
        y += 12.0
