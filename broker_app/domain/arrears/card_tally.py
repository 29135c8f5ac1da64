"""The cards checked on a site visit, as the broker scans or ticks them: valid are
the project's active cards seen (scanned genuine, or ticked in the project's card
list), invalid are scanned cards that failed (forged, revoked, expired, another
project's), missing are the project's active cards not seen. Each card counts once,
however often it is scanned or ticked. Pure: the caller verifies the cards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CardCounts:
    valid: int
    missing: int
    invalid: int

    @property
    def checked(self) -> int:
        return self.valid + self.missing + self.invalid


@dataclass
class CardTally:
    """The project's active card ids, and what was seen of them and of other cards."""

    active: frozenset[str]
    seen: set[str] = field(default_factory=set)
    #: A failed card's identity (key and serial, or the text when unreadable) -> why.
    failed: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, active_ids: Iterable[str]) -> CardTally:
        return cls(frozenset(active_ids))

    def see(self, card_id: str) -> bool:
        """Count one of the project's active cards as seen; False if it already was
        (or is not one of them)."""
        if card_id not in self.active or card_id in self.seen:
            return False
        self.seen.add(card_id)
        return True

    def unsee(self, card_id: str) -> None:
        self.seen.discard(card_id)

    def fail(self, identity: str, reason: str) -> bool:
        """Count a scanned card that failed; False if the same card failed before."""
        if identity in self.failed:
            return False
        self.failed[identity] = reason
        return True

    def counts(self) -> CardCounts:
        return CardCounts(
            valid=len(self.seen),
            missing=len(self.active - self.seen),
            invalid=len(self.failed),
        )
