"""``list KIND``: every record of one kind, for people and for scripts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from broker_app.store.base import SyncedRecord
from broker_app.store.models import RECORD_TYPES
from broker_app.store.repositories.records import iter_wire
from broker_app.store.store import Store

#: Command-line names of the record kinds.
KINDS: dict[str, str] = {
    "workers": "worker",
    "jobs": "job",
    "matches": "match",
    "batches": "batch",
    "batch-members": "batch_member",
    "projects": "project",
    "cards": "card",
    "follow-ups": "follow_up",
    "trainings": "training",
}


def record_class(kind: str) -> type[SyncedRecord]:
    return RECORD_TYPES[KINDS[kind]]


def iter_records(
    store: Store, kind: str, *, include_archived: bool = False
) -> Iterator[dict[str, Any]]:
    with store.read() as session:
        yield from iter_wire(session, record_class(kind), include_archived=include_archived)
