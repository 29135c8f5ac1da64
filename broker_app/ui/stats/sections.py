"""Sections another feature adds to the 统计 page, each registered with one line in
``STATS_SECTIONS``.

A section is a service call that counts its figures (run on the database lane with
the page's other parts, when the page counts) and a widget that shows them below
the page's own charts. The page knows nothing else of it: a feature adds its
figures (its own service and widget modules) without editing the page, the charts
panel or the other sections.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final, Protocol

from PySide6.QtWidgets import QWidget

from broker_app.services.station_data import Store
from broker_app.ui.charts.chart import ChartView


class SectionWidget(Protocol):
    """What the page asks of a section's widget."""

    def show_figures(self, figures: Any) -> None:
        """Show what the section's ``count`` returned."""

    def charts(self) -> list[ChartView]:
        """The section's charts (the page says 正在统计 on them, and the benchmark
        waits for them)."""

    def widget(self) -> QWidget:
        """The widget placed on the page."""


@dataclass(frozen=True)
class StatsSection:
    #: A name for logs ("clues", …).
    key: str
    #: Counts the section's figures; runs off the GUI thread. (store, today) -> figures.
    count: Callable[[Store, date], Any]
    #: Builds the widget: (parent, image note for saved PNGs) -> the section.
    make: Callable[[QWidget, Callable[[], str]], SectionWidget]


#: The sections of the 统计 page after its own charts, in order.
STATS_SECTIONS: Final[tuple[StatsSection, ...]] = ()
