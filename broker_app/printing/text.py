"""Drawing card text into a box: shrink to fit, wrap when allowed, and shorten with a
visible "…" only as the last resort, saying so (a card never loses text silently)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QPainter, QTextLayout, QTextOption

from broker_app.printing.fonts import card_font

_STEP = 0.25  # points
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ELLIPSIS = "…"


@dataclass(frozen=True)
class Fitted:
    """What ``draw_fitted`` did: the size the text took (device pixels), the size it
    was drawn at, and whether it had to be shortened."""

    width: float
    height: float
    points: float
    shortened: bool = False


@lru_cache(maxsize=256)
def _font(points: float, bold: bool) -> QFont:
    return card_font(points, bold=bold)


def metrics(font: QFont, device: QPaintDevice) -> QFontMetricsF:
    return QFontMetricsF(font, device)


def line_spacing(points: float, device: QPaintDevice) -> float:
    """The distance between two lines of card text at ``points``, in device pixels."""
    return metrics(_font(points, False), device).lineSpacing()


def wrapped_lines(text: str, font: QFont, device: QPaintDevice, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` device pixels (words where
    there are spaces, else anywhere: Chinese breaks between any two characters)."""
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def draw_fitted(
    painter: QPainter,
    rect: QRectF,
    text: str,
    points: float,
    *,
    min_points: float | None = None,
    bold: bool = False,
    lines: int = 1,
    align: Qt.AlignmentFlag = _LEFT,
) -> Fitted:
    """Draw ``text`` in ``rect`` at the largest size from ``points`` down to
    ``min_points`` that fits on ``lines`` lines (and in the rect's height); when even
    the smallest does not fit, the last line ends in "…" and ``shortened`` is set."""
    if not text:
        return Fitted(0.0, 0.0, points)
    device = painter.device()
    size = points
    low = min_points if min_points is not None else points
    while True:
        font = _font(size, bold)
        fm = metrics(font, device)
        width = fm.horizontalAdvance(text)
        if width <= rect.width():
            painter.setFont(font)
            painter.drawText(rect, int(align), text)
            return Fitted(width, fm.height(), size)
        if lines > 1:
            broken = wrapped_lines(text, font, device, rect.width())
            high = fm.ascent() + fm.descent() + (len(broken) - 1) * fm.lineSpacing()
            if len(broken) <= lines and high <= rect.height() + 0.5:
                _draw_lines(painter, rect, broken, font, fm, align)
                return Fitted(rect.width(), high, size)
        if size - _STEP < low - 1e-9:
            break
        size -= _STEP
    shown = _shortened_lines(text, font, device, rect, lines, fm)
    _draw_lines(painter, rect, shown, font, fm, align)
    high = fm.ascent() + fm.descent() + (len(shown) - 1) * fm.lineSpacing()
    return Fitted(rect.width(), high, size, shortened=True)


def _shortened_lines(
    text: str, font: QFont, device: QPaintDevice, rect: QRectF, lines: int, fm: QFontMetricsF
) -> list[str]:
    """As many full lines as the box holds, the last one ending in "…"."""
    room = max(
        1,
        min(
            lines,
            int((rect.height() + 0.5 - fm.ascent() - fm.descent()) // max(fm.lineSpacing(), 1e-6))
            + 1,
        ),
    )
    broken = wrapped_lines(text, font, device, rect.width())
    kept = broken[: room - 1]
    rest = text[sum(len(line) for line in kept) :].strip()
    last = fm.elidedText(rest, Qt.TextElideMode.ElideRight, rect.width())
    if not last.endswith(ELLIPSIS):  # Qt elides to "" when not even "…" fits
        last = ELLIPSIS
    return [*kept, last]


def _draw_lines(
    painter: QPainter,
    rect: QRectF,
    lines: list[str],
    font: QFont,
    fm: QFontMetricsF,
    align: Qt.AlignmentFlag,
) -> None:
    painter.setFont(font)
    if len(lines) == 1:
        painter.drawText(rect, int(align), lines[0])
        return
    # Several lines from the top of the box, each placed by hand so the breaks are
    # exactly the ones measured.
    baseline = rect.top() + fm.ascent()
    for line in lines:
        x = rect.left()
        if align & Qt.AlignmentFlag.AlignRight:
            x = rect.right() - fm.horizontalAdvance(line)
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - fm.horizontalAdvance(line)) / 2
        painter.drawText(QPointF(x, baseline), line)
        baseline += fm.lineSpacing()
