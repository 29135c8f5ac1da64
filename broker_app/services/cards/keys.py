"""The station's card-signing key and the key ring that verifies cards here.

Storage:
  the private key           hex, in the station's secret store (``store.secrets``: the
                            operating system's credential store, or a file only this
                            user may read), never in the database or its backups. A
                            database restored on another PC finds none and makes a new
                            key; losing it only means new cards get a new key.
Local settings (never travel by sync):
  rights_card.keys          JSON list of known public keys: this station's own (made
                            here) and, later, other stations' keys published by the
                            county through sync; each with its service period,
                            whether the county certified it, and a label.
  rights_card.revoked_keys  JSON list of revoked key ids (hex).
  rights_card.last_serial   the last card serial this station used.
  rights_card.serials_unconfirmed
                            set when the database was restored from a backup: it may
                            lack cards issued after the backup, so its last serial may
                            be behind. Cleared when a sync brings the server's highest
                            serial of each own key; a card issued before that starts a
                            new key instead, so no serial ever repeats under a key.

Until the county certifies station keys, a station trusts its own key as configured
(``certified`` False, which verification reports). Revoked card serials are read from
the RightsCard records themselves, so revocations by any station arrive by sync.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from broker_app.domain.rights_card import KeyRing, generate_key_pair, key_id_for, public_key_for
from broker_app.store.repositories import cards as card_repo
from broker_app.store.repositories.station import get_setting, get_station, put_setting
from broker_app.store.secrets import SecretStore, signing_key_name
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)

KNOWN_KEYS = "rights_card.keys"
REVOKED_KEYS = "rights_card.revoked_keys"
LAST_SERIAL = "rights_card.last_serial"
SERIALS_UNCONFIRMED = "rights_card.serials_unconfirmed"


@dataclass(frozen=True)
class StationKey:
    """This station's current signing key. ``private_key`` never leaves the station."""

    private_key: bytes
    public_key: bytes
    created: date | None

    @property
    def key_id(self) -> bytes:
        return key_id_for(self.public_key)

    @property
    def key_id_hex(self) -> str:
        return self.key_id.hex().upper()


@dataclass(frozen=True)
class KnownKey:
    public_key: bytes
    valid_from: date | None
    valid_until: date | None
    certified: bool
    label: str
    own: bool
    revoked: bool

    @property
    def key_id_hex(self) -> str:
        return key_id_for(self.public_key).hex().upper()


def ensure_station_key(session: Transaction, secrets: SecretStore, today: date) -> StationKey:
    """The current signing key; a new pair is made when there is none (or its private
    half is not on this PC), when it was revoked, and when the database was restored
    from a backup and has not yet learnt the key's highest serial from the server."""
    current = current_station_key(session, secrets)
    unconfirmed = bool(get_setting(session, SERIALS_UNCONFIRMED))
    if unconfirmed:
        put_setting(session, SERIALS_UNCONFIRMED, "")
        log.warning("restored database, serials not confirmed by a sync: new card key")
    elif current is not None and current.key_id not in revoked_key_ids(session):
        return current
    taken = {key_id_for(k["public_key"]) for k in _known(session)}
    private_key, public_key = generate_key_pair()
    while key_id_for(public_key) in taken:  # 4-byte ids: a collision is rare, not impossible
        private_key, public_key = generate_key_pair()
    secrets.put(signing_key_name(key_id_for(public_key).hex()), private_key.hex())
    entries = _read_json(session, KNOWN_KEYS)
    entries.append(
        {
            "public_key": public_key.hex(),
            "valid_from": today.isoformat(),
            "valid_until": None,
            "certified": False,
            "label": get_station(session).name,
            "own": True,
        }
    )
    put_setting(session, KNOWN_KEYS, json.dumps(entries, ensure_ascii=False))
    log.info("new card signing key %s", key_id_for(public_key).hex().upper())
    return StationKey(private_key, public_key, today)


def current_station_key(session: Transaction, secrets: SecretStore) -> StationKey | None:
    """The newest key this database lists as its own whose private half this PC
    holds, or None (a database restored on another PC holds none)."""
    revoked = revoked_key_ids(session)
    for entry in reversed(_known(session)):
        key_id = key_id_for(entry["public_key"])
        if not entry.get("own") or key_id in revoked:
            continue
        text = secrets.get(signing_key_name(key_id.hex()))
        if not text:
            continue
        try:
            private_key = bytes.fromhex(text)
            public_key = public_key_for(private_key)
        except ValueError:
            log.error("the stored card-signing key %s is unusable", key_id.hex().upper())
            continue
        if public_key == entry["public_key"]:
            return StationKey(private_key, public_key, entry["valid_from"])
    return None


def reserve_serials(session: Transaction, count: int) -> range:
    """``count`` new card serials of this station, above every serial it has used and
    every serial the server has seen under its keys."""
    own_ids = [key_id_for(k["public_key"]).hex().upper() for k in _known(session) if k.get("own")]
    used = card_repo.highest_serial(session, own_ids)
    first = max(int(get_setting(session, LAST_SERIAL) or 0), used or 0) + 1
    if count:
        put_setting(session, LAST_SERIAL, str(first + count - 1))
    return range(first, first + count)


def build_keyring(session: Transaction) -> KeyRing:
    """Trusted keys, revoked keys and revoked card serials, as stored on this station."""
    ring = KeyRing()
    for entry in _known(session):
        try:
            ring.trust(
                entry["public_key"],
                valid_from=entry["valid_from"],
                valid_until=entry["valid_until"],
                certified=entry["certified"],
                label=entry["label"],
            )
        except ValueError:
            log.warning("skipped an unusable or colliding public key in %s", KNOWN_KEYS)
    for key_id in revoked_key_ids(session):
        ring.revoke_key(key_id)
    for key_id_hex, serial in card_repo.revoked_serials(session):
        try:
            ring.revoke_card(bytes.fromhex(key_id_hex), serial)
        except ValueError:
            log.warning("card with a malformed key id %r", key_id_hex)
    return ring


class CardKeyService:
    """Reads and changes the trust store; the sync engine publishes county keys here."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def station_key(self, today: date | None = None) -> StationKey:
        """This station's signing key, created on first use."""
        with self.store.write() as session:
            return ensure_station_key(session, self.store.secrets, today or date.today())

    def unpublished_keys(self) -> list[bytes]:
        """Public halves of this station's own keys the server has not listed yet."""
        with self.store.read() as session:
            return [
                k["public_key"]
                for k in _known(session)
                if k.get("own") and not k.get("published") and not k["valid_until"]
            ]

    def learn_serials(self, highest: dict[bytes, int]) -> None:
        """The server's highest card serial of each key (``key id -> serial``): this
        station's next serial goes above those of its own keys, and a database restored
        from a backup may issue cards under its key again."""
        with self.store.write() as session:
            own = {key_id_for(k["public_key"]) for k in _known(session) if k.get("own")}
            top = max((serial for key_id, serial in highest.items() if key_id in own), default=0)
            if top > int(get_setting(session, LAST_SERIAL) or 0):
                put_setting(session, LAST_SERIAL, str(top))
                log.info("card serials continue above %d (learnt from the server)", top)
            put_setting(session, SERIALS_UNCONFIRMED, "")

    def keyring(self) -> KeyRing:
        with self.store.read() as session:
            return build_keyring(session)

    def known_keys(self) -> list[KnownKey]:
        with self.store.read() as session:
            revoked = revoked_key_ids(session)
            return [
                KnownKey(
                    k["public_key"],
                    k["valid_from"],
                    k["valid_until"],
                    k["certified"],
                    k["label"],
                    bool(k.get("own")),
                    key_id_for(k["public_key"]) in revoked,
                )
                for k in _known(session)
            ]

    def trust_key(
        self,
        public_key: bytes,
        *,
        certified: bool,
        label: str = "",
        valid_from: date | None = None,
        valid_until: date | None = None,
    ) -> str:
        """Add or update a station's public key (e.g. certified by the county); its key id."""
        KeyRing().trust(public_key, valid_from=valid_from, valid_until=valid_until)  # checks it
        with self.store.write() as session:
            entries = _read_json(session, KNOWN_KEYS)
            existing = next((e for e in entries if e["public_key"] == public_key.hex()), None)
            entry = existing if existing is not None else {"public_key": public_key.hex()}
            entry.update(
                {
                    "valid_from": valid_from.isoformat() if valid_from else None,
                    "valid_until": valid_until.isoformat() if valid_until else None,
                    "certified": certified,
                    "label": label or entry.get("label", ""),
                    "own": entry.get("own", False),
                    # Listed by the server: an own key need not be published again.
                    "published": True,
                }
            )
            if existing is None:
                entries.append(entry)
            put_setting(session, KNOWN_KEYS, json.dumps(entries, ensure_ascii=False))
        return key_id_for(public_key).hex().upper()

    def revoke_key(self, key_id_hex: str) -> None:
        """Stop trusting every card signed with this key id. Revoking this station's own
        key makes the next issued card use a new key."""
        key_id = bytes.fromhex(key_id_hex)
        if len(key_id) != 4:
            raise ValueError("a key id has 4 bytes (8 hex digits)")
        with self.store.write() as session:
            ids = sorted(
                {*(k.hex().upper() for k in revoked_key_ids(session)), key_id.hex().upper()}
            )
            put_setting(session, REVOKED_KEYS, json.dumps(ids))
        log.warning("card key %s revoked", key_id.hex().upper())


def _read_json(session: Transaction, key: str) -> list[Any]:
    text = get_setting(session, key)
    return list(json.loads(text)) if text else []


def _known(session: Transaction) -> list[dict[str, Any]]:
    """Known keys with bytes and dates decoded."""
    out = []
    for entry in _read_json(session, KNOWN_KEYS):
        out.append(
            {
                **entry,
                "public_key": bytes.fromhex(entry["public_key"]),
                "valid_from": _day(entry.get("valid_from")),
                "valid_until": _day(entry.get("valid_until")),
                "certified": bool(entry.get("certified")),
                "label": str(entry.get("label") or ""),
            }
        )
    return out


def revoked_key_ids(session: Transaction) -> set[bytes]:
    """Key ids whose cards are no longer trusted."""
    return {bytes.fromhex(text) for text in _read_json(session, REVOKED_KEYS)}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
