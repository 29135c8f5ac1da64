"""Factory of the 统计 page for the page registry; it imports the page module only
when the page is first opened."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from broker_app.ui.context import AppContext


def stats_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.stats.page import StatsPage

    return StatsPage(ctx)
