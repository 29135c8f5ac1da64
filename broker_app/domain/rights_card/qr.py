"""Rights-card QR matrices: the card's own alphanumeric code, and mixed-segment codes.

``qr_matrix`` is the signed card text (``WQ1:`` + Base45) as one alphanumeric
segment at error correction Q, version 10 at most. ``qr_symbol`` encodes any
sequence of segments (alphanumeric, byte, an ECI designator) at any error
correction level: the forms a phone understands (scan_text) use it.

qrcode's own ``make()`` spends most of its time scoring the eight masks in
pure Python. Here qrcode still does the Reed-Solomon coding and supplies the
pattern tables, the data is placed once, and the eight masks are scored with
integer and string operations (qr_penalty). The mask search is kept rather
than fixing one mask because the penalty rules exist to keep scanners reliable
on bad prints, which helmet stickers are; the result equals qrcode's full
search bit for bit, several times faster (benchmarks/card_qr.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from qrcode import base, util
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

from .base45 import ALPHABET
from .qr_layout import layout_for
from .qr_penalty import penalty

MAX_VERSION = 10
#: The largest symbol ``qr_symbol`` makes: beyond it modules get too small for a
#: card or a sticker at any print size we use.
MAX_SYMBOL_VERSION = 16
_ALPHANUMERIC = frozenset(ALPHABET)
_BIT_TO_MODULE = bytes.maketrans(b"01", b"\x00\x01")

ErrorLevel = Literal["L", "M", "Q", "H"]
_LEVELS: dict[str, int] = {
    "L": ERROR_CORRECT_L,
    "M": ERROR_CORRECT_M,
    "Q": ERROR_CORRECT_Q,
    "H": ERROR_CORRECT_H,
}
SegmentMode = Literal["alphanumeric", "byte", "eci"]
_ECI_MODE = 0b0111
#: ECI designator of UTF-8 (AIM ECI 26).
ECI_UTF8 = 26


@dataclass(frozen=True)
class QrCode:
    """A QR symbol without quiet zone; ``modules[row][col]`` is 1 for a dark module."""

    version: int
    size: int
    mask: int
    modules: tuple[bytes, ...]
    error_correction: ErrorLevel = "Q"

    def is_dark(self, row: int, col: int) -> bool:
        return self.modules[row][col] == 1


@dataclass(frozen=True)
class QrSegment:
    """One segment of a QR symbol. ``data`` is ASCII for alphanumeric, any bytes for
    byte mode; an ``eci`` segment holds its designator as ``data[0]`` (< 128)."""

    mode: SegmentMode
    data: bytes

    def __post_init__(self) -> None:
        if self.mode == "alphanumeric" and not _ALPHANUMERIC.issuperset(self.data.decode("ascii")):
            raise ValueError("text has characters outside the QR alphanumeric set")
        if self.mode == "eci" and (len(self.data) != 1 or self.data[0] > 127):
            raise ValueError("an ECI segment holds one designator below 128")

    def bits(self, version: int) -> int:
        """Length of the segment in the symbol, header included."""
        if self.mode == "eci":
            return 4 + 8
        count = util.length_in_bits(_QR_MODE[self.mode], version)
        n = len(self.data)
        body = 11 * (n // 2) + 6 * (n % 2) if self.mode == "alphanumeric" else 8 * n
        return 4 + count + body


_QR_MODE = {"alphanumeric": util.MODE_ALPHA_NUM, "byte": util.MODE_8BIT_BYTE}


def qr_matrix(text: str) -> QrCode:
    """Encode ``text`` (QR alphanumeric characters only) as one alphanumeric segment
    at level Q. Raises ValueError for other characters or when version 10 is not enough.
    """
    if not _ALPHANUMERIC.issuperset(text):
        raise ValueError("text has characters outside the QR alphanumeric set")
    version = smallest_version(len(text))
    segment = util.QRData(text.encode("ascii"), mode=util.MODE_ALPHA_NUM, check_data=False)
    codewords = util.create_data(version, ERROR_CORRECT_Q, [segment])
    return _placed(codewords, version, "Q")


def qr_symbol(
    segments: Sequence[QrSegment],
    error_correction: ErrorLevel = "Q",
    max_version: int = MAX_SYMBOL_VERSION,
) -> QrCode:
    """The smallest symbol holding ``segments`` in order at ``error_correction``.

    Raises ValueError when ``max_version`` is not enough.
    """
    level = _LEVELS[error_correction]
    version = symbol_version(segments, error_correction, max_version)
    return _placed(_codewords(segments, version, level), version, error_correction)


def symbol_version(
    segments: Sequence[QrSegment],
    error_correction: ErrorLevel = "Q",
    max_version: int = MAX_SYMBOL_VERSION,
) -> int:
    """Smallest version holding ``segments``; ValueError past ``max_version``."""
    level = _LEVELS[error_correction]
    for version in range(1, max_version + 1):
        if sum(s.bits(version) for s in segments) <= util.BIT_LIMIT_TABLE[level][version]:
            return version
    raise ValueError(f"the segments need a QR version above {max_version}")


def smallest_version(length: int) -> int:
    """Smallest version holding ``length`` alphanumeric characters at level Q.

    Raises ValueError past version 10.
    """
    for version in range(1, MAX_VERSION + 1):
        count_bits = util.length_in_bits(util.MODE_ALPHA_NUM, version)
        needed = 4 + count_bits + 11 * (length // 2) + 6 * (length % 2)
        if needed <= util.BIT_LIMIT_TABLE[ERROR_CORRECT_Q][version]:
            return version
    raise ValueError(f"{length} characters need a QR version above {MAX_VERSION}")


def _codewords(segments: Sequence[QrSegment], version: int, level: int) -> list[int]:
    """qrcode's ``create_data`` with ECI segments allowed (qrcode has no ECI)."""
    buffer = util.BitBuffer()
    for segment in segments:
        if segment.mode == "eci":
            buffer.put(_ECI_MODE, 4)
            buffer.put(segment.data[0], 8)
            continue
        mode = _QR_MODE[segment.mode]
        buffer.put(mode, 4)
        buffer.put(len(segment.data), util.length_in_bits(mode, version))
        util.QRData(segment.data, mode=mode, check_data=False).write(buffer)
    rs_blocks = base.rs_blocks(version, level)
    bit_limit = sum(block.data_count * 8 for block in rs_blocks)
    for _ in range(min(bit_limit - len(buffer), 4)):  # terminator
        buffer.put_bit(False)
    if len(buffer) % 8:
        for _ in range(8 - len(buffer) % 8):
            buffer.put_bit(False)
    for i in range((bit_limit - len(buffer)) // 8):
        buffer.put(util.PAD0 if i % 2 == 0 else util.PAD1, 8)
    return list(util.create_bytes(buffer, rs_blocks))


def _placed(codewords: list[int], version: int, error_correction: ErrorLevel) -> QrCode:
    """Place the codewords and pick the mask with the lowest penalty."""
    layout = layout_for(version, _LEVELS[error_correction])
    stream = format(int.from_bytes(bytes(codewords), "big"), f"0{layout.stream_bits}b") + "0"
    data_rows = int("".join(layout.pick_rows(stream)), 2)
    data_columns = int("".join(layout.pick_columns(stream)), 2)
    base_rows, base_columns = layout.scoring_base
    scores = [
        penalty(
            (data_rows ^ mask_rows) | base_rows,
            (data_columns ^ mask_columns) | base_columns,
            layout,
        )
        for mask_rows, mask_columns in layout.mask_bits
    ]
    mask = scores.index(min(scores))  # first minimum: qrcode breaks ties the same way
    matrix = (data_rows ^ layout.mask_bits[mask][0]) | layout.final_base[mask]
    size = layout.size
    flat = format(matrix, f"0{size * size}b").encode("ascii").translate(_BIT_TO_MODULE)
    modules = tuple(flat[i : i + size] for i in range(0, size * size, size))
    return QrCode(
        version=version, size=size, mask=mask, modules=modules, error_correction=error_correction
    )
