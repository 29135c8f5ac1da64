"""Per-request checks: protocol and schema versions, the station credential."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request

from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_RANGE, SCHEMA_RANGE
from sync.server.db import ServerDB
from sync.server.errors import ApiError
from sync.server.identity import Writer
from sync.server.models import Station
from sync.server.scope import Scope
from sync.server.stations import authenticate

log = logging.getLogger(__name__)
_SEEN_EVERY = timedelta(minutes=1)


def utc_now() -> datetime:
    """Naive UTC, as every server timestamp is stored."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def check_versions(request: Request) -> None:
    protocol = _version(request, HEADER_PROTOCOL)
    low, high = PROTOCOL_RANGE
    if protocol is None or not low <= protocol <= high:
        raise ApiError(
            426,
            "protocol_version",
            f"程序版本不兼容（同步协议 {protocol}，服务器支持 {low}–{high}），请升级程序",
            f"sync protocol {protocol} not supported; the server accepts {low}-{high}",
            accepted=[low, high],
        )
    schema = _version(request, HEADER_SCHEMA)
    low, high = SCHEMA_RANGE
    if schema is None or not low <= schema <= high:
        raise ApiError(
            409,
            "schema_version",
            f"数据结构版本不兼容（{schema}，服务器支持 {low}–{high}），请升级程序或服务器",
            f"schema version {schema} not supported; the server accepts {low}-{high}",
            accepted=[low, high],
        )


def protocol_of(request: Request) -> int | None:
    """The protocol version the request says it speaks (checked by ``check_versions``)."""
    return _version(request, HEADER_PROTOCOL)


def _version(request: Request, header: str) -> int | None:
    text = request.headers.get(header, "").strip()
    return int(text) if text.isdigit() and len(text) < 6 else None


def database(request: Request) -> ServerDB:
    db: ServerDB = request.app.state.db
    return db


Database = Annotated[ServerDB, Depends(database)]


def current_station(request: Request, db: Database) -> Station:
    header = request.headers.get("authorization", "")
    scheme, _, credential = header.partition(" ")
    station = None
    if scheme.lower() == "bearer" and credential:
        with db.read() as session:
            station = authenticate(session, credential.strip())
    if station is None:
        raise ApiError(
            401,
            "unauthorized",
            "驿站凭证无效或已停用，请重新注册",
            "missing, invalid or revoked station credential",
        )
    now = utc_now()
    if station.last_seen_at is None or now - station.last_seen_at > _SEEN_EVERY:
        with db.write() as session:
            row = session.get(Station, station.id)
            if row is not None:
                row.last_seen_at = now
    return station


CurrentStation = Annotated[Station, Depends(current_station)]


def writer_for(station: Station) -> Writer:
    return Writer(station.id, station.node_id or "", Scope(station.org_code))
