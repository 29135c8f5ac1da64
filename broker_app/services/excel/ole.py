"""Lists the stream names inside an OLE compound file, and nothing more.

Two very different files start with the same OLE signature: a legacy Excel 97-2003
workbook, and a modern .xlsx that was saved with a password (Office wraps the
encrypted package in an OLE container holding "EncryptionInfo" and
"EncryptedPackage" streams). Users need different advice for each, so we read the
container's directory. Only names are read: no stream content, so this cannot be
tricked into decompressing or decoding anything.
"""

from __future__ import annotations

import os
import struct
import sys
from array import array
from typing import BinaryIO

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_HEADER_SIZE = 512
_DIR_ENTRY_SIZE = 128
_HEADER_DIFAT_ENTRIES = 109
_MAX_REGULAR_SECTOR = 0xFFFFFFFA
_END_OF_CHAIN = 0xFFFFFFFE
# Object types in a directory entry: 1 storage, 2 stream, 5 root storage.
_NAMED_OBJECT_TYPES = frozenset({1, 2, 5})
# Real workbooks have a handful of directory sectors; a long chain means a crafted or
# broken file, and stopping early keeps the check instant.
_MAX_DIRECTORY_SECTORS = 4096


class OleFormatError(ValueError):
    """The file has the OLE signature but its structure is broken."""


def is_ole_header(head: bytes) -> bool:
    return head.startswith(OLE_SIGNATURE)


def ole_entry_names(path: str | os.PathLike[str]) -> list[str]:
    """Names of all storages and streams in the compound file at ``path``."""
    with open(path, "rb") as f:
        return _read_entry_names(f)


def _read_entry_names(f: BinaryIO) -> list[str]:
    header = f.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not header.startswith(OLE_SIGNATURE):
        raise OleFormatError("short or unsigned header")
    (sector_shift,) = struct.unpack_from("<H", header, 30)
    if sector_shift not in (9, 12):
        raise OleFormatError(f"unexpected sector shift {sector_shift}")
    sector_size = 1 << sector_shift
    (first_dir_sector,) = struct.unpack_from("<I", header, 48)
    first_difat_sector, difat_count = struct.unpack_from("<II", header, 68)

    fat_sectors = _u32_array(header[76 : 76 + 4 * _HEADER_DIFAT_ENTRIES])
    # Files over a few MB list further FAT sectors in a DIFAT chain.
    next_difat = first_difat_sector
    for _ in range(difat_count):
        if next_difat > _MAX_REGULAR_SECTOR:
            break
        entries = _u32_array(_read_sector(f, next_difat, sector_size))
        fat_sectors.extend(entries[:-1])
        next_difat = entries[-1]

    fat = array("I")
    for sector in fat_sectors:
        if sector > _MAX_REGULAR_SECTOR:
            continue
        fat.extend(_u32_array(_read_sector(f, sector, sector_size)))

    names: list[str] = []
    sector = first_dir_sector
    for _ in range(_MAX_DIRECTORY_SECTORS):
        if sector == _END_OF_CHAIN:
            return names
        if sector > _MAX_REGULAR_SECTOR or sector >= len(fat):
            raise OleFormatError(f"directory chain points to sector {sector:#x}")
        data = _read_sector(f, sector, sector_size)
        for offset in range(0, sector_size, _DIR_ENTRY_SIZE):
            name = _entry_name(data[offset : offset + _DIR_ENTRY_SIZE])
            if name is not None:
                names.append(name)
        sector = fat[sector]
    raise OleFormatError("directory chain too long or looping")


def _entry_name(entry: bytes) -> str | None:
    (name_bytes,) = struct.unpack_from("<H", entry, 64)
    if entry[66] not in _NAMED_OBJECT_TYPES or not 2 <= name_bytes <= 64:
        return None
    # The stored length counts the UTF-16 terminating NUL.
    return entry[: name_bytes - 2].decode("utf-16-le", errors="replace")


def _read_sector(f: BinaryIO, sector: int, sector_size: int) -> bytes:
    # Sector 0 starts right after the header, which occupies one sector's slot.
    f.seek((sector + 1) * sector_size)
    data = f.read(sector_size)
    if len(data) != sector_size:
        raise OleFormatError(f"sector {sector} is beyond the end of the file")
    return data


def _u32_array(data: bytes) -> array[int]:
    values = array("I")
    if values.itemsize != 4:  # pragma: no cover - no supported platform differs
        raise OleFormatError("platform has no 32-bit unsigned array type")
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values
