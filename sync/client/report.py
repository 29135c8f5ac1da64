"""What one sync round did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sync.client.errors import SyncError
from sync.client.replica import PageTally, PushTally


@dataclass(frozen=True)
class Rejection:
    record_type: str
    record_id: str
    code: str
    message: str


@dataclass
class SyncReport:
    started_at: datetime
    finished_at: datetime | None = None
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    #: Field conflicts the server reported for what this station pushed.
    conflicts: int = 0
    duplicate_people: int = 0
    pulled: int = 0
    written: int = 0
    parked: int = 0
    unparked: int = 0
    #: Records deleted here because they left this station's scope.
    departed: int = 0
    cursor: int = 0
    #: Unresolved conflicts in this station's scope after the round.
    open_conflicts: int = 0
    cancelled: bool = False
    error: SyncError | None = None
    #: The server's clock minus this PC's (ms), when the server answered.
    clock_offset_ms: int | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled

    def add_push(self, sent: int, tally: PushTally) -> None:
        self.pushed += sent
        self.applied += tally.applied
        self.duplicates += tally.duplicates
        self.rejected += tally.rejected
        self.conflicts += tally.conflicts
        self.duplicate_people += tally.duplicate_people

    def add_page(self, tally: PageTally, cursor: int) -> None:
        self.pulled += tally.received
        self.written += tally.written
        self.parked += tally.parked
        self.unparked += tally.unparked
        self.departed += tally.departed
        self.cursor = cursor
