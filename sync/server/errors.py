"""Error answers: every refusal is JSON with a code and a Chinese and English reason."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sync.protocol import error_body
from sync.server.stations import StationError

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, message_en: str, **extra: Any) -> None:
        super().__init__(message_en)
        self.status = status
        self.body = error_body(code, message, message_en, **extra)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body, status_code=exc.status)

    @app.exception_handler(StationError)
    async def _station_error(_request: Request, exc: StationError) -> JSONResponse:
        body = error_body(exc.code, exc.message, exc.message_en)
        return JSONResponse(body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        body = error_body("invalid_request", "请求格式不正确", f"invalid request: {detail}")
        return JSONResponse(body, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        body = error_body("server_error", "服务器内部错误，请稍后重试", "internal server error")
        return JSONResponse(body, status_code=500)
