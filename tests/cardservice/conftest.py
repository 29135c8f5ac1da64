"""The sync tests' fixtures (the channel server, in-process or the real process, and
enrolled stations), shared here."""

from __future__ import annotations

from tests.sync.conftest import (
    backend,
    fresh_in_process_server,
    fresh_in_process_stations,
    server,
    stations,
)

__all__ = [
    "backend",
    "fresh_in_process_server",
    "fresh_in_process_stations",
    "server",
    "stations",
]
