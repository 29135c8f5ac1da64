"""Base45 (RFC 9285): bytes to the QR alphanumeric character set and back.

Base45 exists because a QR code in alphanumeric mode stores 45 symbols at
5.5 bits each: two bytes become three characters, so the code stays about as
small as byte mode while every scanner returns the text unchanged (the EU
Digital COVID Certificate uses it for the same reason).
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}


def b45encode(data: bytes) -> str:
    """Encode ``data`` as Base45 text (3 characters per 2 bytes, 2 for a last odd byte)."""
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """Decode Base45 ``text``; raise ValueError on a foreign character or an impossible group.

    Rejecting out-of-range groups (RFC 9285 section 4.2) matters for signed data:
    otherwise two different texts would decode to the same bytes.
    """
    if len(text) % 3 == 1:
        raise ValueError("Base45 text length leaves a single dangling character")
    try:
        values = [_VALUE[char] for char in text]
    except KeyError as exc:
        raise ValueError(f"not a Base45 character: {exc.args[0]!r}") from None
    out = bytearray()
    full = len(values) - len(values) % 3
    for i in range(0, full, 3):
        n = values[i] + values[i + 1] * 45 + values[i + 2] * 2025
        if n > 0xFFFF:
            raise ValueError("Base45 group exceeds two bytes")
        out += n.to_bytes(2, "big")
    if full < len(values):
        n = values[full] + values[full + 1] * 45
        if n > 0xFF:
            raise ValueError("Base45 final group exceeds one byte")
        out.append(n)
    return bytes(out)
