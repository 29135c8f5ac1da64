"""Per-version tables that let the QR mask search run on big integers.

A matrix is held as one Python int of size*size bits, row-major, the top-left
module in the highest bit (so ``format(m, "0{n*n}b")`` reads it row by row);
a second int holds the transpose for column scans. The tables are taken from
the qrcode package itself (function patterns, format areas, mask functions),
so the result matches qrcode's own output module for module; only the data
placement walk is repeated here because qrcode does not expose it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

import qrcode
from qrcode import util
from qrcode.constants import ERROR_CORRECT_Q

Grid = list[list[bool | None]]
StreamPicker = Callable[[str], Any]


@dataclass(frozen=True)
class VersionLayout:
    version: int
    size: int
    # The codeword bit string gets one extra "0" at this index; function modules
    # and remainder bits pick it, so picking yields 0 outside the data modules.
    stream_bits: int
    pick_rows: StreamPicker
    pick_columns: StreamPicker
    # Function modules as qrcode scores masks: format and version areas light.
    scoring_base: tuple[int, int]
    # Per mask: that mask's bits on data modules, row-major and column-major.
    mask_bits: tuple[tuple[int, int], ...]
    # Per mask: function modules with the real format (and version) information.
    final_base: tuple[int, ...]
    # Top-left corners of every 2x2 block, for the block penalty.
    block_corners: int


class _LayoutProbe(qrcode.QRCode):
    """A QRCode that records the matrix just before data placement instead of placing."""

    captured: Grid

    def map_data(self, data: list[int], mask_pattern: int) -> None:
        self.captured = [row[:] for row in self.modules]


def _capture(version: int, test: bool, mask: int, error_correction: int) -> Grid:
    probe = _LayoutProbe(version=version, error_correction=error_correction, border=0)
    probe.data_cache = []  # skips encoding: nothing is placed anyway
    probe.makeImpl(test, mask)
    return probe.captured


def _placement_order(grid: Grid) -> list[tuple[int, int]]:
    """Data modules in the order ISO 18004 fills them (qrcode's ``map_data`` walk)."""
    size = len(grid)
    order: list[tuple[int, int]] = []
    row, step = size - 1, -1
    for right in range(size - 1, 0, -2):
        col = right - 1 if right <= 6 else right  # column 6 is the vertical timing pattern
        while 0 <= row < size:
            order.extend((row, c) for c in (col, col - 1) if grid[row][c] is None)
            row += step
        row -= step
        step = -step
    return order


def _as_ints(cells: set[tuple[int, int]], size: int) -> tuple[int, int]:
    top = size * size - 1
    rows = sum(1 << (top - (r * size + c)) for r, c in cells)
    columns = sum(1 << (top - (c * size + r)) for r, c in cells)
    return rows, columns


def _dark(grid: Grid) -> set[tuple[int, int]]:
    return {(r, c) for r, line in enumerate(grid) for c, cell in enumerate(line) if cell}


@cache
def layout_for(version: int, error_correction: int = ERROR_CORRECT_Q) -> VersionLayout:
    """The tables of one version at one error-correction level (qrcode's constant):
    the level is part of the format information, hence of the final matrix."""
    size = version * 4 + 17
    scoring = _capture(version, True, 0, error_correction)
    order = _placement_order(scoring)
    stream_bits = len(order) // 8 * 8  # whole codewords; the rest are remainder bits
    index = {cell: min(i, stream_bits) for i, cell in enumerate(order)}
    row_major = [index.get((r, c), stream_bits) for r in range(size) for c in range(size)]
    col_major = [index.get((r, c), stream_bits) for c in range(size) for r in range(size)]
    mask_bits = tuple(
        _as_ints({(r, c) for r, c in order if util.mask_func(mask)(r, c)}, size)
        for mask in range(8)
    )
    final_base = tuple(
        _as_ints(_dark(_capture(version, False, m, error_correction)), size)[0] for m in range(8)
    )
    corners = {(r, c) for r in range(size - 1) for c in range(size - 1)}
    return VersionLayout(
        version=version,
        size=size,
        stream_bits=stream_bits,
        pick_rows=itemgetter(*row_major),
        pick_columns=itemgetter(*col_major),
        scoring_base=_as_ints(_dark(scoring), size),
        mask_bits=mask_bits,
        final_base=final_base,
        block_corners=_as_ints(corners, size)[0],
    )
