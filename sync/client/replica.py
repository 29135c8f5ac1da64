"""What a sync round needs from the station's local database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sync.county_policy import CountyPolicy
from sync.protocol import Mutation, PullPage, PushResult


@dataclass(frozen=True)
class PushTally:
    """How the server's answers to one pushed batch were recorded locally."""

    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    #: Field conflicts the server reported on applied items.
    conflicts: int = 0
    #: Applied workers that share an ID number with another station's record.
    duplicate_people: int = 0
    #: Items left pending (no answer for them).
    unanswered: int = 0


@dataclass(frozen=True)
class PageTally:
    """What applying one pulled page did."""

    received: int = 0
    #: Inserted or changed locally.
    written: int = 0
    #: Waiting for a parent record that is not here yet.
    parked: int = 0
    #: Earlier parked records that could now be written.
    unparked: int = 0
    #: Records deleted because they left this station's scope (and their dependants).
    departed: int = 0


class Replica(Protocol):
    def pending(self, limit: int) -> list[Mutation]:
        """The oldest unsent mutations, in outbox order."""
        ...

    def pending_count(self) -> int: ...

    def record_push(self, sent: Sequence[Mutation], results: Sequence[PushResult]) -> PushTally:
        """Mark each item from the server's own answer: acknowledged, or quarantined
        with the reason. Items without an answer stay pending."""
        ...

    def cursor(self) -> int: ...

    def prepare(self, page: PullPage) -> None:
        """Start work on a fetched page that needs nothing of the pages before it
        (called in the fetching thread, while the page before is applied)."""
        ...

    def apply_page(self, page: PullPage) -> PageTally:
        """Merge a page and store its cursor, in the same local transaction (which a
        large pull's next pages may share: ``finish_pull`` commits what is open)."""
        ...

    def finish_share(self) -> float:
        """How long ``finish_pull`` will take, as a share of the pull's own time (0:
        nothing deferred), for the time left a person is shown."""
        ...

    def finish_pull(self, say: Callable[[str], None]) -> None:
        """Called once a round's pull stops, caught up or not (cancelled, the network
        lost): commit the pages applied, and finish what the replica deferred while
        pages came in, telling ``say`` what it does when that takes time."""
        ...

    def replace_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        """The server's open conflicts in this station's scope, for people to see."""
        ...

    def store_keys(self, document: dict[str, Any]) -> None:
        """The published rights-card key list, for verifying cards offline (and the
        highest serial the server holds under each of this station's keys)."""
        ...

    def store_county_policy(self, policy: CountyPolicy) -> None:
        """What the county set for every station, into this station's settings (parts
        the county has not set leave the station's own values alone)."""
        ...

    def unpublished_keys(self) -> list[bytes]:
        """Public halves of this station's own card keys not yet on the server."""
        ...
