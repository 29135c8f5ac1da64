"""Factory of the 劳务输出 page for the page registry; it imports the page module only
when the page is first opened."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from broker_app.ui.context import AppContext


def dispatch_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.dispatch.page import DispatchPage

    return DispatchPage(ctx)
