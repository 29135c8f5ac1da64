"""Form tokens (CSRF) and bounded form bodies.

The form page sets a random cookie (``SameSite=Strict``, so another site's page never
sends it) and embeds ``time.HMAC(secret, cookie|action|time)``; a post is taken only
with both, for the same action, within ``FORM_TTL``. There is no login to ride on,
but this stops another site from making visitors' browsers file clues.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Final
from urllib.parse import parse_qs

from starlette.requests import Request

COOKIE: Final = "cs_form"
FORM_TTL: Final = 2 * 3600
#: Largest form body: a 2,000-character description in UTF-8 and percent-encoded
#: (9 bytes a character) fits; anything bigger is not a person typing.
MAX_FORM_BYTES: Final = 24 * 1024
MAX_FIELDS: Final = 16


class BodyTooLarge(Exception):
    pass


def new_cookie() -> str:
    return secrets.token_hex(16)


def form_token(secret: bytes, cookie: str, action: str, now: float | None = None) -> str:
    stamp = str(int(now if now is not None else time.time()))
    mac = hmac.new(secret, f"{cookie}|{action}|{stamp}".encode(), hashlib.sha256).hexdigest()
    return f"{stamp}.{mac}"


def token_valid(
    secret: bytes, cookie: str | None, action: str, token: str, now: float | None = None
) -> bool:
    if not cookie or len(cookie) > 64 or len(token) > 128:
        return False
    stamp, _, _mac = token.partition(".")
    if not stamp.isdigit():
        return False
    current = now if now is not None else time.time()
    if not 0 <= current - int(stamp) <= FORM_TTL:
        return False
    expected = form_token(secret, cookie, action, float(stamp))
    return hmac.compare_digest(expected, token)


async def read_form(request: Request) -> dict[str, str]:
    """The urlencoded form of ``request``, first value of each field; BodyTooLarge past
    ``MAX_FORM_BYTES`` (counted as it arrives, whatever Content-Length claims)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise BodyTooLarge()
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_FORM_BYTES:
            raise BodyTooLarge()
    text = body.decode("utf-8", errors="replace")
    try:
        parsed = parse_qs(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError as exc:  # more fields than allowed
        raise BodyTooLarge() from exc
    return {name: values[0] for name, values in parsed.items() if values}
