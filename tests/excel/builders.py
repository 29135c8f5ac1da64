"""Builds the files the Excel tests feed in: real workbooks and crafted bad files."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from broker_app.services.excel.ole import OLE_SIGNATURE

_FREE = 0xFFFFFFFF
_END = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_NO_STREAM = 0xFFFFFFFF


def build_ole(path: Path, stream_names: Sequence[str], *, sector_shift: int = 9) -> Path:
    """A minimal but well-formed OLE compound file whose root holds ``stream_names``.

    Only the structure the refusal logic reads is real: header, FAT and directory.
    Streams are empty, which the format allows.
    """
    sector_size = 1 << sector_shift
    entries = [_dir_entry("Root Entry", 5, child=1 if stream_names else _NO_STREAM)]
    for index, name in enumerate(stream_names, start=1):
        right = index + 1 if index < len(stream_names) else _NO_STREAM
        entries.append(_dir_entry(name, 2, right=right))
    directory = b"".join(entries)
    directory += b"\x00" * (-len(directory) % sector_size)
    dir_sectors = len(directory) // sector_size

    fat = [_FAT_SECTOR]  # sector 0 holds the FAT itself
    for i in range(dir_sectors):  # directory chain in sectors 1..n
        fat.append(i + 2 if i + 1 < dir_sectors else _END)
    fat += [_FREE] * (sector_size // 4 - len(fat))
    fat_sector = struct.pack(f"<{len(fat)}I", *fat)

    header = bytearray(512)
    header[0:8] = OLE_SIGNATURE
    struct.pack_into(
        "<HHHHH", header, 24, 0x3E, 3 if sector_shift == 9 else 4, 0xFFFE, sector_shift, 6
    )
    struct.pack_into("<IIII", header, 40, dir_sectors if sector_shift == 12 else 0, 1, 1, 0)
    struct.pack_into("<IIIII", header, 56, 4096, _END, 0, _END, 0)
    difat = [0] + [_FREE] * 108
    struct.pack_into("<109I", header, 76, *difat)
    header_block = bytes(header) + b"\x00" * (sector_size - 512)
    path.write_bytes(header_block + fat_sector + directory)
    return path


def _dir_entry(name: str, kind: int, *, child: int = _NO_STREAM, right: int = _NO_STREAM) -> bytes:
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    entry = bytearray(128)
    entry[0 : len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, _NO_STREAM, right, child)
    struct.pack_into("<IQ", entry, 116, _END, 0)  # start sector, size: an empty stream
    return bytes(entry)


def build_workbook(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    title: str = "花名册",
    start_row: int = 1,
    start_column: int = 1,
) -> Path:
    """An ordinary .xlsx as a user's Excel would save it (via openpyxl's normal mode)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                sheet.cell(row=start_row + r, column=start_column + c, value=value)
    book.save(path)
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


_ONE_SHEET_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_ONE_SHEET_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def build_sheetless_workbook(path: Path) -> Path:
    """A structurally valid workbook package whose workbook lists no sheets."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheets/></workbook>",
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        )
    return path


def build_zip_bomb(path: Path, *, megabytes: int, declare_bytes: int | None = None) -> Path:
    """A workbook-shaped zip whose sheet is ``megabytes`` MiB of one repeated byte.

    With ``declare_bytes`` the sheet's size fields are forged to that value.
    """
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _ONE_SHEET_WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _ONE_SHEET_RELS)
        if declare_bytes is None:
            with zf.open(sheet, "w", force_zip64=True) as member:
                for _ in range(megabytes):
                    member.write(b"<" * (1024 * 1024))
        else:
            zf.writestr(sheet, b"<" * (megabytes * 1024 * 1024))
    if declare_bytes is not None:
        with zipfile.ZipFile(path) as zf:
            offset = zf.getinfo(sheet).header_offset
        data = bytearray(path.read_bytes())
        struct.pack_into("<I", data, offset + 22, declare_bytes)
        struct.pack_into("<I", data, data.rfind(b"PK\x01\x02") + 24, declare_bytes)
        path.write_bytes(bytes(data))
    return path
