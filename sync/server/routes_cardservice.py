"""Routes for the public card service's credential only (``sync.cardlink``).

A station credential gets 401 here, and the card service's credential gets 401 on
every station route: the two never open each other's doors.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from broker_app.domain.arrears.clues import normalise_query_code
from sync.cardlink import CARD_CLUES, CARD_FEED, CARD_PROGRESS, FEED_LIMIT, ClueRefused, clue_fields
from sync.server import card_service
from sync.server.deps import Database, check_versions, utc_now
from sync.server.errors import ApiError
from sync.server.models import CardServiceCredential

router = APIRouter(dependencies=[Depends(check_versions)], tags=["card service"])


def current_card_service(request: Request, db: Database) -> CardServiceCredential:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    found = None
    if scheme.lower() == "bearer" and token:
        with db.read() as session:
            found = card_service.authenticate(session, token.strip())
    if found is None:
        raise ApiError(
            401, "unauthorized", "扫码服务凭证无效或已停用", "invalid or revoked card-service token"
        )
    return found


CardService = Annotated[CardServiceCredential, Depends(current_card_service)]


@router.get(CARD_FEED)
def feed(
    _service: CardService,
    db: Database,
    cursor: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=FEED_LIMIT)] = FEED_LIMIT,
) -> JSONResponse:
    """What cards print, changed after ``cursor``."""
    with db.read() as session:
        return JSONResponse(card_service.feed(session, cursor, limit))


@router.post(CARD_CLUES)
async def take_clue(request: Request, _service: CardService, db: Database) -> JSONResponse:
    """One clue from the card page; the server writes it as a ``wage_clue`` record."""
    try:
        raw: Any = await request.json()
    except ValueError:
        raw = None
    if not isinstance(raw, dict):
        raise ApiError(422, "invalid_request", "请求格式不正确", "body is not a JSON object")
    try:
        clue = clue_fields(raw)
    except ClueRefused as exc:
        raise ApiError(422, "invalid_clue", exc.message, exc.message_en) from exc
    wall_ms = time.time_ns() // 1_000_000
    try:
        with db.write() as session:
            answer = card_service.take_clue(session, clue, date.today(), utc_now(), wall_ms)
    except ClueRefused as exc:
        raise ApiError(422, "invalid_clue", exc.message, exc.message_en) from exc
    return JSONResponse(answer)


@router.get(CARD_PROGRESS + "/{query_code}")
def progress(query_code: str, _service: CardService, db: Database) -> JSONResponse:
    """Status, step dates and public note of one clue."""
    code = normalise_query_code(query_code[:32])
    found = None
    if code is not None:
        with db.read() as session:
            found = card_service.progress(session, code)
    if found is None:
        raise ApiError(404, "no_clue", "没有这个查询码", "no clue with this query code")
    return JSONResponse(found)
