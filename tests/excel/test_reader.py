"""Reading rows: values as the broker typed them, row numbers as Excel shows them."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from broker_app.services.excel import (
    Problem,
    WorkbookError,
    iter_rows,
    list_sheets,
    preview_rows,
)
from broker_app.services.excel.sheet_size import (
    SheetBounds,
    SheetSize,
    check_sheet_size,
    scan_bounds,
)

from .builders import build_ole, build_workbook


def test_rows_keep_excel_row_numbers_and_column_positions(tmp_path: Path) -> None:
    # Data starting at C5, as when a template leaves margins: row 5 must be row 5
    # and column C must be index 2, so error messages point at the right cell.
    path = build_workbook(
        tmp_path / "t.xlsx",
        [["姓名", "年龄"], ["张三", 35], [None, None], ["李四", 41]],
        start_row=5,
        start_column=3,
    )
    rows = list(iter_rows(path))
    assert [number for number, _ in rows] == [5, 6, 7, 8]
    assert rows[0][1] == [None, None, "姓名", "年龄"]
    assert rows[1][1][2] == "张三"
    assert rows[2][1] == [None, None, None, None]


def test_value_types(tmp_path: Path) -> None:
    path = build_workbook(
        tmp_path / "t.xlsx",
        [
            ["text", 370883199001010021, 1.5, True, "", date(2024, 5, 1), datetime(2024, 5, 1, 8)],
        ],
    )
    ((_, cells),) = list(iter_rows(path))
    text, id_as_number, decimal, flag, empty, day, moment = cells
    assert text == "text"
    # An ID typed as a number arrives as a float: the caller can tell it lost digits.
    assert isinstance(id_as_number, float)
    assert decimal == 1.5
    assert flag is True
    assert day == date(2024, 5, 1)
    assert moment == datetime(2024, 5, 1, 8)
    assert empty is None


def test_list_sheets_skips_hidden_sheets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "花名册"
    first["A1"] = "姓名"
    hidden = book.create_sheet("下拉选项")
    hidden["A1"] = "男"
    hidden.sheet_state = "hidden"
    book.create_sheet("汇总")["A1"] = 1
    path = tmp_path / "t.xlsx"
    book.save(path)
    assert list_sheets(path) == ["花名册", "汇总"]
    # A hidden sheet can still be read when asked for by name.
    assert next(iter_rows(path, "下拉选项"))[1] == ["男"]


def test_default_sheet_is_the_first_visible_one(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "说明"
    hidden["A1"] = "说明文字"
    hidden.sheet_state = "hidden"
    book.create_sheet("数据")["A1"] = "姓名"
    book.active = 1
    path = tmp_path / "t.xlsx"
    book.save(path)
    assert next(iter_rows(path))[1] == ["姓名"]


def test_unknown_sheet(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "t.xlsx", [["a"]])
    with pytest.raises(WorkbookError) as caught:
        iter_rows(path, "不存在")
    assert caught.value.problem is Problem.SHEET_NOT_FOUND
    assert "不存在" in caught.value.message


def test_refusal_happens_at_call_time_not_at_first_row(tmp_path: Path) -> None:
    path = build_ole(tmp_path / "old.xls", ["Workbook"])
    with pytest.raises(WorkbookError) as caught:
        iter_rows(path)
    assert caught.value.problem is Problem.LEGACY_XLS


def test_preview_rows(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "t.xlsx", [[f"r{i}"] for i in range(30)])
    preview = preview_rows(path, None, 5)
    assert [number for number, _ in preview] == [1, 2, 3, 4, 5]
    assert preview[4][1] == ["r4"]


SHEET1 = "xl/worksheets/sheet1.xml"


def _rows(count: int) -> list[list[object]]:
    header: list[object] = ["姓名", "编号"]
    return [header, *([f"人{i}", i] for i in range(count - 1))]


def test_max_rows_exactly_is_accepted(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "t.xlsx", _rows(50))
    assert len(list(iter_rows(path, max_rows=50))) == 50


def test_one_row_over_max_rows_is_refused(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "t.xlsx", _rows(51))
    with pytest.raises(WorkbookError) as caught:
        iter_rows(path, max_rows=50)
    assert caught.value.problem is Problem.TOO_MANY_ROWS
    assert caught.value.message == "表格超过 50 行，请拆分后导入。"


def _without_dimension(path: Path) -> Path:
    out = path.with_name("nodim.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            dst.writestr(info, data)
    return out


def test_too_many_rows_without_a_dimension_element(tmp_path: Path) -> None:
    path = _without_dimension(build_workbook(tmp_path / "t.xlsx", _rows(300)))
    with pytest.raises(WorkbookError) as caught:
        iter_rows(path, max_rows=100)
    assert caught.value.problem is Problem.TOO_MANY_ROWS


def test_rows_that_are_only_formatted_do_not_count(tmp_path: Path) -> None:
    # Someone coloured rows far below the data: the sheet's dimension says 500
    # rows, but only 10 hold values, so a 100-row limit must not refuse it.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for i in range(1, 11):
        sheet.cell(row=i, column=1, value=f"人{i}")
    for i in range(11, 501):
        sheet.cell(row=i, column=1).font = Font(bold=True)
    path = tmp_path / "t.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as zf:
        assert scan_bounds(zf, SHEET1).rows == 500
    assert len(list(iter_rows(path, max_rows=100))) == 10


def test_row_limit_is_found_without_loading_the_sheet(tmp_path: Path) -> None:
    path = build_workbook(tmp_path / "t.xlsx", _rows(2_000))
    with zipfile.ZipFile(path) as zf:
        assert scan_bounds(zf, SHEET1) == SheetBounds(rows=2_000, columns=26)
        assert check_sheet_size(zf, SHEET1, 1_999) is SheetSize.TOO_MANY_ROWS
        assert check_sheet_size(zf, SHEET1, 2_000) is SheetSize.OK


def test_far_away_cell_that_would_blow_up_memory_is_refused(tmp_path: Path) -> None:
    # Two values, at A1 and at ZX20000: a tiny file, but the reader would build a
    # 20,000 x 700 grid (14 million cells) before yielding the first row.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "姓名"
    sheet.cell(row=20_000, column=700, value="远处的值")
    path = tmp_path / "t.xlsx"
    book.save(path)
    with pytest.raises(WorkbookError) as caught:
        iter_rows(path)
    assert "数据范围太大" in caught.value.message


def _sheet_zip(path: Path, xml: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(SHEET1, xml)
    return path


def test_bounds_with_namespace_prefixes_and_unnumbered_rows(tmp_path: Path) -> None:
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    prefixed = _sheet_zip(
        tmp_path / "prefixed.zip",
        f"<x:worksheet {ns}><x:sheetData>"
        '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>'
        '<x:row r="300"><x:c r="B300"><x:v>2</x:v></x:c></x:row>'
        "</x:sheetData></x:worksheet>",
    )
    with zipfile.ZipFile(prefixed) as zf:
        assert scan_bounds(zf, SHEET1).rows == 300
        assert check_sheet_size(zf, SHEET1, 299) is SheetSize.TOO_MANY_ROWS
        assert check_sheet_size(zf, SHEET1, 300) is SheetSize.OK
    rows = "<row><c><v>1</v></c></row>" * 5
    unnumbered = _sheet_zip(
        tmp_path / "unnumbered.zip",
        f'<worksheet xmlns="x"><sheetData>{rows}<row r="9"><c r="A9"><v>1</v></c></row>'
        "</sheetData></worksheet>",
    )
    with zipfile.ZipFile(unnumbered) as zf:
        assert scan_bounds(zf, SHEET1).rows >= 9
        assert check_sheet_size(zf, SHEET1, 8) is SheetSize.TOO_MANY_ROWS
