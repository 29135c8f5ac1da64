"""The card service's routes: the card page, the project page, the clue form and the
progress query; security headers and flood limits on all of them.

Paths (case-insensitive where the QR forms say so): ``/C/{TOKEN}``, ``/c/{token}``,
``/P/{PROJECT_ID}``, their ``/report`` forms, ``/q`` (查询进度), ``/site.css``.
Nothing answers with more than a card prints: an unknown path, token or project is
the same plain 404 page.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from broker_app.domain.arrears.clues import new_query_code, normalise_query_code
from sync.cardlink import ClueRefused, clue_fields, is_uuid
from sync.cardservice import pages
from sync.cardservice.channel import Background, ChannelDown, ChannelLink
from sync.cardservice.forms import (
    COOKIE,
    BodyTooLarge,
    form_token,
    new_cookie,
    read_form,
    token_valid,
)
from sync.cardservice.localdb import LocalDB
from sync.cardservice.lookup import CardView, look_up
from sync.cardservice.ratelimit import Limit, RateLimiter
from sync.ids import uuid7

log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
TOO_MANY = "提交或查询太频繁，请稍后再试。如情况紧急，请直接拨打 12333。"


@dataclass(frozen=True)
class Limits:
    """Flood limits; the defaults let a worker and a few workmates on one phone or one
    site's Wi-Fi through, and stop a script."""

    pages: Limit = field(default_factory=lambda: Limit(120, 60))
    clues_per_address: Limit = field(default_factory=lambda: Limit(5, 3600))
    clues_per_card: Limit = field(default_factory=lambda: Limit(3, 86400))
    queries_per_address: Limit = field(default_factory=lambda: Limit(30, 3600))


class Limiters:
    def __init__(self, limits: Limits, clock: Callable[[], float] | None = None) -> None:
        def make(limit: Limit) -> RateLimiter:
            return RateLimiter(limit) if clock is None else RateLimiter(limit, clock)

        self.pages = make(limits.pages)
        self.clues_per_address = make(limits.clues_per_address)
        self.clues_per_card = make(limits.clues_per_card)
        self.queries_per_address = make(limits.queries_per_address)


def create_app(
    db: LocalDB,
    link: ChannelLink | None,
    *,
    limits: Limits | None = None,
    background: Background | None = None,
    secure_cookies: bool = False,
    today: Callable[[], date] = date.today,
) -> FastAPI:
    """The card service. ``link`` None: no channel (tests of the pages alone); clues
    are then only kept. ``background`` is woken when a clue is kept."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    limiters = Limiters(limits or Limits())
    secret = db.form_secret()

    @app.middleware("http")
    async def headers_and_flood(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if not limiters.pages.allow(_client(request)):
            response: Response = HTMLResponse(pages.message_page("请稍后再试", TOO_MANY), 429)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def not_found(_request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        status = 405 if exc.status_code == 405 else 404
        return HTMLResponse(pages.message_page("页面不存在", "没有找到这个页面。"), status)

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return HTMLResponse(pages.home_page())

    @app.get("/site.css")
    def stylesheet() -> Response:
        # Cached a day: a phone on a slow site connection fetches it once, and it does
        # not count against the page limit on every page.
        return Response(
            pages.STYLESHEET,
            media_type="text/css; charset=utf-8",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    # -- cards ----------------------------------------------------------------------
    def card_view(token: str) -> CardView:
        return look_up(db, token, today())

    @app.get("/C/{token}", response_class=HTMLResponse)
    @app.get("/c/{token}", response_class=HTMLResponse)
    def card(token: str) -> HTMLResponse:
        view = card_view(token)
        status = 404 if view.verdict.value == "unknown" else 200
        return HTMLResponse(pages.card_page(view, f"/C/{token.upper()}/report"), status)

    @app.get("/C/{token}/report", response_class=HTMLResponse)
    @app.get("/c/{token}/report", response_class=HTMLResponse)
    def card_form(token: str, request: Request) -> HTMLResponse:
        view = card_view(token)
        if not view.can_complain or view.project is None:
            return _not_found()
        return _form(request, str(view.project.get("name") or ""), f"/C/{token.upper()}/report")

    @app.post("/C/{token}/report", response_class=HTMLResponse)
    @app.post("/c/{token}/report", response_class=HTMLResponse)
    async def card_report(token: str, request: Request) -> HTMLResponse:
        view = card_view(token)
        if not view.can_complain or view.project is None:
            return _not_found()
        subject = f"card:{view.card.key_id}:{view.card.serial}" if view.card else "card:?"
        extra = (
            {"card_key_id": view.card.key_id, "card_serial": view.card.serial} if view.card else {}
        )
        return await _take(request, view.project, f"/C/{token.upper()}/report", subject, extra)

    # -- projects -------------------------------------------------------------------
    def project_of(project_id: str) -> dict[str, Any] | None:
        pid = project_id.lower()
        project = db.project(pid) if is_uuid(pid) else None
        return None if project is None or project.get("archived") else project

    @app.get("/P/{project_id}", response_class=HTMLResponse)
    @app.get("/p/{project_id}", response_class=HTMLResponse)
    def project(project_id: str) -> HTMLResponse:
        found = project_of(project_id)
        if found is None:
            return _not_found()
        return HTMLResponse(pages.project_page(found, f"/P/{found['id']}/report"))

    @app.get("/P/{project_id}/report", response_class=HTMLResponse)
    @app.get("/p/{project_id}/report", response_class=HTMLResponse)
    def project_form(project_id: str, request: Request) -> HTMLResponse:
        found = project_of(project_id)
        if found is None:
            return _not_found()
        return _form(request, str(found.get("name") or ""), f"/P/{found['id']}/report")

    @app.post("/P/{project_id}/report", response_class=HTMLResponse)
    @app.post("/p/{project_id}/report", response_class=HTMLResponse)
    async def project_report(project_id: str, request: Request) -> HTMLResponse:
        found = project_of(project_id)
        if found is None:
            return _not_found()
        action = f"/P/{found['id']}/report"
        return await _take(request, found, action, f"project:{found['id']}", {})

    # -- progress -------------------------------------------------------------------
    @app.get("/q", response_class=HTMLResponse)
    def query_form() -> HTMLResponse:
        return HTMLResponse(pages.query_form())

    @app.post("/q", response_class=HTMLResponse)
    async def query(request: Request) -> HTMLResponse:
        if not limiters.queries_per_address.allow(_client(request)):
            return HTMLResponse(pages.message_page("请稍后再试", TOO_MANY), 429)
        try:
            form = await read_form(request)
        except BodyTooLarge:
            return HTMLResponse(pages.message_page("内容太长", "提交的内容太长。"), 413)
        typed = form.get("code", "")[:32]
        code = normalise_query_code(typed)
        if code is None:
            return HTMLResponse(
                pages.query_form("查询码应为 10 位字母和数字，请核对。", typed), 400
            )
        state = db.outbox_state(code)
        if state == "pending":
            return HTMLResponse(pages.pending_page(code))
        if state == "refused":
            message = "这条反映未能转送到驿站，请拨打 12333 或劳资专管员电话反映。"
            return HTMLResponse(pages.message_page("未能转送", message), 200)
        if link is None:
            return HTMLResponse(pages.query_form("暂时无法查询，请稍后再试。", code), 503)
        try:
            found = link.progress(code)
        except ChannelDown:
            return HTMLResponse(pages.query_form("暂时无法查询，请稍后再试。", code), 503)
        if found is None:
            return HTMLResponse(pages.query_form("没有找到这个查询码，请核对。", code), 404)
        return HTMLResponse(pages.progress_page(code, found))

    # -- helpers --------------------------------------------------------------------
    def _form(request: Request, project_name: str, action: str) -> HTMLResponse:
        cookie = request.cookies.get(COOKIE)
        if not cookie or len(cookie) != 32:
            cookie = new_cookie()
        token = form_token(secret, cookie, action)
        response = HTMLResponse(pages.report_form(project_name, action, token, {}))
        response.set_cookie(
            COOKIE, cookie, httponly=True, samesite="strict", secure=secure_cookies, path="/"
        )
        return response

    async def _take(
        request: Request, project: dict[str, Any], action: str, subject: str, extra: dict[str, Any]
    ) -> HTMLResponse:
        if not limiters.clues_per_address.allow(_client(request)):
            return HTMLResponse(pages.message_page("请稍后再试", TOO_MANY), 429)
        try:
            form = await read_form(request)
        except BodyTooLarge:
            return HTMLResponse(
                pages.message_page("内容太长", "提交的内容太长，请精简后再提交。"), 413
            )
        name = str(project.get("name") or "")
        if not token_valid(secret, request.cookies.get(COOKIE), action, form.get("form_token", "")):
            return HTMLResponse(
                pages.message_page("页面已过期", "页面已过期，请重新扫码后再提交。"), 403
            )
        raw = {
            "clue_id": uuid7(),
            "query_code": new_query_code(),
            "project_id": project["id"],
            "reporter_phone": form.get("phone", ""),
            "reporter_name": form.get("name", ""),
            "amount_owed": form.get("amount", ""),
            "months_owed": form.get("months", ""),
            "description": form.get("description", ""),
            **extra,
        }
        try:
            clue = clue_fields(raw)
        except ClueRefused as exc:
            token = form.get("form_token", "")
            return HTMLResponse(pages.report_form(name, action, token, form, exc.message), 400)
        if not limiters.clues_per_card.allow(subject):
            return HTMLResponse(pages.message_page("请稍后再试", TOO_MANY), 429)
        db.keep_clue(clue)
        forwarded = _forward_now(clue)
        log.info("clue %s kept (forwarded=%s)", clue["clue_id"], forwarded)
        return HTMLResponse(pages.received_page(clue["query_code"], forwarded))

    def _forward_now(clue: dict[str, Any]) -> bool:
        """Try the channel at once, so the station sees the clue on its next sync; when
        the channel is down the background loop keeps trying."""
        if link is None:
            return False
        try:
            link.send_clue(clue)
        except ChannelDown:
            if background is not None:
                background.wake()
            return False
        except Exception:
            log.exception("channel refused clue %s; kept for the background loop", clue["clue_id"])
            return False
        db.sent(clue["clue_id"])
        return True

    return app


def _client(request: Request) -> str:
    return request.client.host if request.client is not None else "?"


def _not_found() -> HTMLResponse:
    return HTMLResponse(pages.message_page("页面不存在", "没有找到这个页面。"), 404)
