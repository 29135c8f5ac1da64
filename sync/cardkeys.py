"""The published list of rights-card signing keys, and the KeyRing it makes.

Shape of one key (``GET /v1/keys``)::

    {"key_id": "1a2b3c4d", "public_key": "<64 hex chars>", "valid_from": "2026-01-01" | null,
     "valid_until": null, "certified": true, "revoked": false, "label": "...",
     "station_id": "...", "org_code": "370883107200"}

plus ``"revoked_cards": [{"key_id": "1a2b3c4d", "serial": 17}, ...]``. The fields
map one to one onto ``KeyRing.trust`` / ``revoke_key`` / ``revoke_card``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from broker_app.domain.rights_card import KeyRing


def keyring_from_list(document: Mapping[str, Any]) -> KeyRing:
    """A KeyRing holding every key and revocation of a published key list."""
    ring = KeyRing()
    for key in document.get("keys", []):
        public_key = bytes.fromhex(key["public_key"])
        if key.get("revoked"):
            ring.revoke_key(bytes.fromhex(key["key_id"]))
            continue
        ring.trust(
            public_key,
            valid_from=_day(key.get("valid_from")),
            valid_until=_day(key.get("valid_until")),
            certified=bool(key.get("certified")),
            label=str(key.get("label") or ""),
        )
    for card in document.get("revoked_cards", []):
        ring.revoke_card(bytes.fromhex(card["key_id"]), int(card["serial"]))
    return ring


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
