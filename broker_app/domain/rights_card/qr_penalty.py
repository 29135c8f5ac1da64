"""The QR mask penalty (ISO 18004 section 7.8.3) on big-integer matrices.

It reproduces ``qrcode.util.lost_point`` exactly (same four rules, same
weights, scored with the format areas left light as qrcode does) so the mask
chosen is the one qrcode would choose, at a fraction of the cost: runs and
finder-like patterns are found by the regex engine and ``str.count`` on the
rows and columns as text, 2x2 blocks and dark modules by bitwise operations.
"""

from __future__ import annotations

import re

from .qr_layout import VersionLayout

_RUN = re.compile(r"0{5,}|1{5,}")
# 1:1:3:1:1 finder look-alikes with 4 light modules on one side. Neither can
# overlap itself, so the non-overlapping ``str.count`` counts every occurrence.
_FINDER_LIKE = ("10111010000", "00001011101")


def penalty(rows: int, columns: int, layout: VersionLayout) -> int:
    """Penalty of one masked matrix given row-major and column-major ints."""
    size = layout.size
    total = size * size
    text = _lines(rows, size) + " " + _lines(columns, size)
    runs = _RUN.findall(text)
    score = sum(map(len, runs)) - 2 * len(runs)  # a run of 5 costs 3, each extra module 1
    score += 40 * sum(text.count(pattern) for pattern in _FINDER_LIKE)
    # Block rule: a block is uniform when the corner equals its right neighbour
    # and the corner and the right neighbour each equal the module below.
    same_right = ~(rows ^ (rows << 1))
    same_below = ~(rows ^ (rows << size))
    blocks = same_right & same_below & (same_below << 1) & layout.block_corners
    score += 3 * blocks.bit_count()
    # Same float arithmetic as qrcode, so a boundary case rounds the same way.
    percent = float(rows.bit_count()) / total
    score += int(abs(percent * 100 - 50) / 5) * 10
    return score


def _lines(matrix: int, size: int) -> str:
    """The matrix as text, one line per row, lines separated by a space."""
    bits = format(matrix, f"0{size * size}b")
    return " ".join([bits[i : i + size] for i in range(0, size * size, size)])
