"""The card URL's token: RFC 4648 Base32 (no padding) of the card's signed bytes.

``{BASE}/C/{TOKEN}`` carries the same bytes the QR's ``WQ1:`` Base45 text carries, in
an alphabet a phone's browser keeps in a URL; case does not matter. The codec is the
domain's (``rights_card.scan_text``), the one the printed cards use; this adds the
bound a page request is held to before any decoding.
"""

from __future__ import annotations

from typing import Final

from broker_app.domain.rights_card import QR_PREFIX
from broker_app.domain.rights_card.base45 import b45decode, b45encode
from broker_app.domain.rights_card.scan_text import card_token, token_bytes

#: 144 signed bytes make 231 characters; anything longer is not a card.
MAX_TOKEN_LENGTH: Final = 240


def qr_text_from_token(token: str) -> str | None:
    """The ``WQ1:`` text of the card a URL token names, or None when it is not Base32
    of a plausible length (the signature is checked afterwards, by ``verify_card``)."""
    text = token.strip()
    if not text or len(text) > MAX_TOKEN_LENGTH:
        return None
    try:
        raw = token_bytes(text)
    except ValueError:
        return None
    return QR_PREFIX + b45encode(raw)


def token_from_qr_text(qr_text: str) -> str:
    """The URL token of a card's QR text (tests and the docs' examples)."""
    return card_token(b45decode(qr_text.strip()[len(QR_PREFIX) :]))
