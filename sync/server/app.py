"""The ASGI application: routes, middleware, error answers."""

from __future__ import annotations

import os
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import text

from sync.protocol import HEALTH, MAX_BODY_BYTES, PROTOCOL_RANGE, SCHEMA_RANGE
from sync.server import routes_cards, routes_cardservice, routes_sync
from sync.server.config import API_DOCS_ENV, PROCESSES_ENV, database_url
from sync.server.db import ServerDB
from sync.server.deps import utc_now
from sync.server.errors import install_handlers
from sync.server.limits import BodyLimitMiddleware
from sync.server.schemas import HealthOut


@dataclass(frozen=True)
class ServerSettings:
    max_body_bytes: int = MAX_BODY_BYTES
    #: Compress answers above this size (pull pages travel over 4G).
    gzip_min_bytes: int = 2048
    gzip_level: int = 5
    #: Serve /docs, /redoc and /openapi.json. Off in production: the pages tell every
    #: caller on the network how to talk to the server; ``serve --api-docs`` turns
    #: them on for development and for the fuzz that reads the schema.
    api_docs: bool = False


def create_app(db: ServerDB, settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    docs = settings.api_docs
    app = FastAPI(
        openapi_url="/openapi.json" if docs else None,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        title="劳务驿站渠道服务器 Labor Station channel server",
        version="1",
        description=(
            "Enrolment, idempotent push, cursor pull, conflict log and rights-card keys. "
            "Every request except health carries the X-Sync-Protocol and X-Sync-Schema "
            "headers; every request except health and enrol carries "
            "`Authorization: Bearer <credential>`. Request bodies may be gzip-compressed."
        ),
    )
    app.state.db = db
    install_handlers(app)
    app.include_router(routes_sync.router)
    app.include_router(routes_cards.router)
    app.include_router(routes_cardservice.router)

    @app.get(HEALTH, response_model=HealthOut, tags=["health"])
    def health() -> JSONResponse:
        with db.read() as session:
            session.execute(text("SELECT 1"))
        return JSONResponse(
            {
                "status": "ok",
                "protocol": list(PROTOCOL_RANGE),
                "schema": list(SCHEMA_RANGE),
                "server_time": utc_now().isoformat() + "Z",
            }
        )

    app.add_middleware(
        GZipMiddleware, minimum_size=settings.gzip_min_bytes, compresslevel=settings.gzip_level
    )
    # Outermost: the body is bounded (and inflated) before anything else looks at it.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app


def app_from_environment() -> FastAPI:
    """The app of one of ``serve --workers N``'s processes: uvicorn imports this by name
    in each process it starts, and the parent passes the database URL and settings in
    the environment."""
    processes = int(os.environ.get(PROCESSES_ENV, "1"))
    db = ServerDB(database_url(None), processes)
    return create_app(db, ServerSettings(api_docs=os.environ.get(API_DOCS_ENV) == "1"))
