"""Tells whether a sheet is too big to load, without loading it.

The workbook reader builds the whole sheet in memory as a dense grid (rows x
columns) before yielding a row, so size limits must be enforced from the XML. The
``<dimension>`` element is no help: files written in streaming mode (ours included)
omit it, it counts rows that are merely formatted, and a crafted file can lie in it.
Instead the sheet XML is inflated and scanned at C speed for the last row number and
for wide cell references; both are upper bounds of the grid the reader will build.
Only when a bound is exceeded is each row looked at, counting the rows that actually
hold values (templates carry formatting far below their data), stopping as soon as a
limit is passed.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

# 200,000 rows x 60 columns; the reader needs roughly 32 bytes per cell of the grid.
MAX_SHEET_CELLS = 12_000_000

_CHUNK = 1 << 20
# Some generators write every tag with a namespace prefix ("<x:row>").
_PREFIX = re.compile(rb"<(\w+:)?sheetData\b")
# Cell references from column AA on; narrower sheets cannot threaten memory. No
# attribute but a cell's ``r`` ends in 'r="' followed by letters, and a literal
# start keeps the scan at C speed.
_WIDE_REFERENCE = re.compile(rb'r="([A-Z]{2,3})\d')
_ANY_REFERENCE = re.compile(rb'r="([A-Z]{1,3})\d')
_NUMBER_ATTRIBUTE = re.compile(rb'\br="(\d+)"')
_NARROW_COLUMNS = 26


class SheetSize(Enum):
    OK = "ok"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_CELLS = "too_many_cells"


@dataclass(frozen=True, slots=True)
class SheetBounds:
    """Upper bounds of the grid the reader would build for a sheet."""

    rows: int
    columns: int


def check_sheet_size(
    zf: zipfile.ZipFile, part: str, max_rows: int, max_cells: int = MAX_SHEET_CELLS
) -> SheetSize:
    """Whether the sheet in zip member ``part`` fits ``max_rows`` and ``max_cells``."""
    bounds = scan_bounds(zf, part)
    if bounds.rows <= max_rows and bounds.rows * bounds.columns <= max_cells:
        return SheetSize.OK
    return _count_data(zf, part, max_rows, max_cells)


def scan_bounds(zf: zipfile.ZipFile, part: str) -> SheetBounds:
    """Row span and column count bounds from a byte-level pass over the sheet XML."""
    first_row: int | None = None
    last_row = 0
    rows_total = 0
    rows_numbered = 0
    columns = _NARROW_COLUMNS
    patterns: _RowPatterns | None = None
    for body in _chunks(zf, part):
        patterns = patterns or _RowPatterns.detect(body)
        if patterns is None:
            continue
        rows_total += body.count(patterns.open_with_attributes) + body.count(patterns.open_bare)
        numbers = patterns.number.findall(body)
        if numbers:
            rows_numbered += len(numbers)
            first_row = int(numbers[0]) if first_row is None else first_row
            last_row = max(last_row, int(numbers[-1]))
        for match in _WIDE_REFERENCE.finditer(body):
            columns = max(columns, _column_number(match.group(1)))
    unnumbered = rows_total - rows_numbered
    if unnumbered:
        # Rows without a number follow the previous one: widen the bound accordingly.
        return SheetBounds(last_row + unnumbered, columns)
    return SheetBounds(last_row - (first_row or 1) + 1 if rows_total else 0, columns)


def _count_data(zf: zipfile.ZipFile, part: str, max_rows: int, max_cells: int) -> SheetSize:
    """Look at each row, counting only rows with a value; stop at the first limit."""
    first_row: int | None = None
    row_number = 0
    columns = 0
    patterns: _RowPatterns | None = None
    pending = b""
    for body in _chunks(zf, part, final_marker=True):
        patterns = patterns or _RowPatterns.detect(body)
        if patterns is None:
            continue
        data = pending + body
        # Every row before the last row start is complete; the last one may continue
        # in the next chunk, so it waits (until the stream has ended).
        cut = max(data.rfind(patterns.open_with_attributes), data.rfind(patterns.open_bare))
        if body and cut > 0:
            complete, pending = data[:cut], data[cut:]
        elif body:
            complete, pending = b"", data
        else:
            complete, pending = data, b""
        for attributes, content in patterns.element.findall(complete):
            number = _NUMBER_ATTRIBUTE.search(attributes)
            row_number = int(number.group(1)) if number else row_number + 1
            if not content or (
                patterns.value not in content and patterns.inline_text not in content
            ):
                continue
            first_row = row_number if first_row is None else first_row
            references = _ANY_REFERENCE.findall(content)
            columns = max(columns, _column_number(references[-1]) if references else 1)
            height = row_number - first_row + 1
            if height > max_rows:
                return SheetSize.TOO_MANY_ROWS
            if height * columns > max_cells:
                return SheetSize.TOO_MANY_CELLS
    return SheetSize.OK


@dataclass(frozen=True, slots=True)
class _RowPatterns:
    open_with_attributes: bytes
    open_bare: bytes
    value: bytes  # start of a <v> (cell value) element
    inline_text: bytes  # start of a <t> (inline string text) element
    number: re.Pattern[bytes]
    element: re.Pattern[bytes]

    @classmethod
    def detect(cls, head: bytes) -> _RowPatterns | None:
        found = _PREFIX.search(head)
        if found is None:
            return None
        prefix = found.group(1) or b""
        tag = re.escape(prefix + b"row")
        return cls(
            open_with_attributes=b"<" + prefix + b"row ",
            open_bare=b"<" + prefix + b"row>",
            value=b"<" + prefix + b"v",
            inline_text=b"<" + prefix + b"t",
            number=re.compile(rb"<" + tag + rb'\s[^>]*?\br="(\d+)"'),
            element=re.compile(
                rb"<" + tag + rb"(\s[^>]*?)?(?:/>|>(.*?)</" + tag + rb">)", re.DOTALL
            ),
        )


def _chunks(zf: zipfile.ZipFile, part: str, *, final_marker: bool = False) -> Iterator[bytes]:
    """The member's bytes in chunks that never split a tag.

    With ``final_marker`` an empty chunk follows the last one, so callers holding
    back an unfinished element know the stream ended.
    """
    carry = b""
    with zf.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = carry + chunk
            cut = data.rfind(b"<")
            if cut > 0:
                data, carry = data[:cut], data[cut:]
            else:
                carry = b""
            yield data
    if carry:
        yield carry
    if final_marker:
        yield b""


def _column_number(letters: bytes) -> int:
    number = 0
    for code in letters:
        number = number * 26 + (code - 64)
    return number
