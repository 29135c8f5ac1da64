"""The outer layer of the QR text: prefix, Base45, content and signature.

Kept apart from signing and verification so both split the text the same way.
"""

from __future__ import annotations

from .base45 import b45encode
from .payload import HEADER_LENGTH, SIGNATURE_LENGTH
from .scan_text import MAX_QR_TEXT_LENGTH, QR_PREFIX, signed_bytes

__all__ = ["MAX_QR_TEXT_LENGTH", "QR_PREFIX", "SIGNING_CONTEXT", "build_qr_text", "split_qr_text"]

# What Ed25519 actually signs is this prefix + content, so a station key that
# also signs other things (sync files) can never have such a signature passed
# off as a card, or the reverse. It is never transmitted.
SIGNING_CONTEXT = b"LaborStation rights card v1\x00"


def build_qr_text(content: bytes, signature: bytes) -> str:
    return QR_PREFIX + b45encode(content + signature)


def split_qr_text(text: str) -> tuple[bytes, bytes]:
    """``(content, signature)`` from QR text in any form a card prints (scan_text:
    URL, readable text, ``WQ1:``); ValueError if it is not a wire-format-1 card.

    Trailing CR/LF are dropped (keyboard-wedge scanners add them); they are not
    Base45 or Base32 characters, so nothing meaningful is lost.
    """
    body = signed_bytes(text)
    if len(body) <= HEADER_LENGTH + SIGNATURE_LENGTH:
        raise ValueError("card text too short")
    return body[:-SIGNATURE_LENGTH], body[-SIGNATURE_LENGTH:]
