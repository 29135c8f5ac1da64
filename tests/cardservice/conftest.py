"""The sync tests' fixtures (the real channel server, enrolled stations), shared here."""

from __future__ import annotations

from tests.sync.conftest import backend, server, stations

__all__ = ["backend", "server", "stations"]
