"""Decompresses one zip member to nowhere, proving its declared size and CRC are true.

The zip-bomb limits in ``safety`` trust the sizes written in the zip directory. A
crafted file can understate them; the workbook reader would then inflate far more
than we agreed to. Inflating each member here, with output capped at its declared
size, turns such a file (and any truncated or bit-flipped copy) into a clear refusal
before the reader sees it. Memory stays at one chunk.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from typing import BinaryIO

_LOCAL_HEADER = struct.Struct("<4s22xHH")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CHUNK = 1 << 20
# Inflating this much beyond the declared size means the sizes were forged.
OVERRUN_BOMB_BYTES = 8 << 20


class MemberSizeError(ValueError):
    """A member inflates to more than its declared size."""


class MemberCorruptError(ValueError):
    """A member's data is truncated, undecodable or fails its CRC."""


def verify_member(raw: BinaryIO, info: zipfile.ZipInfo) -> None:
    """Inflate ``info`` from the open zip file ``raw``; raise if it is not as declared."""
    raw.seek(info.header_offset)
    header = raw.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise MemberCorruptError(f"{info.filename}: local header truncated")
    signature, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    if signature != _LOCAL_SIGNATURE:
        raise MemberCorruptError(f"{info.filename}: bad local header")
    raw.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)

    if info.compress_type == zipfile.ZIP_STORED:
        produced, crc = _copy_stored(raw, info)
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        produced, crc = _inflate(raw, info)
    else:
        # Excel and WPS only write stored or deflated members.
        raise MemberCorruptError(f"{info.filename}: compression {info.compress_type}")
    if produced != info.file_size or crc != info.CRC:
        raise MemberCorruptError(f"{info.filename}: size or CRC mismatch")


def _copy_stored(raw: BinaryIO, info: zipfile.ZipInfo) -> tuple[int, int]:
    if info.compress_size != info.file_size:
        raise MemberCorruptError(f"{info.filename}: stored sizes differ")
    crc = 0
    remaining = info.compress_size
    while remaining:
        block = raw.read(min(_CHUNK, remaining))
        if not block:
            raise MemberCorruptError(f"{info.filename}: data truncated")
        remaining -= len(block)
        crc = zlib.crc32(block, crc)
    return info.compress_size, crc


def _inflate(raw: BinaryIO, info: zipfile.ZipInfo) -> tuple[int, int]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    crc = 0
    remaining = info.compress_size
    try:
        while remaining and not inflater.eof:
            block = raw.read(min(_CHUNK, remaining))
            if not block:
                raise MemberCorruptError(f"{info.filename}: data truncated")
            remaining -= len(block)
            pending = block
            while pending and not inflater.eof:
                # Capping each output step keeps memory flat even for a bomb.
                out = inflater.decompress(pending, _CHUNK)
                produced = _count(info, produced, out)
                crc = zlib.crc32(out, crc)
                pending = inflater.unconsumed_tail
        while not inflater.eof:
            out = inflater.decompress(b"", _CHUNK)
            if not out:
                break
            produced = _count(info, produced, out)
            crc = zlib.crc32(out, crc)
    except zlib.error as exc:
        raise MemberCorruptError(f"{info.filename}: {exc}") from exc
    if not inflater.eof:
        raise MemberCorruptError(f"{info.filename}: deflate stream incomplete")
    return produced, crc


def _count(info: zipfile.ZipInfo, produced: int, out: bytes) -> int:
    produced += len(out)
    # A damaged stream can also run somewhat past its size; only a large overrun
    # is treated as a bomb, the rest is reported as damage by the size check.
    if produced > info.file_size + OVERRUN_BOMB_BYTES:
        raise MemberSizeError(f"{info.filename}: inflates far past its declared size")
    return produced
