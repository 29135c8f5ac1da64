"""Refuses files that must not reach the workbook parser, with advice a broker can follow.

Runs before any parsing: it reads only the file's first bytes, the zip directory,
and the three small index parts that say where the worksheets are. Every member is
also inflated once (to nowhere) so that a lying zip directory, a bomb or a
truncated copy is refused here instead of exhausting memory inside the reader.
"""

from __future__ import annotations

import logging
import os
import stat
import zipfile
from pathlib import Path

from .errors import Problem, WorkbookError
from .ole import OleFormatError, is_ole_header, ole_entry_names
from .package import PackageError, sheet_entries, workbook_part
from .sniff import SNIFF_BYTES, describe_non_workbook
from .zipcheck import MemberCorruptError, MemberSizeError, verify_member

log = logging.getLogger(__name__)

MiB = 1024 * 1024
# Our largest real rosters are a few MB; 256 MB on disk is far beyond any of them.
MAX_FILE_BYTES = 256 * MiB
# A 200,000-row, 30-column sheet is about 250 MB of XML once unzipped.
MAX_UNCOMPRESSED_BYTES = 512 * MiB
# Real sheet XML compresses 5-30x; deflate tops out near 1000x, which bombs use.
MAX_COMPRESSION_RATIO = 200
# Below this size even an extreme ratio cannot hurt, and tiny parts often exceed it.
RATIO_CHECK_MIN_BYTES = 8 * MiB
# A workbook has tens of parts; thousands means a crafted file.
MAX_ZIP_MEMBERS = 10_000
# The raw fallback scan for encryption markers in a damaged OLE file reads this much.
OLE_SCAN_BYTES = 64 * MiB

_ENCRYPTION_STREAMS = frozenset({"EncryptionInfo", "EncryptedPackage"})
_SAVE_AS_XLSX = "请用 Excel 或 WPS 打开它，另存为“Excel 工作簿 (.xlsx)”后再导入。"


def check_workbook_file(path: str | os.PathLike[str]) -> None:
    """Raise WorkbookError unless ``path`` is an .xlsx workbook that is safe to parse."""
    file = Path(path)
    name = file.name
    size = _regular_file_size(file)
    if size == 0:
        raise WorkbookError(
            f"文件“{name}”是空的（0 字节），可能没有保存或复制完整，请重新导出一次。",
            f"{name}: file is empty",
            Problem.EMPTY,
        )
    if name.startswith("~$"):
        raise WorkbookError(
            f"“{name}”是 Excel 打开表格时自动生成的临时文件，请选择名字前面没有“~$”的原文件。",
            f"{name}: Office owner/lock file",
            Problem.NOT_WORKBOOK,
        )
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            f"文件“{name}”太大（{size // MiB} MB），超过 {MAX_FILE_BYTES // MiB} MB 的上限，"
            "请拆分成几个文件再导入。",
            f"{name}: {size} bytes exceeds {MAX_FILE_BYTES}",
            Problem.TOO_LARGE,
        )
    head = _read_head(file)
    if is_ole_header(head):
        _refuse_ole(file)
    if not head.startswith(b"PK"):
        message, message_en = describe_non_workbook(head)
        raise WorkbookError(f"“{name}”：{message}", f"{name}: {message_en}", Problem.NOT_WORKBOOK)
    _check_zip(file)


def _regular_file_size(file: Path) -> int:
    name = file.name
    try:
        info = file.stat()
    except FileNotFoundError:
        raise WorkbookError(
            f"找不到文件“{name}”，它可能已被移动、改名或删除。",
            f"{name}: file not found",
            Problem.NOT_FOUND,
        ) from None
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise WorkbookError(
            f"“{name}”是一个文件夹，请打开它，选择里面的 Excel 文件。",
            f"{name}: is a directory",
            Problem.NOT_FOUND,
        )
    if not stat.S_ISREG(info.st_mode):
        raise _unreadable(name, OSError("not a regular file"))
    return info.st_size


def _read_head(file: Path) -> bytes:
    try:
        with file.open("rb") as f:
            return f.read(SNIFF_BYTES)
    except OSError as exc:
        raise _unreadable(file.name, exc) from exc


def _unreadable(name: str, exc: OSError) -> WorkbookError:
    return WorkbookError(
        f"无法读取文件“{name}”：没有权限，或文件正被其他程序占用。请关闭其他程序后重试。",
        f"{name}: cannot read: {exc}",
        Problem.UNREADABLE,
    )


def _refuse_ole(file: Path) -> None:
    name = file.name
    try:
        names = set(ole_entry_names(file))
    except (OleFormatError, OSError) as exc:
        # A damaged container: fall back to looking for the marker names anywhere.
        log.info("%s: OLE directory unreadable (%s); scanning raw bytes", name, exc)
        names = _scan_for_encryption_names(file)
    if names & _ENCRYPTION_STREAMS:
        raise WorkbookError(
            f"“{name}”设置了打开密码，无法读取。请在 Excel 或 WPS 中输入密码打开它，"
            "取消密码后保存，再导入。",
            f"{name}: password-protected (encrypted OOXML in an OLE container)",
            Problem.ENCRYPTED,
        )
    if "WordDocument" in names or "PowerPoint Document" in names:
        raise WorkbookError(
            f"“{name}”是 Word 或 PowerPoint 文件，不是 Excel 表格，无法导入。",
            f"{name}: legacy Word/PowerPoint file",
            Problem.NOT_WORKBOOK,
        )
    raise WorkbookError(
        f"“{name}”：这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入。",
        f"{name}: legacy .xls (OLE compound file)",
        Problem.LEGACY_XLS,
    )


def _scan_for_encryption_names(file: Path) -> set[str]:
    with file.open("rb") as f:
        data = f.read(OLE_SCAN_BYTES)
    return {n for n in _ENCRYPTION_STREAMS if n.encode("utf-16-le") in data}


def _check_zip(file: Path) -> None:
    name = file.name
    try:
        with file.open("rb") as raw, zipfile.ZipFile(raw) as zf:
            infos = zf.infolist()
            _check_sizes(name, infos)
            _check_kind(name, zf)
            for info in infos:
                verify_member(raw, info)
            _check_has_worksheet(name, zf)
    except WorkbookError:
        raise
    except MemberSizeError as exc:
        raise _bomb(name, str(exc)) from exc
    except (zipfile.BadZipFile, MemberCorruptError, PackageError, EOFError, ValueError) as exc:
        raise WorkbookError(
            f"“{name}”已损坏，无法打开（可能没有下载或复制完整）。请重新获取原文件再试。",
            f"{name}: corrupt zip/workbook: {exc}",
            Problem.CORRUPT,
        ) from exc
    except OSError as exc:
        raise _unreadable(name, exc) from exc


def _check_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_MEMBERS:
        raise _bomb(name, f"{len(infos)} members")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise WorkbookError(
                f"“{name}”设置了密码，无法读取。请取消密码后另存为 .xlsx 再导入。",
                f"{name}: zip member {info.filename} is encrypted",
                Problem.ENCRYPTED,
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _bomb(name, f"{info.filename} ratio {info.file_size}/{info.compress_size}")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _bomb(name, f"declared uncompressed total {total}")


def _bomb(name: str, detail: str) -> WorkbookError:
    return WorkbookError(
        f"“{name}”内容异常：解压后体积过大（超过 {MAX_UNCOMPRESSED_BYTES // MiB} MB 的上限，"
        "或压缩比异常），可能是恶意文件，已拒绝打开。",
        f"{name}: zip bomb suspected: {detail}",
        Problem.ZIP_BOMB,
    )


def _check_kind(name: str, zf: zipfile.ZipFile) -> None:
    names = set(zf.namelist())
    if "xl/workbook.bin" in names:
        message, message_en = "这是 Excel 二进制工作簿 (.xlsb)。" + _SAVE_AS_XLSX, "xlsb"
    elif "content.xml" in names and "mimetype" in names:
        message, message_en = "这是 WPS/LibreOffice 的 .ods 表格。" + _SAVE_AS_XLSX, "ods"
    elif "word/document.xml" in names:
        message, message_en = "这是 Word 文档，不是 Excel 表格，无法导入。", "docx"
    elif workbook_part(zf) is None:
        message, message_en = (
            "这是一个压缩包或其他文件，不是 Excel 工作簿 (.xlsx)，无法导入。",
            "zip without a workbook part",
        )
    else:
        return
    raise WorkbookError(f"“{name}”：{message}", f"{name}: {message_en}", Problem.NOT_WORKBOOK)


def _check_has_worksheet(name: str, zf: zipfile.ZipFile) -> None:
    if any(e.is_worksheet and e.part is not None for e in sheet_entries(zf)):
        return
    raise WorkbookError(
        f"“{name}”里没有工作表（可能只有图表，或是空的），没有可导入的数据。",
        f"{name}: workbook has no worksheets",
        Problem.NO_SHEETS,
    )
