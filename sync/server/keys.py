"""Rights-card signing keys: registration, the published list, card verification."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.domain.rights_card import KeyRing, key_id_for, verify_card
from sync.cardkeys import keyring_from_list
from sync.server.jsontext import loads
from sync.server.models import Record, Station, StationKey
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
    label: str = "",
    certified: bool = False,
    valid_from: date | None = None,
) -> StationKey:
    """Publish a station's public key. The same key again is a no-op; a different key
    with the same 4-byte id is refused (the station makes a new pair)."""
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
        label=label or station.name,
        valid_from=valid_from or now.date(),
        certified=certified,
        revoked=False,
        created_at=now,
    )
    session.add(key)
    log.info("station %s registered card key %s (certified=%s)", station.id, key_id, certified)
    return key


def key_list(session: Session) -> dict[str, Any]:
    keys = [
        {
            "key_id": key.key_id,
            "public_key": key.public_key,
            "valid_from": key.valid_from.isoformat() if key.valid_from else None,
            "valid_until": key.valid_until.isoformat() if key.valid_until else None,
            "certified": key.certified,
            "revoked": key.revoked,
            "label": key.label,
            "station_id": key.station_id,
            "org_code": key.org_code,
        }
        for key in session.scalars(select(StationKey).order_by(StationKey.created_at))
    ]
    return {"keys": keys, "revoked_cards": revoked_cards(session)}


def revoked_cards(session: Session) -> list[dict[str, Any]]:
    """Cards marked revoked in the synced card records."""
    stmt = select(Record.fields).where(
        Record.record_type == CARD, Record.fields.like('%"revoked":true%')
    )
    out = []
    for text in session.scalars(stmt):
        values = loads(text) or {}
        key_id, serial = values.get("key_id"), values.get("serial")
        if values.get("revoked") is True and _is_key_id(key_id) and isinstance(serial, int):
            out.append({"key_id": str(key_id).lower(), "serial": serial})
    return out


def verify(session: Session, qr_text: str, today: date) -> dict[str, Any]:
    """The verification answer for a scanned card text, from the published keys."""
    result = verify_card(qr_text, keyring_from_list(key_list(session)), today)
    facts = result.facts
    return {
        "ok": result.ok,
        "reason": result.reason.value,
        "message": result.message,
        "message_en": result.message_en,
        "key_certified": result.key_certified,
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
