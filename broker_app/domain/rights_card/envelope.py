"""The outer layer of the QR text: prefix, Base45, content and signature.

Kept apart from signing and verification so both split the text the same way.
"""

from __future__ import annotations

from .base45 import b45decode, b45encode
from .payload import HEADER_LENGTH, SIGNATURE_LENGTH

# "WQ" for 维权, "1" for wire format 1. Upper case, digits and ":" only: a
# lower-case letter would push the whole QR into byte mode.
QR_PREFIX = "WQ1:"
# What Ed25519 actually signs is this prefix + content, so a station key that
# also signs other things (sync files) can never have such a signature passed
# off as a card, or the reverse. It is never transmitted.
SIGNING_CONTEXT = b"LaborStation rights card v1\x00"
# Far above a real card (220 characters); bounds the work done on hostile text.
MAX_QR_TEXT_LENGTH = 1024


def build_qr_text(content: bytes, signature: bytes) -> str:
    return QR_PREFIX + b45encode(content + signature)


def split_qr_text(text: str) -> tuple[bytes, bytes]:
    """``(content, signature)`` from QR text; ValueError if it is not a wire-format-1 card.

    Trailing CR/LF are dropped (keyboard-wedge scanners add them); they are not
    Base45 characters, so nothing meaningful is lost.
    """
    if not isinstance(text, str) or len(text) > MAX_QR_TEXT_LENGTH:
        raise ValueError("not a card text")
    text = text.rstrip("\r\n")
    if not text.startswith(QR_PREFIX):
        raise ValueError("missing card prefix")
    body = b45decode(text[len(QR_PREFIX) :])
    if len(body) <= HEADER_LENGTH + SIGNATURE_LENGTH:
        raise ValueError("card text too short")
    return body[:-SIGNATURE_LENGTH], body[-SIGNATURE_LENGTH:]
