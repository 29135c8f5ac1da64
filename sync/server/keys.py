"""Rights-card signing keys: registration, the published list, card verification, and
the county's acts on keys (certify, withdraw a certification, revoke).

A key's label is always the issuing station's name in the server's register, never
text the station chose: a verifier reads "由 <station> 签发" from the county's word.
A card record may only carry a key the pushing station may issue under
(``card_key_refusal``).
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.domain.rights_card import KeyRing, key_id_for, verify_card
from sync.cardkeys import keyring_from_list
from sync.server.identity import Writer
from sync.server.jsontext import loads
from sync.server.models import Record, Station, StationKey
from sync.server.scope import Scope
from sync.server.stations import StationError

log = logging.getLogger(__name__)
CARD = "card"


def parse_public_key(text: str) -> bytes:
    """Raw bytes of a public key written as 64 hex characters."""
    try:
        value = bytes.fromhex(text)
    except ValueError:
        value = b""
    if len(value) != 32:
        raise StationError("public_key", "公钥格式不正确", "public_key must be 64 hex characters")
    return value


def register_key(
    session: Session,
    station: Station,
    public_key: bytes,
    now: datetime,
    *,
    certified: bool = False,
    valid_from: date | None = None,
) -> StationKey:
    """Publish a station's public key. The same key again is a no-op; a different key
    with the same 4-byte id is refused (the station makes a new pair). The key is
    labelled with the station's registered name."""
    try:
        KeyRing().trust(public_key)  # checks length and that it is an Ed25519 point
    except ValueError as exc:
        raise StationError("public_key", "公钥格式不正确", f"bad public key: {exc}") from exc
    key_id = key_id_for(public_key).hex()
    existing = session.get(StationKey, key_id)
    if existing is not None:
        if existing.public_key != public_key.hex() or existing.station_id != station.id:
            raise StationError(
                "key_id_taken",
                "密钥编号与已有密钥重复，请重新生成密钥",
                "another key already has this key id; generate a new pair",
                409,
            )
        return existing
    key = StationKey(
        key_id=key_id,
        public_key=public_key.hex(),
        station_id=station.id,
        org_code=station.org_code,
        label=station.name,
        valid_from=valid_from or now.date(),
        certified=certified,
        certified_at=now if certified else None,
        revoked=False,
        created_at=now,
        max_serial=0,
    )
    session.add(key)
    log.info("station %s registered card key %s (certified=%s)", station.id, key_id, certified)
    return key


def key_list(session: Session) -> dict[str, Any]:
    stmt = (
        select(StationKey, Station.name)
        .join(Station, Station.id == StationKey.station_id)
        .order_by(StationKey.created_at, StationKey.key_id)
    )
    keys = [key_entry(key, name) for key, name in session.execute(stmt)]
    return {"keys": keys, "revoked_cards": revoked_cards(session)}


def key_entry(key: StationKey, station_name: str) -> dict[str, Any]:
    """One key as published; the label is the station's name in the register."""
    return {
        "key_id": key.key_id,
        "public_key": key.public_key,
        "valid_from": key.valid_from.isoformat() if key.valid_from else None,
        "valid_until": key.valid_until.isoformat() if key.valid_until else None,
        "certified": key.certified,
        "revoked": key.revoked,
        "label": station_name,
        "station_id": key.station_id,
        "org_code": key.org_code,
        "max_serial": key.max_serial or 0,
    }


def card_key_refusal(session: Session, writer: Writer, key_ids: list[Any]) -> bool:
    """True when a card record names a key this writer may not issue or revoke under:
    a village station only its own keys, a township or the county the keys of stations
    in its scope. An unknown or malformed key id is refused too (no one could verify
    such a card). The server's own writes may touch any card."""
    if writer.scope is None:
        return False
    for value in key_ids:
        key = session.get(StationKey, value.lower()) if _is_key_id(value) else None
        if key is None:
            return True
        if key.station_id == writer.station_id:
            continue
        # A village's scope is the village itself: another station's key there is
        # still not its own. Above a village, every key of a station in scope.
        if writer.scope.prefix == writer.scope.org_code or not writer.can_write(key.org_code):
            return True
    return False


def note_serial(session: Session, key_id: Any, serial: Any) -> None:
    """Raise the key's highest stored serial to ``serial`` (a card was stored)."""
    if not _is_key_id(key_id) or not isinstance(serial, int) or isinstance(serial, bool):
        return
    key = session.get(StationKey, key_id.lower())
    if key is not None and 0 < serial <= 2**62 and serial > (key.max_serial or 0):
        key.max_serial = serial


# -- the county's acts on keys (command line) ----------------------------------------
def find_key(session: Session, key_id: str) -> StationKey:
    key = session.get(StationKey, key_id.strip().lower())
    if key is None:
        raise StationError("key", "没有这个密钥", f"no key {key_id}", 404)
    return key


def certify(session: Session, key_id: str, now: datetime) -> StationKey:
    """The county vouches for the key: cards it signs verify as certified."""
    key = find_key(session, key_id)
    if key.revoked:
        raise StationError("key_revoked", "该密钥已吊销，不能认证", "key is revoked", 409)
    key.certified = True
    key.certified_at = now
    log.info("card key %s certified", key.key_id)
    return key


def withdraw_certification(session: Session, key_id: str) -> StationKey:
    """Take back the county's certification (cards verify as signed but uncertified)."""
    key = find_key(session, key_id)
    key.certified = False
    key.certified_at = None
    log.info("card key %s certification withdrawn", key.key_id)
    return key


def revoke_key(session: Session, key_id: str) -> StationKey:
    """Stop trusting every card signed with the key (a lost or stolen PC)."""
    key = find_key(session, key_id)
    key.revoked = True
    key.certified = False
    log.warning("card key %s revoked", key.key_id)
    return key


def list_keys(session: Session) -> list[dict[str, Any]]:
    return list(key_list(session)["keys"])


def revoked_cards(session: Session) -> list[dict[str, Any]]:
    """Cards marked revoked in the synced card records.

    Pushes are checked (``card_key_refusal``), but a record stored before that check
    existed may revoke another village's card: a revocation counts only when the
    record's unit and the key's unit lie on one line (the same village, or one holds
    the other), as every genuine revocation does."""
    rows = session.execute(select(StationKey.key_id, StationKey.org_code))
    key_units = {key_id: unit for key_id, unit in rows}
    stmt = select(Record.fields, Record.org_code).where(
        Record.record_type == CARD, Record.fields.like('%"revoked":true%')
    )
    out = []
    for text, record_unit in session.execute(stmt):
        values = loads(text) or {}
        key_id, serial = values.get("key_id"), values.get("serial")
        if values.get("revoked") is not True or not _is_key_id(key_id):
            continue
        key_unit = key_units.get(str(key_id).lower())
        if not isinstance(serial, int) or key_unit is None:
            continue
        if Scope(record_unit).contains(key_unit) or Scope(key_unit).contains(record_unit):
            out.append({"key_id": str(key_id).lower(), "serial": serial})
    return out


def verify(session: Session, qr_text: str, today: date) -> dict[str, Any]:
    """The verification answer for a scanned card text, from the published keys; it
    names the issuing station as the register knows it."""
    result = verify_card(qr_text, keyring_from_list(key_list(session)), today)
    facts = result.facts
    return {
        "ok": result.ok,
        "reason": result.reason.value,
        "message": result.message,
        "message_en": result.message_en,
        "key_certified": result.key_certified,
        "issuer": result.issuer,
        "facts": None
        if facts is None
        else {
            "serial": facts.serial,
            "worker_name": facts.worker_name,
            "masked_id": facts.masked_id,
            "project_name": facts.project_name,
            "contractor": facts.contractor,
            "complaint_phone": facts.complaint_phone,
            "issue_date": facts.issue_date.isoformat(),
            "expiry_date": facts.expiry_date.isoformat(),
            "key_id": facts.key_id.hex(),
        },
    }


def _is_key_id(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 8:
        return False
    try:
        bytes.fromhex(value)
    except ValueError:
        return False
    return True
