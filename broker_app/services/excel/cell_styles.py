"""Styled cells for the fixed rows of a sheet (titles, headers, 合计 rows, notes).

Giving an openpyxl cell a font, fill, border or alignment looks the style object up
in the workbook's list of styles, which hashes and compares the whole object: about
0.1 ms a property. A workbook of 200 batch sheets, or the monthly statistics with a
小计 row per township, set them tens of thousands of times. This cache does each
combination once per workbook and gives every further cell a copy of the resulting
index array, which is what openpyxl stores per cell anyway (style ids are per
workbook, so the cache is too).
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray

_Key = tuple[int, int, int, int, str | None]


class CellStyles:
    """Cells of one write-only workbook carrying shared style objects (those of
    ``styles``: module constants, so they are told apart by identity)."""

    def __init__(self) -> None:
        self._arrays: dict[_Key, StyleArray] = {}
        # The style objects of the keys, kept alive so that no other takes their id.
        self._objects: list[object] = []

    def cell(
        self,
        worksheet: Any,
        *,
        font: Font | None = None,
        fill: PatternFill | None = None,
        border: Border | None = None,
        alignment: Alignment | None = None,
        number_format: str | None = None,
    ) -> Cell:
        """A new cell of ``worksheet`` with these properties (None: the default)."""
        key = (id(font), id(fill), id(border), id(alignment), number_format)
        array = self._arrays.get(key)
        cell = WriteOnlyCell(worksheet)
        if array is None:
            # The first time: openpyxl registers the objects in the workbook.
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            if border is not None:
                cell.border = border
            if alignment is not None:
                cell.alignment = alignment
            if number_format is not None:
                cell.number_format = number_format
            self._arrays[key] = StyleArray(cell._style) if cell._style else StyleArray()
            self._objects += (font, fill, border, alignment)
            return cell
        cell._style = copy(array)
        return cell
