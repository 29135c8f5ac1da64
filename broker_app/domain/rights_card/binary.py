"""Unsigned LEB128 varints and a bounds-checked reader for the card payload.

Every read past the end or non-canonical varint raises ValueError, so a
decoder built on this reader turns hostile bytes into one exception type.
"""

from __future__ import annotations


def encode_varint(value: int) -> bytes:
    """Unsigned LEB128: 7 bits per byte, low group first, high bit = more follows."""
    if value < 0:
        raise ValueError("varint must not be negative")
    out = bytearray()
    while True:
        group = value & 0x7F
        value >>= 7
        if value:
            out.append(group | 0x80)
        else:
            out.append(group)
            return bytes(out)


class ByteReader:
    """Reads fields front to back from an immutable byte string."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def read(self, count: int) -> bytes:
        end = self._pos + count
        if count < 0 or end > len(self._data):
            raise ValueError("payload ends in the middle of a field")
        chunk = self._data[self._pos : end]
        self._pos = end
        return chunk

    def read_byte(self) -> int:
        return self.read(1)[0]

    def read_varint(self, max_bytes: int = 5) -> int:
        """Read a varint of at most ``max_bytes`` bytes.

        Non-minimal forms (a trailing 0x00 group) are rejected so that each value
        has exactly one encoding: the signed bytes then fully determine the facts
        and vice versa.
        """
        value = 0
        for index in range(max_bytes):
            byte = self.read_byte()
            value |= (byte & 0x7F) << (7 * index)
            if not byte & 0x80:
                if byte == 0 and index > 0:
                    raise ValueError("non-minimal varint")
                return value
        raise ValueError("varint too long")

    @property
    def remaining(self) -> int:
        return len(self._data) - self._pos
