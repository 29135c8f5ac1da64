"""Axis ticks and number labels (no drawing)."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

_STEPS = (1, 2, 5, 10)


def nice_ticks(maximum: float, count: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least ``maximum``, about ``count`` steps of
    1, 2 or 5 times a power of ten (counts of people are whole numbers)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in _STEPS if m * magnitude >= raw)
    step = max(1, int(step))
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def count_text(value: float) -> str:
    """A count as people read it: 12,345."""
    return QLocale().toString(round(value))


def tick_text(value: float) -> str:
    """A tick label: 5,000, then 1万, 1.5万 from ten thousand on (the way Chinese
    reports write large counts, and short enough for a narrow axis)."""
    number = round(value)
    if abs(number) < 10_000:
        return count_text(number)
    if number % 10_000 == 0:
        return f"{number // 10_000}万"
    return f"{number / 10_000:.1f}万"


def percent_text(share: float) -> str:
    return f"{share * 100:.1f}%"
