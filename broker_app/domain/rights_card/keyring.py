"""The verifier's trust store: station keys, revoked keys, revoked card serials.

Its contents come from the county by sync; this module only holds and answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .keys import key_id_for


@dataclass(frozen=True)
class TrustedKey:
    """A station's public key and the issue dates it may sign for.

    ``valid_from`` / ``valid_until`` bound the card's *issue date*, not today: a
    card issued while the key was in service stays good until its own expiry
    after the key is retired. ``certified`` is True once the county has
    certified the key; a station trusts its own uncertified key meanwhile.
    """

    public_key: bytes
    valid_from: date | None = None
    valid_until: date | None = None
    certified: bool = False
    label: str = ""

    def __post_init__(self) -> None:
        key_id_for(self.public_key)  # checks the length
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError("key valid_from is after valid_until")

    @property
    def key_id(self) -> bytes:
        return key_id_for(self.public_key)

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public_key)


@dataclass
class KeyRing:
    """Trusted keys by key id, revoked key ids and revoked card serials per key id."""

    trusted: dict[bytes, TrustedKey] = field(default_factory=dict)
    revoked_keys: set[bytes] = field(default_factory=set)
    revoked_cards: dict[bytes, set[int]] = field(default_factory=dict)

    def trust(
        self,
        public_key: bytes,
        *,
        valid_from: date | None = None,
        valid_until: date | None = None,
        certified: bool = False,
        label: str = "",
    ) -> bytes:
        """Add (or update) a trusted key and return its key id.

        Raises ValueError for a malformed key or when a *different* key already
        holds the same 4-byte id: silently replacing it would make genuine cards
        of the other station fail.
        """
        key = TrustedKey(public_key, valid_from, valid_until, certified, label)
        key.verifier()  # rejects bytes that are not a valid Ed25519 point
        existing = self.trusted.get(key.key_id)
        if existing is not None and existing.public_key != public_key:
            raise ValueError("another trusted key already has this key id")
        self.trusted[key.key_id] = key
        return key.key_id

    def revoke_key(self, key_id: bytes) -> None:
        self.revoked_keys.add(bytes(key_id))

    def revoke_card(self, key_id: bytes, serial: int) -> None:
        self.revoked_cards.setdefault(bytes(key_id), set()).add(serial)

    def is_card_revoked(self, key_id: bytes, serial: int) -> bool:
        return serial in self.revoked_cards.get(key_id, ())
