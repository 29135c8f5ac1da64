"""What a write changed, as the views receive it (Anki's ``OpChanges``).

Services return a ``Change`` from each write; the window broadcasts it on one signal and
each view asks ``change.touches(RecordKind.JOB, RecordKind.MATCH)`` to decide whether it
must refresh. The record kinds are an enum so a misspelt kind fails at import, not
silently as a view that never refreshes. The values are the wire record types, so a
kind read from sync (``RecordKind(record_type)``) is the same member.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class RecordKind(StrEnum):
    """Every kind of thing a view may watch: the synced records and the station itself."""

    WORKER = "worker"
    JOB = "job"
    MATCH = "match"
    BATCH = "batch"
    BATCH_MEMBER = "batch_member"
    PROJECT = "project"
    CARD = "card"
    FOLLOW_UP = "follow_up"
    TRAINING = "training"
    WAGE_CLUE = "wage_clue"
    INSPECTION = "inspection"
    SITE_PROBLEM = "site_problem"
    #: This station's own settings (org unit, operator, PIN, targets, sync state).
    STATION = "station"


class Op(StrEnum):
    """The operation, with the values the outbox records."""

    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"


@dataclass(frozen=True)
class Change:
    """What one write changed: broadcast to the views, which decide whether to refresh."""

    kind: RecordKind
    op: Op
    record_ids: tuple[str, ...] = ()
    fields: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *kinds: RecordKind) -> bool:
        """True when this change is about one of ``kinds``."""
        return self.kind in kinds
