"""The channel server's side of the public card service (``sync.cardlink``).

The card service faces the internet, so its credential reads only what cards print
(masked as printed) and hands in clues; it never pulls records. A clue becomes a
``wage_clue`` record written by the server itself (node id ``server``) in the unit
of the project's station, checked against the record schema like any push, so the
station responsible for the project pulls it on its next sync.

A clue about a revoked or expired card is accepted: the card says nothing about
whether the wages were paid, and an expired card often means the project ended,
which is exactly when arrears come to light.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.domain.arrears.clues import ClueSource, ClueStatus
from broker_app.domain.people.privacy import mask_name
from broker_app.domain.rights_card import unverified_facts
from sync.cardlink import FEED_LIMIT, ClueRefused
from sync.hlc import HybridClock
from sync.ids import uuid7
from sync.protocol import APPLIED, CREATE, DUPLICATE
from sync.schema import CARD, PROJECT
from sync.server import auth, keys
from sync.server.identity import SERVER_NODE, Writer
from sync.server.jsontext import loads
from sync.server.models import CardClue, CardServiceCredential, Record
from sync.server.push import PushApplier
from sync.server.stations import StationError

log = logging.getLogger(__name__)
ACTIVE, REVOKED = "active", "revoked"
WAGE_CLUE = "wage_clue"
#: The parts of a key a verifier needs (not which station or unit holds it).
KEY_FIELDS = ("key_id", "public_key", "valid_from", "valid_until", "certified", "revoked", "label")
PROJECT_FIELDS = (
    "name",
    "address",
    "general_contractor",
    "subcontractor",
    "labor_officer_name",
    "labor_officer_phone",
    "min_wage",
    "pay_day",
)
COMPLAINT_PHONES = (
    ("complaint_phone_hrss", "人社部门投诉电话"),
    ("complaint_phone_housing", "住建部门投诉电话"),
    ("complaint_phone_national", "全国根治欠薪线索反映平台"),
)


# -- the credential -------------------------------------------------------------------
def enrol(session: Session, name: str, now: datetime) -> tuple[CardServiceCredential, str]:
    """A new card-service credential; the token is shown once and stored hashed."""
    service_id = uuid7()
    token, token_hash = auth.new_credential(service_id)
    row = CardServiceCredential(
        id=service_id,
        name=name.strip()[:128] or "扫码维权服务",
        status=ACTIVE,
        token_hash=token_hash,
        created_at=now,
    )
    session.add(row)
    log.info("card service %s enrolled", service_id)
    return row, token


def revoke(session: Session, service_id: str, now: datetime) -> CardServiceCredential:
    row = session.get(CardServiceCredential, service_id)
    if row is None:
        raise StationError("card_service", "没有这个扫码服务", f"no card service {service_id}", 404)
    row.status, row.token_hash, row.revoked_at = REVOKED, None, now
    log.warning("card service %s revoked", service_id)
    return row


def authenticate(session: Session, token: str) -> CardServiceCredential | None:
    """The active card service holding ``token``, or None (constant time either way)."""
    parts = auth.split_credential(token)
    if parts is None:
        auth.secret_matches("", None)
        return None
    service_id, secret = parts
    row = session.get(CardServiceCredential, service_id)
    stored = row.token_hash if row is not None and row.status == ACTIVE else None
    return row if auth.secret_matches(secret, stored) else None


# -- the feed -------------------------------------------------------------------------
def feed(session: Session, cursor: int, limit: int = FEED_LIMIT) -> dict[str, Any]:
    """Cards and projects changed after ``cursor`` (in change order), as printed, and
    the whole (small) key list each time: a key revoked by the county changes no record."""
    limit = max(1, min(limit, FEED_LIMIT))
    stmt = (
        select(Record)
        .where(Record.seq > cursor, Record.record_type.in_((CARD, PROJECT)))
        .order_by(Record.seq)
        .limit(limit + 1)
    )
    rows = list(session.scalars(stmt))
    more = len(rows) > limit
    rows = rows[:limit]
    cards, projects = [], []
    for row in rows:
        values = loads(row.fields) or {}
        if row.record_type == CARD:
            card = _card_entry(session, row, values)
            if card is not None:
                cards.append(card)
        else:
            projects.append(_project_entry(row, values))
    document = keys.key_list(session)
    return {
        "cards": cards,
        "projects": projects,
        "keys": [{name: key.get(name) for name in KEY_FIELDS} for key in document["keys"]],
        "revoked_cards": document["revoked_cards"],
        "cursor": rows[-1].seq if rows else cursor,
        "more": more,
    }


def _card_entry(session: Session, row: Record, values: dict[str, Any]) -> dict[str, Any] | None:
    key_id, serial = values.get("key_id"), values.get("serial")
    if not isinstance(key_id, str) or not isinstance(serial, int):
        return None
    name, masked_id = "", ""
    try:
        facts = unverified_facts(str(values.get("qr_text") or ""))
        name, masked_id = facts.worker_name, facts.masked_id
    except ValueError:
        worker = session.get(Record, values.get("worker_id") or "")
        name = str((loads(worker.fields) or {}).get("name") or "") if worker else ""
    return {
        "key_id": key_id.lower(),
        "serial": serial,
        "issue_date": values.get("issue_date"),
        "expiry_date": values.get("expiry_date"),
        # A card record deleted at the station: the county no longer stands behind it.
        "revoked": bool(values.get("revoked")) or row.archived,
        "worker_name": mask_name(name.rstrip("…")),
        "masked_id": masked_id,
        "project_id": values.get("project_id"),
    }


def _project_entry(row: Record, values: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": row.id, "archived": row.archived}
    entry.update({name: values.get(name) for name in PROJECT_FIELDS})
    entry["complaint_phones"] = [
        {"label": label, "phone": values[name]}
        for name, label in COMPLAINT_PHONES
        if values.get(name)
    ]
    return entry


# -- clues ----------------------------------------------------------------------------
def take_clue(
    session: Session, clue: dict[str, Any], today: date, now: datetime, wall_ms: int
) -> dict[str, Any]:
    """Store a checked clue (``cardlink.clue_fields``) as a ``wage_clue`` record in the
    unit of the project's station. A resent clue id is answered as the first time."""
    known = session.scalar(select(CardClue).where(CardClue.clue_id == clue["clue_id"]))
    if known is not None:
        return {"query_code": known.query_code, "status": DUPLICATE}
    if session.get(CardClue, clue["query_code"]) is not None:
        raise StationError("query_code_taken", "查询码重复，请重新提交", "query code taken", 409)
    project = session.get(Record, clue["project_id"])
    if project is None or project.record_type != PROJECT or project.archived:
        raise StationError("project", "没有这个项目", "no such project", 404)
    record_id = uuid7()
    fields = {
        "org_code": project.org_code,
        "project_id": project.id,
        "card_serial": clue["card_serial"],
        "card_key_id": clue["card_key_id"],
        "source": ClueSource.CARD_PAGE.value,
        "reporter_phone": clue["reporter_phone"],
        "reporter_name": clue["reporter_name"],
        "amount_owed": clue["amount_owed"],
        "months_owed": clue["months_owed"],
        "description": clue["description"],
        "query_code": clue["query_code"],
        "status": ClueStatus.RECEIVED.value,
        "received_on": today.isoformat(),
    }
    mutation = {
        "mutation_id": clue["clue_id"],
        "record_type": WAGE_CLUE,
        "record_id": record_id,
        "op": CREATE,
        "fields": fields,
        "hlc": HybridClock(SERVER_NODE, wall_ms=lambda: wall_ms).now(),
    }
    (result,) = PushApplier(session, Writer.server(), now, wall_ms).apply_batch([mutation])
    if result["status"] != APPLIED:
        # The schema refused what the checks let through: a bug on one side, logged.
        log.error("card-service clue refused by the record schema: %s", result)
        raise ClueRefused(str(result.get("message") or "线索格式不正确"), "schema refusal")
    session.add(
        CardClue(
            query_code=clue["query_code"],
            clue_id=clue["clue_id"],
            record_id=record_id,
            created_at=now,
        )
    )
    log.info("clue %s taken for project %s (unit %s)", record_id, project.id, project.org_code)
    return {"query_code": clue["query_code"], "status": APPLIED}


def progress(session: Session, query_code: str) -> dict[str, Any] | None:
    """The public part of a clue: status, the step dates and the broker's public note.
    Clues registered at a station (phone, visit) are found by their code too."""
    known = session.get(CardClue, query_code)
    row = session.get(Record, known.record_id) if known is not None else None
    if row is None:
        row = _station_clue(session, query_code)
    if row is None or row.archived:
        return None
    values = loads(row.fields) or {}
    return {
        "status": values.get("status"),
        "received_on": values.get("received_on"),
        "accepted_on": values.get("accepted_on"),
        "closed_on": values.get("closed_on"),
        "public_note": values.get("public_note") or "",
    }


def _station_clue(session: Session, query_code: str) -> Record | None:
    """A clue a station registered (not handed in by the card service). The code is
    checked to be a query code before it reaches the LIKE pattern."""
    pattern = f'%"query_code":"{query_code}"%'
    stmt = select(Record).where(Record.record_type == WAGE_CLUE, Record.fields.like(pattern))
    return session.scalars(stmt.limit(1)).first()
