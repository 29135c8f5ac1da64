"""Enrol, push, pull and the conflict list of a station's scope."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from sync.protocol import CONFLICTS, ENROL, EXITS_SINCE, MAX_PULL_LIMIT, PULL, PUSH
from sync.server import conflicts, keys, stations
from sync.server.deps import (
    CurrentStation,
    Database,
    check_versions,
    protocol_of,
    utc_now,
    writer_for,
)
from sync.server.pull import pull_page
from sync.server.push import apply_push
from sync.server.schemas import ConflictsOut, EnrolIn, EnrolOut, PullOut, PushIn, PushOut
from sync.server.scope import Scope

router = APIRouter(dependencies=[Depends(check_versions)])

#: Change sequences are 64-bit database integers; a larger cursor is a bad request.
MAX_CURSOR = 2**63 - 1


@router.post(ENROL, response_model=EnrolOut, tags=["stations"])
def enrol(body: EnrolIn, db: Database) -> JSONResponse:
    """Spend a one-time enrolment code; answers the station's credential."""
    now = utc_now()
    public_key = keys.parse_public_key(body.public_key) if body.public_key else None
    with db.write() as session:
        done = stations.enrol(session, body.code, body.node_id, now, body.org_code)
        key_id = None
        if public_key is not None:
            # Enrolled with a code the county issued for this station: the key
            # presented with it counts as certified (the county can withdraw that).
            key = keys.register_key(session, done.station, public_key, now, certified=True)
            key_id = key.key_id
        answer = {
            "station_id": done.station.id,
            "credential": done.credential,
            "org_code": done.station.org_code,
            "org_name": done.org_name,
            "station_name": done.station.name,
            "key_id": key_id,
        }
    return JSONResponse(answer)


@router.post(PUSH, response_model=PushOut, tags=["sync"])
def push(body: PushIn, station: CurrentStation, db: Database) -> JSONResponse:
    """Apply a batch of mutations; one answer per item, in order."""
    with db.write() as session:
        results = apply_push(
            session, writer_for(station), body.mutations, utc_now(), time.time_ns() // 1_000_000
        )
    return JSONResponse({"results": results})


@router.get(PULL, response_model=PullOut, tags=["sync"])
def pull(
    request: Request,
    station: CurrentStation,
    db: Database,
    after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 1000,
    count: bool = False,
) -> Response:
    """Records changed after the cursor ``after``, within the station's scope, and
    (protocol 2) the records that left it; ``count``: also how many records of the
    scope changed after ``after`` (``remaining``), for a station's progress."""
    exits = (protocol_of(request) or 0) >= EXITS_SINCE
    with db.read() as session:
        text = pull_page(session, Scope(station.org_code), after, limit, exits=exits, count=count)
    return Response(content=text, media_type="application/json")


@router.get(CONFLICTS, response_model=ConflictsOut, tags=["sync"])
def open_conflicts(
    station: CurrentStation,
    db: Database,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> JSONResponse:
    """Unresolved conflicts within the station's scope, newest first."""
    with db.read() as session:
        found = conflicts.list_conflicts(session, Scope(station.org_code), limit=limit)
        return JSONResponse({"conflicts": [conflicts.conflict_dict(c) for c in found]})
