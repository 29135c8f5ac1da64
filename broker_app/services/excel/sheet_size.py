"""Tells whether a sheet holds more rows than we accept, without loading the sheet.

The workbook reader loads a whole sheet into memory before yielding the first row,
so the row limit must be enforced from the XML itself. The ``<dimension>`` element
at the top of the sheet answers in microseconds; but it also counts rows that are
only formatted, so when it reports too many rows we confirm by streaming the rows
and stopping as soon as the limit is passed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from typing import cast

# ``<dimension>`` sits before the sheet data, within the first few hundred bytes.
_HEAD_BYTES = 64 * 1024
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"\$?[A-Z]*\$?(\d*)(?::\$?[A-Z]*\$?(\d+))?\"")
# The shortest row that carries a value, ``<row><c><v>1</v></c></row>``, is 26 bytes,
# so a sheet part smaller than limit x 26 bytes cannot exceed the limit.
_MIN_BYTES_PER_ROW = 26
_CHUNK = 256 * 1024


def declared_rows(zf: zipfile.ZipFile, part: str) -> int | None:
    """Rows spanned by the sheet's ``<dimension>``, or None when it has none."""
    with zf.open(part) as stream:
        head = stream.read(_HEAD_BYTES)
    match = _DIMENSION.search(head)
    if match is None or not match.group(1):
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    return last - first + 1


def exceeds_rows(zf: zipfile.ZipFile, part: str, limit: int) -> bool:
    """True if the rows from the first to the last row holding a value number > limit."""
    if zf.getinfo(part).file_size < limit * _MIN_BYTES_PER_ROW:
        return False
    declared = declared_rows(zf, part)
    if declared is not None and declared <= limit:
        return False
    return _count_exceeds(zf, part, limit)


def _count_exceeds(zf: zipfile.ZipFile, part: str, limit: int) -> bool:
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    first_row: int | None = None
    row_number = 0
    sheet_data: ET.Element | None = None
    with zf.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            parser.feed(chunk)
            for item in parser.read_events():
                event, element = cast(tuple[str, object], item)
                if not isinstance(element, ET.Element):
                    continue
                tag = element.tag.rsplit("}", 1)[-1]
                if event == "start":
                    if tag == "sheetData":
                        sheet_data = element
                    continue
                if tag != "row":
                    continue
                # ``r`` is optional; rows without it follow the previous one.
                row_number = int(element.get("r") or row_number + 1)
                if _has_value(element):
                    if first_row is None:
                        first_row = row_number
                    if row_number - first_row + 1 > limit:
                        return True
                # Drop finished rows so memory stays flat on huge sheets.
                if sheet_data is not None:
                    sheet_data.clear()
    return False


def _has_value(row: ET.Element) -> bool:
    return any(node.text and node.tag.rsplit("}", 1)[-1] in ("v", "t") for node in row.iter())
