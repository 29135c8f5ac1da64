"""A broker picking the wrong file gets a clear Chinese refusal before any parsing."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from broker_app.services.excel import Problem, WorkbookError, check_workbook_file, safety

from .builders import (
    build_ole,
    build_sheetless_workbook,
    build_workbook,
    build_zip_bomb,
)


def refusal(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as caught:
        check_workbook_file(path)
    error = caught.value
    # Users see the Chinese text; logs get the English one (file names aside).
    assert str(error) == error.message
    assert error.message_en.replace(path.name, "").isascii()
    return error


def test_a_normal_workbook_passes(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "花名册.xlsx", [["姓名", "身份证号"], ["张三", "x"]])
    check_workbook_file(path)


def test_missing_file(tmp_path: Path) -> None:
    error = refusal(tmp_path / "不存在.xlsx")
    assert error.problem is Problem.NOT_FOUND
    assert "找不到文件" in error.message
    assert "不存在.xlsx" in error.message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "花名册"
    folder.mkdir()
    assert "文件夹" in refusal(folder).message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")
    error = refusal(path)
    assert error.problem is Problem.EMPTY
    assert "空的" in error.message


def test_legacy_xls(tmp_path: Path) -> None:
    path = build_ole(tmp_path / "老表格.xls", ["Workbook", "\x05SummaryInformation"])
    error = refusal(path)
    assert error.problem is Problem.LEGACY_XLS
    assert "这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入" in error.message


def test_legacy_xls_renamed_to_xlsx_is_still_recognised(tmp_path: Path) -> None:
    path = build_ole(tmp_path / "改了后缀.xlsx", ["Workbook"])
    assert refusal(path).problem is Problem.LEGACY_XLS


@pytest.mark.parametrize("sector_shift", [9, 12])
def test_password_protected_xlsx(tmp_path: Path, sector_shift: int) -> None:
    # What Office writes for an .xlsx with an open password: an OLE container with
    # the encrypted package, plus enough entries to span several directory sectors.
    streams = [
        "\x06DataSpaces",
        "DataSpaceMap",
        "DataSpaceInfo",
        "StrongEncryptionDataSpace",
        "TransformInfo",
        "StrongEncryptionTransform",
        "\x06Primary",
        "EncryptionInfo",
        "EncryptedPackage",
    ]
    path = build_ole(tmp_path / "有密码.xlsx", streams, sector_shift=sector_shift)
    error = refusal(path)
    assert error.problem is Problem.ENCRYPTED
    assert "密码" in error.message


def test_damaged_ole_with_encryption_marker_still_says_password(tmp_path: Path) -> None:
    path = build_ole(tmp_path / "坏的.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 48, 0x7FFF)  # directory points past the end
    path.write_bytes(bytes(data))
    assert refusal(path).problem is Problem.ENCRYPTED


def test_word_document_is_not_taken_for_xls(tmp_path: Path) -> None:
    path = build_ole(tmp_path / "通知.doc", ["WordDocument", "1Table"])
    error = refusal(path)
    assert error.problem is Problem.NOT_WORKBOOK
    assert "Word" in error.message


def test_csv_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_text("姓名,身份证号,联系电话\n张三,37088319900101002X,13912345678\n", "gb18030")
    error = refusal(path)
    assert error.problem is Problem.NOT_WORKBOOK
    assert "CSV" in error.message
    assert "另存为" in error.message


def test_pdf_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    error = refusal(path)
    assert error.problem is Problem.NOT_WORKBOOK
    assert "PDF" in error.message


def test_web_page_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "系统导出.xls"
    path.write_text(
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table>'
        "<tr><td>姓名</td></tr></table></body></html>",
        "utf-8",
    )
    assert "网页" in refusal(path).message


def test_excel_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "~$花名册.xlsx"
    path.write_bytes(b"\x05zhang  " + b"\x00" * 100)
    assert "~$" in refusal(path).message


def test_truncated_zip(tmp_path: Path) -> None:
    good = build_workbook(tmp_path / "好.xlsx", [["姓名"], ["张三"]])
    data = good.read_bytes()
    path = tmp_path / "没复制完.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    error = refusal(path)
    assert error.problem is Problem.CORRUPT
    assert "损坏" in error.message


def test_corrupted_member_data(tmp_path: Path) -> None:
    good = build_workbook(tmp_path / "好.xlsx", [["姓名"], ["张三"]] * 200)
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(good.read_bytes())
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle] ^= 0xFF
    path = tmp_path / "坏了一个字节.xlsx"
    path.write_bytes(bytes(data))
    assert refusal(path).problem is Problem.CORRUPT


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    path = build_zip_bomb(tmp_path / "炸弹.xlsx", megabytes=9)
    assert path.stat().st_size < 100_000
    error = refusal(path)
    assert error.problem is Problem.ZIP_BOMB
    assert "恶意" in error.message


def test_zip_bomb_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Building a real 512 MiB bomb would slow the suite; the limit is what is tested.
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED_BYTES", 2 * 1024 * 1024)
    path = build_zip_bomb(tmp_path / "炸弹.xlsx", megabytes=3)
    assert refusal(path).problem is Problem.ZIP_BOMB


def test_zip_that_understates_its_sizes(tmp_path: Path) -> None:
    # The directory declares 1 KB for a sheet that inflates to 10 MB: the declared
    # sizes pass every limit, so only inflating can catch the lie.
    path = build_zip_bomb(tmp_path / "撒谎.xlsx", megabytes=10, declare_bytes=1024)
    assert refusal(path).problem is Problem.ZIP_BOMB


def test_zip_without_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "照片.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo1.jpg", b"\xff\xd8\xff")
    assert refusal(path).problem is Problem.NOT_WORKBOOK


def test_workbook_with_no_worksheets(tmp_path: Path) -> None:
    path = build_sheetless_workbook(tmp_path / "空工作簿.xlsx")
    error = refusal(path)
    assert error.problem is Problem.NO_SHEETS
    assert "没有工作表" in error.message
