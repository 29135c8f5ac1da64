"""Stations: issuing enrolment codes, enrolling, authenticating, revoking."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from broker_app.domain.common.errors import UserError
from sync.hlc import is_node_id
from sync.ids import uuid7
from sync.server import auth
from sync.server.identity import SERVER_NODE
from sync.server.models import EnrolmentCode, OrgUnit, Station, StationKey

log = logging.getLogger(__name__)

PENDING, ACTIVE, REVOKED = "pending", "active", "revoked"
DEFAULT_CODE_HOURS = 72


class StationError(UserError):
    """A refusal with a Chinese and an English reason and the HTTP status to answer."""

    def __init__(self, code: str, message: str, message_en: str, status: int = 400) -> None:
        super().__init__(message, message_en)
        self.code = code
        self.status = status

    def __str__(self) -> str:
        return self.message_en  # the server's log quotes it


@dataclass(frozen=True)
class Enrolment:
    station: Station
    credential: str
    org_name: str


def issue_code(
    session: Session,
    org_code: str,
    name: str,
    now: datetime,
    hours: int = DEFAULT_CODE_HOURS,
    station_id: str | None = None,
) -> tuple[Station, str]:
    """A new station awaiting enrolment (or a fresh code for ``station_id``) and its
    one-time code.

    A fresh code for an existing station is re-enrolment (a replaced PC, a station
    restored from a backup, or one the county revoked and now restores): spending it
    keeps the station's id, unit, name and history, and replaces its credential, so
    the old one stops working. Codes issued for it earlier and not yet spent are
    withdrawn. ``org_code`` may then be empty (the station's own unit); another
    unit is refused: a station never changes unit by re-enrolment."""
    if station_id is not None and not org_code:
        found = session.get(Station, station_id)
        org_code = found.org_code if found is not None else ""
    unit = session.get(OrgUnit, org_code)
    if unit is None:
        raise StationError(
            "org_code",
            f"“{org_code}”不是已载入的区划代码",
            f"{org_code!r} is not a loaded org unit",
        )
    if station_id is None:
        station = Station(
            id=uuid7(),
            org_code=org_code,
            name=name or f"{unit.short_name}就业服务驿站",
            status=PENDING,
            created_at=now,
        )
        session.add(station)
        session.flush()  # the code row refers to it
    else:
        found = session.get(Station, station_id)
        if found is None:
            raise StationError("station", "没有这个驿站", f"no station {station_id}", 404)
        if found.org_code != org_code:
            raise StationError(
                "org_code",
                "重新注册不能改变驿站所属单位",
                "re-enrolment cannot change the station's unit",
            )
        station = found
        session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.station_id == station.id, EnrolmentCode.used_at.is_(None))
            .values(used_at=now)
        )
        log.info("re-enrolment code issued for station %s (%s)", station.id, station.status)
    code = auth.new_enrolment_code()
    session.add(
        EnrolmentCode(
            code_hash=auth.code_digest(code),
            station_id=station.id,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    session.flush()
    return station, code


def enrol(
    session: Session, code: str, node_id: str, now: datetime, expected_org: str | None = None
) -> Enrolment:
    """Spend a one-time code: the station becomes active with a new credential.

    ``expected_org``: the unit the station's data already belongs to; a code issued
    for another unit is refused without being spent.
    """
    if not is_node_id(node_id) or node_id == SERVER_NODE:
        # The node id ends every stamp the station writes: the stamp grammar must hold
        # for it, and the server's own node (its resolutions and merges) is not for
        # a station to sign with. Checked before the code is spent.
        raise StationError(
            "node_id",
            "本站数据库的节点编号不合格，请升级程序后重试",
            f"node id {node_id[:80]!r} is malformed or reserved",
        )
    code_hash = auth.code_digest(code)
    if expected_org:
        issued_for = session.scalar(
            select(Station.org_code)
            .join(EnrolmentCode, EnrolmentCode.station_id == Station.id)
            .where(EnrolmentCode.code_hash == code_hash, EnrolmentCode.used_at.is_(None))
        )
        if issued_for is not None and issued_for != expected_org:
            # The answer does not name the code's unit: whoever holds a code meant
            # for another village learns nothing about it.
            log.warning("enrolment refused: code for %s, station serves %s", issued_for,
                        expected_org)  # fmt: skip
            raise StationError(
                "org_mismatch",
                "这个注册码不是为本驿站所属单位签发的；请联系县人社局",
                "the code was issued for another unit",
                409,
            )
    spent = session.execute(
        update(EnrolmentCode)
        .where(
            EnrolmentCode.code_hash == code_hash,
            EnrolmentCode.used_at.is_(None),
            EnrolmentCode.expires_at > now,
        )
        .values(used_at=now)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        log.warning("enrolment refused: unknown, used or expired code")
        raise StationError(
            "enrolment_code",
            "注册码无效、已使用或已过期，请向县人社局重新申请",
            "enrolment code unknown, already used or expired",
            403,
        )
    station_id = session.scalar(
        select(EnrolmentCode.station_id).where(EnrolmentCode.code_hash == code_hash)
    )
    station = session.get(Station, station_id)
    assert station is not None
    # A revoked station's unspent codes were withdrawn when it was revoked: a code
    # that still works was issued since, which is the county restoring the station.
    if station.status == REVOKED:
        log.info("station %s restored by re-enrolment", station.id)
        station.revoked_at = None
    holder = session.scalar(
        select(Station).where(
            Station.node_id == node_id, Station.status == ACTIVE, Station.id != station.id
        )
    )
    if holder is not None:
        raise StationError(
            "node_in_use",
            "这个数据库已登记为另一个驿站，请先在服务器上停用那个驿站",
            f"node {node_id} already belongs to active station {holder.id}",
            409,
        )
    credential, token_hash = auth.new_credential(station.id)
    station.node_id = node_id
    station.token_hash = token_hash
    station.status = ACTIVE
    station.enrolled_at = now
    unit = session.get(OrgUnit, station.org_code)
    log.info("station %s (%s) enrolled, node %s", station.id, station.org_code, node_id)
    return Enrolment(station, credential, unit.name if unit else "")


def authenticate(session: Session, credential: str) -> Station | None:
    """The active station holding ``credential``, or None."""
    parts = auth.split_credential(credential)
    if parts is None:
        auth.secret_matches("", None)
        return None
    station_id, secret = parts
    station = session.get(Station, station_id)
    stored = station.token_hash if station is not None and station.status == ACTIVE else None
    if not auth.secret_matches(secret, stored):
        return None
    return station


def revoke(session: Session, station_id: str, now: datetime) -> Station:
    """Withdraw a station's credential; its card keys stop signing from today (cards
    issued before stay genuine)."""
    station = session.get(Station, station_id)
    if station is None:
        raise StationError("station", "没有这个驿站", f"no station {station_id}", 404)
    station.status = REVOKED
    station.token_hash = None
    station.revoked_at = now
    session.execute(
        update(StationKey)
        .where(StationKey.station_id == station_id, StationKey.valid_until.is_(None))
        .values(valid_until=now.date())
    )
    session.execute(
        update(EnrolmentCode)
        .where(EnrolmentCode.station_id == station_id, EnrolmentCode.used_at.is_(None))
        .values(used_at=now)
    )
    log.info("station %s revoked", station_id)
    return station


def list_stations(session: Session) -> list[Station]:
    return list(session.scalars(select(Station).order_by(Station.org_code, Station.created_at)))
