"""Chart colours: the Tableau 10 set, told apart by most colour-blind readers and
dark enough for white labels to read on the larger bars; and the neutral greys
of the axes and grid."""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor

BLUE: Final = QColor("#4E79A7")
ORANGE: Final = QColor("#F28E2B")
RED: Final = QColor("#E15759")
TEAL: Final = QColor("#76B7B2")
GREEN: Final = QColor("#59A14F")
YELLOW: Final = QColor("#EDC948")
PURPLE: Final = QColor("#B07AA1")
PINK: Final = QColor("#FF9DA7")
BROWN: Final = QColor("#9C755F")
GREY: Final = QColor("#BAB0AC")

#: For series without a colour of their own, in order.
SERIES: Final = (BLUE, ORANGE, GREEN, RED, TEAL, YELLOW, PURPLE, PINK, BROWN, GREY)

GRID: Final = QColor("#E4E4E4")
AXIS: Final = QColor("#A0A0A0")
#: Text of ticks and notes, softer than the labels.
MUTED_TEXT: Final = QColor("#666666")
#: Behind the category under the mouse.
HOVER: Final = QColor(0, 0, 0, 16)
TARGET: Final = QColor("#303030")


def series_color(index: int) -> QColor:
    return SERIES[index % len(SERIES)]
