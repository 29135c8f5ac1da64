"""Rights-card QR matrix: alphanumeric mode, error correction Q, version 10 at most.

qrcode's own ``make()`` spends most of its time scoring the eight masks in
pure Python. Here qrcode still does the encoding (segments, Reed-Solomon) and
supplies the pattern tables, the data is placed once, and the eight masks are
scored with integer and string operations (qr_penalty). The mask search is
kept rather than fixing one mask because the penalty rules exist to keep
scanners reliable on bad prints, which helmet stickers are; the result equals
qrcode's full search bit for bit, several times faster (benchmarks/card_qr.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from qrcode import util
from qrcode.constants import ERROR_CORRECT_Q

from .base45 import ALPHABET
from .qr_layout import layout_for
from .qr_penalty import penalty

MAX_VERSION = 10
_ALPHANUMERIC = frozenset(ALPHABET)
_BIT_TO_MODULE = bytes.maketrans(b"01", b"\x00\x01")


@dataclass(frozen=True)
class QrCode:
    """A QR symbol without quiet zone; ``modules[row][col]`` is 1 for a dark module."""

    version: int
    size: int
    mask: int
    modules: tuple[bytes, ...]
    error_correction: Literal["Q"] = "Q"

    def is_dark(self, row: int, col: int) -> bool:
        return self.modules[row][col] == 1


def qr_matrix(text: str) -> QrCode:
    """Encode ``text`` (QR alphanumeric characters only) as one alphanumeric segment.

    Raises ValueError for other characters or when version 10 is not enough.
    """
    if not _ALPHANUMERIC.issuperset(text):
        raise ValueError("text has characters outside the QR alphanumeric set")
    version = smallest_version(len(text))
    segment = util.QRData(text.encode("ascii"), mode=util.MODE_ALPHA_NUM, check_data=False)
    codewords = util.create_data(version, ERROR_CORRECT_Q, [segment])
    layout = layout_for(version)
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
    return QrCode(version=version, size=size, mask=mask, modules=modules)


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
