"""The printer calibration page: where the cards of a layout would go, and two lines
at a known distance from the paper's edges to measure with a ruler. Printed at 100%,
the difference between what is measured and what is written is the printer's offset
(``cards.offset_x_mm`` / ``cards.offset_y_mm``, subtracted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from broker_app.printing.labels import tr
from broker_app.printing.pdf import write_a4_pdf
from broker_app.printing.render import Offset, ruler_for
from broker_app.printing.sheets import A4_MM, SheetLayout, draw_cut_marks, draw_outline
from broker_app.printing.text import draw_fitted

#: The measuring lines: this far from the paper's left and top edges when the
#: printer prints where it is told.
GAUGE_MM = 30.0


def write_test_page(out: Path, layout: SheetLayout, *, offset_mm: Offset = (0.0, 0.0)) -> None:
    def paint(painter: QPainter, _new_page: Callable[[], bool]) -> int:
        paint_test_page(painter, layout, offset_mm)
        return 1

    write_a4_pdf(out, tr("打印机校准测试页"), paint)


def paint_test_page(painter: QPainter, layout: SheetLayout, offset_mm: Offset) -> None:
    ruler = ruler_for(painter)
    painter.save()
    painter.translate(ruler.point(*offset_mm))
    draw_cut_marks(painter, ruler, layout)
    for index in range(layout.per_page):
        draw_outline(painter, ruler, layout, index)
        if not layout.cut:  # pre-cut labels: their outline, to hold against the sheet
            x, y = layout.slot_mm(index)
            painter.setPen(QPen(QColor(150, 150, 150), ruler.px(0.1)))
            painter.drawRect(ruler.rect(x, y, *layout.item_mm))
    painter.setPen(QPen(QColor(0, 0, 0), ruler.px(0.3)))
    width, height = A4_MM
    painter.drawLine(QLineF(ruler.point(GAUGE_MM, 40), ruler.point(GAUGE_MM, height - 40)))
    painter.drawLine(QLineF(ruler.point(40, GAUGE_MM), ruler.point(width - 40, GAUGE_MM)))
    lines = (
        tr("打印机校准测试页：请用“实际大小（100%）”打印"),
        tr("用尺量：竖线到纸张左边、横线到纸张上边，都应为 %1 毫米").replace("%1", f"{GAUGE_MM:g}"),
        tr("量得多几毫米，就把偏移减去几；少几毫米，就加上几"),
        tr("本页已按偏移打印：向右 %1 毫米，向下 %2 毫米")
        .replace("%1", f"{offset_mm[0]:g}")
        .replace("%2", f"{offset_mm[1]:g}"),
        tr("设置：设置 → 维权卡，或命令 settings set cards.offset_x_mm 数值"),
    )
    painter.setPen(QColor(0, 0, 0))
    y = height / 2 - 20
    for line in lines:
        draw_fitted(
            painter,
            ruler.rect(45, y, width - 90, 6),
            line,
            11,
            min_points=7,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        )
        y += 8
    painter.restore()
