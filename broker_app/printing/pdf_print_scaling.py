"""Ask PDF viewers to print at actual size (``/ViewerPreferences << /PrintScaling
/None >>`` in the document catalog), so a card comes out 85.6 mm wide and not
"fitted to the page". Qt's PDF writer has no setting for it, so the key is added as a
PDF incremental update (ISO 32000-1, 7.5.6): a new revision of the catalog, an xref
section for it and a trailer pointing back at the original, appended to the file.
The bytes Qt wrote are left exactly as they were.
"""

from __future__ import annotations

import re
from pathlib import Path

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_ROOT = re.compile(rb"/Root\s+(\d+)\s+(\d+)\s+R")
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ID = re.compile(rb"/ID\s*\[[^\]]*\]")
_INFO = re.compile(rb"/Info\s+\d+\s+\d+\s+R")
_SUBSECTION = re.compile(rb"xref\s+(\d+)\s+(\d+)\s+")
PREFERENCE = b"/ViewerPreferences << /PrintScaling /None >>"


class PdfStructureError(ValueError):
    """The file is not laid out the way this module can update (never for Qt's PDFs)."""


def add_print_scaling_none(path: Path) -> None:
    """Append the catalog revision to the PDF at ``path`` (write it to a temporary
    name first: the caller renames the finished file)."""
    data = path.read_bytes()
    with path.open("ab") as out:
        out.write(_update(data))


def _update(data: bytes) -> bytes:
    end = _STARTXREF.search(data[-64:])
    trailers = list(_TRAILER.finditer(data))
    if end is None or not trailers:
        raise PdfStructureError("no trailer")
    trailer = trailers[-1].group(1)
    root, size = _ROOT.search(trailer), _SIZE.search(trailer)
    if root is None or size is None:
        raise PdfStructureError("trailer without /Root or /Size")
    number, generation = int(root.group(1)), int(root.group(2))
    xref_at = int(end.group(1))
    catalog = _object(data, _offset(data, xref_at, number), number)
    if b"/ViewerPreferences" in catalog:
        raise PdfStructureError("the catalog already has viewer preferences")
    close = catalog.rindex(b">>")
    revised = catalog[:close] + PREFERENCE + b"\n" + catalog[close:]
    tail = b"\n" if not data.endswith(b"\n") else b""
    start = len(data) + len(tail)
    body = b"%d %d obj\n%s\nendobj\n" % (number, generation, revised)
    xref = b"xref\n%d 1\n%010d %05d n\r\n" % (number, start, generation)
    keep = b" ".join(m.group(0) for m in (_INFO.search(trailer), _ID.search(trailer)) if m)
    new_trailer = b"trailer\n<< /Size %s /Root %d %d R %s /Prev %d >>\n" % (
        size.group(1),
        number,
        generation,
        keep,
        xref_at,
    )
    return tail + body + xref + new_trailer + b"startxref\n%d\n%%%%EOF\n" % (start + len(body))


def _offset(data: bytes, xref_at: int, number: int) -> int:
    """Where object ``number`` starts, from the classic xref table at ``xref_at``."""
    match = _SUBSECTION.match(data, xref_at)
    if match is None:
        raise PdfStructureError("no classic xref table")
    first, count = int(match.group(1)), int(match.group(2))
    if not first <= number < first + count:
        raise PdfStructureError("catalog not in the first xref subsection")
    entry = data[match.end() + 20 * (number - first) :][:20]
    if not entry[17:18] == b"n":
        raise PdfStructureError("catalog entry is not in use")
    return int(entry[:10])


def _object(data: bytes, offset: int, number: int) -> bytes:
    """The dictionary of the object at ``offset`` (between "obj" and "endobj")."""
    head = re.compile(rb"%d\s+\d+\s+obj\s*" % number).match(data, offset)
    if head is None:
        raise PdfStructureError("the xref does not point at the catalog")
    stop = data.index(b"endobj", head.end())
    body = data[head.end() : stop].strip()
    if not (body.startswith(b"<<") and body.endswith(b">>")):
        raise PdfStructureError("the catalog is not a dictionary")
    return body
