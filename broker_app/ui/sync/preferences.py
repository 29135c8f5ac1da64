"""How often this station syncs in the background: the ``sync.interval_minutes``
setting (``services.settings.schema.SyncSettings``, kept in window.ini beside the data, so a
portable install carries its own; the settings dialog's 同步 page changes it)."""

from __future__ import annotations

from broker_app.services.settings.schema import SyncSettings
from broker_app.services.settings.storage import load_settings
from broker_app.ui.context import AppContext

DEFAULT_INTERVAL_MINUTES: int = SyncSettings.interval_minutes


def load_interval_minutes(ctx: AppContext) -> int:
    return load_settings(ctx.store).sync.interval_minutes
