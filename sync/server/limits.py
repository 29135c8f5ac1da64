"""Request body limits and gzip request bodies, as a plain ASGI middleware.

The body is read before routing: more than ``max_bytes`` on the wire, or more than
``max_bytes`` once a gzip body is inflated (a zip bomb), is answered 413; a broken
gzip stream 400; an unknown Content-Encoding 415. Inflation runs with an output cap,
so a bomb never gets to allocate more than the limit.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


class BadBody(Exception):
    pass


def inflate(data: bytes, limit: int) -> bytes:
    """The gzip member in ``data`` inflated, at most ``limit`` bytes."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise BadBody(str(exc)) from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise BodyTooLarge()
    if not inflater.eof or inflater.unused_data:
        raise BadBody("truncated gzip stream or trailing data")
    return out


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        encoding = headers.get(b"content-encoding", b"").decode("latin-1").strip().lower()
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _refuse(send, 413, "too_large", "请求太大", "request body too large")
            return
        if encoding not in ("", "identity", "gzip"):
            await _refuse(
                send, 415, "encoding", "不支持的压缩方式", f"unsupported encoding {encoding}"
            )
            return
        try:
            body, disconnected = await _read_body(receive, self.max_bytes)
            if encoding == "gzip" and body:
                body = inflate(body, self.max_bytes)
        except BodyTooLarge:
            await _refuse(send, 413, "too_large", "请求太大", "request body too large")
            return
        except BadBody as exc:
            await _refuse(send, 400, "bad_gzip", "请求数据损坏", f"bad gzip body: {exc}")
            return
        if disconnected:
            return
        kept = [
            (k, v)
            for k, v in scope.get("headers", [])
            if k.lower() not in (b"content-encoding", b"content-length")
        ]
        kept.append((b"content-length", str(len(body)).encode()))
        inner_scope = {**scope, "headers": kept}
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(inner_scope, replay, send)


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"", True
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge()
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), False


async def _refuse(send: Send, status: int, code: str, message: str, message_en: str) -> None:
    body = json.dumps(
        {"error": code, "message": message, "message_en": message_en}, ensure_ascii=False
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
