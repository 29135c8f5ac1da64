"""What the outbox holds, for the status bar and the command line."""

from __future__ import annotations

from broker_app.store.repositories import outbox as repo
from broker_app.store.store import Store


def pending_changes(store: Store) -> int:
    """Local writes committed here and not yet pushed to the channel server."""
    with store.read() as session:
        return repo.pending_count(session)
