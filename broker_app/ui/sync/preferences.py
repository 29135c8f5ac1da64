"""How often this station syncs in the background, kept with the window's settings
beside the data (a portable install carries its own)."""

from __future__ import annotations

from broker_app.ui.context import AppContext

_INTERVAL_KEY = "sync/interval_minutes"
DEFAULT_INTERVAL_MINUTES = 10
MIN_INTERVAL_MINUTES = 1
MAX_INTERVAL_MINUTES = 24 * 60


def load_interval_minutes(ctx: AppContext) -> int:
    value = ctx.ui_settings().value(_INTERVAL_KEY, DEFAULT_INTERVAL_MINUTES)
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_INTERVAL_MINUTES
    return max(MIN_INTERVAL_MINUTES, min(MAX_INTERVAL_MINUTES, minutes))


def save_interval_minutes(ctx: AppContext, minutes: int) -> None:
    minutes = max(MIN_INTERVAL_MINUTES, min(MAX_INTERVAL_MINUTES, minutes))
    ctx.ui_settings().setValue(_INTERVAL_KEY, minutes)
