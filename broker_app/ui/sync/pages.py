"""Factory of the 同步 page for the page registry; imports the page module only when
the page is first opened."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from broker_app.ui.context import AppContext


def sync_page(ctx: AppContext) -> QWidget:
    from broker_app.ui.sync.page import SyncPage

    return SyncPage(ctx)
