"""What a chart shows: categories along one axis and one or more series of values."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    color: QColor


@dataclass(frozen=True)
class ChartData:
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    #: Extra tooltip lines per category (aligned with ``categories``; may be empty).
    notes: tuple[str, ...] = ()
    #: A target per category (bar charts mark it), None where there is none.
    targets: tuple[float | None, ...] = ()
    #: Keys of the categories (org codes...), for clicks; may be empty.
    keys: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """Nothing to draw: no categories, or every value and target is zero."""
        if not self.categories:
            return True
        values = any(v for s in self.series for v in s.values)
        return not values and not any(t for t in self.targets if t)

    def total(self, index: int) -> float:
        return sum(s.values[index] for s in self.series)

    def note(self, index: int) -> str:
        return self.notes[index] if index < len(self.notes) else ""

    def target(self, index: int) -> float | None:
        return self.targets[index] if index < len(self.targets) else None
