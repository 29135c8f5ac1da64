"""The card URL's token: RFC 4648 Base32 (no padding) of the card's signed bytes.

``{BASE}/C/{TOKEN}`` carries the same bytes the QR's ``WQ1:`` Base45 text carries, in
an alphabet a phone's browser keeps in a URL; case does not matter.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Final

from broker_app.domain.rights_card import QR_PREFIX
from broker_app.domain.rights_card.base45 import b45decode, b45encode

#: 144 signed bytes make 231 characters; anything longer is not a card.
MAX_TOKEN_LENGTH: Final = 240
_BASE32 = re.compile(r"^[A-Z2-7]+$")


def qr_text_from_token(token: str) -> str | None:
    """The ``WQ1:`` text of the card a URL token names, or None when it is not Base32
    of a plausible length (the signature is checked afterwards, by ``verify_card``)."""
    text = token.strip().upper()
    if not text or len(text) > MAX_TOKEN_LENGTH or not _BASE32.match(text):
        return None
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        return None
    return QR_PREFIX + b45encode(raw)


def token_from_qr_text(qr_text: str) -> str:
    """The URL token of a card's QR text (tests and the docs' examples)."""
    raw = b45decode(qr_text.strip()[len(QR_PREFIX) :])
    return base64.b32encode(raw).decode("ascii").rstrip("=")
