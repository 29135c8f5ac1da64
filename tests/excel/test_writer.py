"""What a broker opening an export relies on: exact IDs, real dates, inert text, safe saves."""

from __future__ import annotations

import math
import os
import re
import zipfile
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from broker_app.services.excel import (
    ColumnSpec,
    PrintSetup,
    Problem,
    WorkbookError,
    XlsxWriter,
    fast_rows,
    sanitize_sheet_title,
)

PEOPLE = [
    ColumnSpec("姓名"),
    ColumnSpec("身份证号", kind="id_text"),
    ColumnSpec("联系电话", kind="id_text"),
]


def calamine_rows(path: Path) -> list[list[object]]:
    book = CalamineWorkbook.from_path(str(path))
    return [list(row) for row in book.get_sheet_by_name(book.sheet_names[0]).to_python()]


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "".join(
            zf.read(name).decode("utf-8")
            for name in zf.namelist()
            if name.startswith("xl/worksheets/sheet")
        )


def test_id_numbers_and_phones_stay_exact_text(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    people: list[list[object]] = [
        ["张三", "37088319900101002X", "13912345678"],
        ["李四", "010101199001010011", "05375123456"],  # leading zeros
        ["王五", 370883199001010021, 13800000000],  # passed as numbers by a caller
        ["赵六", "37088319900101002x", "0537-5123456"],
    ]
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("花名册", PEOPLE)
        for person in people:
            sheet.append(person)

    expected = [[str(value) for value in person] for person in people]
    assert calamine_rows(path)[1:] == expected
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    for row in ws.iter_rows(min_row=2, min_col=2):
        for cell in row:
            assert cell.data_type == "s"
            assert cell.number_format == "@"
    assert [c.value for c in ws[3]] == ["李四", "010101199001010011", "05375123456"]
    # Never a number that Excel would show as 3.70883E+17.
    assert "E+" not in sheet_xml(path)


def test_dates_are_real_dates(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    columns = [ColumnSpec("开始", kind="date"), ColumnSpec("登记时间", kind="datetime")]
    with XlsxWriter(path) as book:
        book.add_sheet("台账", columns).append([date(2024, 5, 1), datetime(2024, 5, 1, 8, 30)])
    assert calamine_rows(path)[1] == [date(2024, 5, 1), datetime(2024, 5, 1, 8, 30)]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    start, logged = ws[2]
    assert start.is_date and start.number_format == "yyyy-mm-dd"
    assert logged.is_date and logged.number_format == "yyyy-mm-dd hh:mm"
    assert start.value == datetime(2024, 5, 1)


FORMULA_LIKE = [
    "=1+2",
    '=HYPERLINK("http://example.com","点此领取补贴")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "#N/A",
    "=",
]


def test_formula_like_text_is_stored_as_inert_text(tmp_path: Path) -> None:
    path = tmp_path / "注入.xlsx"
    columns = [
        ColumnSpec("备注"),
        ColumnSpec("身份证号", kind="id_text"),
        ColumnSpec("日期", kind="date"),
    ]
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("名单", columns)
        for text in FORMULA_LIKE:
            sheet.append([text, text, text])

    assert calamine_rows(path)[1:] == [[t, t, t] for t in FORMULA_LIKE]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    for row, text in zip(ws.iter_rows(min_row=2), FORMULA_LIKE, strict=True):
        for cell in row:
            assert cell.value == text
            assert cell.data_type == "s"
            # Excel keeps treating the cell as text when someone edits it.
            assert cell.quotePrefix is True
    assert not re.search(r"<f[ >]", sheet_xml(path))


def test_ordinary_text_gets_no_quote_prefix(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with XlsxWriter(path) as book:
        book.add_sheet("t", [ColumnSpec("备注")]).append(["邹城市香城镇 1-2 号"])
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws["A2"].value == "邹城市香城镇 1-2 号"
    assert ws["A2"].quotePrefix is False


def test_awkward_values_do_not_break_the_export(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    columns = [ColumnSpec("a"), ColumnSpec("b", kind="money"), ColumnSpec("c", kind="datetime")]
    aware = datetime(2024, 5, 1, 8, 30, tzinfo=timezone(timedelta(hours=8)))
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("t", columns)
        sheet.append(["含\x01控制\x1f字符\n第二行", math.nan, aware])
        sheet.append(["", Decimal("1234.50"), None])
        sheet.append([])
    rows = calamine_rows(path)
    assert rows[1][0] == "含控制字符\n第二行"
    assert rows[1][1] == ""  # NaN would make Excel call the file damaged
    assert rows[2][:2] == ["", 1234.5]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    # Excel has no time zones: the local wall-clock time is written.
    assert ws["C2"].value == aware.astimezone().replace(tzinfo=None)


def test_total_row_sums_marked_columns(tmp_path: Path) -> None:
    path = tmp_path / "工资.xlsx"
    columns = [
        ColumnSpec("姓名"),
        ColumnSpec("天数", kind="int", total=True),
        ColumnSpec("工资", kind="money", total=True),
        ColumnSpec("备注"),
    ]
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("工资", columns)
        sheet.append(["张三", 20, 3200.5])
        sheet.append(["李四", 22, 3520])
        sheet.append_total_row(values={"备注": "共 2 人"})
        assert sheet.rows_written == 2
    assert calamine_rows(path)[-1] == ["合计", 42.0, 6720.5, "共 2 人"]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws["A4"].font.b is True
    # The filter covers the data rows only, not the total.
    assert ws.auto_filter.ref == "A1:D3"


def test_only_int_and_money_columns_can_be_totalled() -> None:
    with pytest.raises(ValueError):
        ColumnSpec("姓名", total=True)


def test_too_many_values_is_refused_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("t", [ColumnSpec("a")])
        with pytest.raises(ValueError):
            sheet.append([1, 2])
        sheet.append([3])
    assert calamine_rows(path) == [["a"], [3.0]]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("2024/05 花名册", "2024／05 花名册"),
        ("a[b]:c*d?e\\f", "a【b】：c＊d？e＼f"),
        ("", "工作表"),
        ("   ", "工作表"),
        ("'引号'", "引号"),
        ("History", "History(2)"),
        ("邹城市" * 12, ("邹城市" * 12)[:31]),
    ],
)
def test_sanitize_sheet_title(title: str, expected: str) -> None:
    assert sanitize_sheet_title(title) == expected


def test_sheet_titles_are_valid_and_unique_in_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    long_title = "邹城市太平镇农村劳动力转移就业人员花名册（县外）"
    with XlsxWriter(path) as book:
        titles = [
            book.add_sheet(t, [ColumnSpec("a")]).title
            for t in ["5/1", "5/1", "sheet", "SHEET", long_title, long_title]
        ]
    assert titles[0] == "5／1"
    assert titles[1] == "5／1(2)"
    assert titles[3] == "SHEET(2)"
    assert len(titles[5]) <= 31 and titles[5].endswith("(2)")
    names = openpyxl.load_workbook(path).sheetnames
    assert names == titles
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")


def test_print_setup_title_rows_and_frozen_header(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    with XlsxWriter(path) as book:
        sheet = book.add_sheet(
            "花名册",
            PEOPLE,
            title_rows=["邹城市太平镇农村劳动力花名册", "填报单位：太平镇"],
            print_setup=PrintSetup(landscape=True, paper="A4"),
        )
        assert sheet.header_row == 3
        sheet.append(["张三", "37088319900101002X", "13912345678"])
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws["A1"].value == "邹城市太平镇农村劳动力花名册"
    assert ws["A1"].font.b is True
    assert ws["A3"].value == "姓名"
    assert "A1:C1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == "A4"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.print_title_rows == "$3:$3"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert "&P" in (ws.oddFooter.center.text or "")


def test_portrait_without_print_titles(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    setup = PrintSetup(landscape=False, paper="A3", repeat_header=False, fit_width=False)
    with XlsxWriter(path) as book:
        book.add_sheet("t", PEOPLE, print_setup=setup, freeze_header=False)
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws.page_setup.orientation == "portrait"
    assert ws.page_setup.paperSize == 8  # A3
    assert ws.print_title_rows is None
    assert ws.freeze_panes is None


def test_column_widths(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("t", [*PEOPLE, ColumnSpec("备注", width=30)])
        sheet.set_column_widths({0: 12})
        sheet.append(["张三"])
        with pytest.raises(RuntimeError):
            sheet.set_column_widths([5])
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws.column_dimensions["A"].width == 12
    assert ws.column_dimensions["B"].width >= 20  # an 18-digit ID fits
    assert ws.column_dimensions["D"].width == 30


def _leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_exception_mid_write_leaves_the_previous_export_untouched(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(b"previous export")
    with pytest.raises(RuntimeError, match="database went away"), XlsxWriter(path) as book:
        sheet = book.add_sheet("花名册", PEOPLE)
        for i in range(500):
            sheet.append([f"人{i}", "37088319900101002X", "13912345678"])
        raise RuntimeError("database went away")
    assert path.read_bytes() == b"previous export"
    assert _leftovers(tmp_path, path.name) == []


def test_abort_discards_everything(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    with XlsxWriter(path) as book:
        book.add_sheet("花名册", PEOPLE).append(["张三"])
        book.abort()
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_success_replaces_the_previous_export_without_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(b"previous export")
    with XlsxWriter(path) as book:
        book.add_sheet("花名册", PEOPLE).append(["张三"])
    assert calamine_rows(path)[1][0] == "张三"
    assert _leftovers(tmp_path, path.name) == []


def test_destination_open_in_excel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(b"open in Excel")

    def locked(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise PermissionError(13, "sharing violation")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WorkbookError) as caught, XlsxWriter(path) as book:
        book.add_sheet("花名册", PEOPLE).append(["张三"])
    assert caught.value.problem is Problem.FILE_IN_USE
    assert "关闭" in caught.value.message
    assert path.read_bytes() == b"open in Excel"
    assert _leftovers(tmp_path, path.name) == []


def test_missing_destination_folder_is_reported_before_writing(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as caught:
        XlsxWriter(tmp_path / "没有这个文件夹" / "花名册.xlsx")
    assert caught.value.problem is Problem.WRITE_FAILED
    assert "不存在" in caught.value.message


def test_abort_also_deletes_the_row_scratch_file(tmp_path: Path) -> None:
    # openpyxl streams rows to a scratch file that it would delete only when the
    # app exits; a broker cancelling exports all day must not fill the disk.
    book = XlsxWriter(tmp_path / "t.xlsx")
    sheet = book.add_sheet("t", PEOPLE)
    sheet.append(["张三"])
    scratch = Path(sheet._ws._writer.out)
    assert scratch.exists()
    book.abort()
    assert not scratch.exists()


def test_a_closed_writer_cannot_be_reused(tmp_path: Path) -> None:
    book = XlsxWriter(tmp_path / "t.xlsx")
    book.add_sheet("t", PEOPLE)
    book.close()
    with pytest.raises(RuntimeError):
        book.add_sheet("again", PEOPLE)
    book.abort()  # harmless after a successful save
    assert (tmp_path / "t.xlsx").exists()


def _mixed_export(path: Path) -> None:
    columns = [
        *PEOPLE,
        ColumnSpec("开始", kind="date"),
        ColumnSpec("收入", kind="money"),
        ColumnSpec("备注"),
    ]
    with XlsxWriter(path) as book:
        sheet = book.add_sheet("t", columns)
        sheet.append(["张三", "37088319900101002X", 13912345678, date(2024, 5, 1), 3000, "=1"])
        sheet.append(["李四", None, "", datetime(2024, 5, 2, 9), Decimal("12.5"), date(2024, 1, 1)])


def test_fast_row_conversion_writes_what_openpyxl_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = tmp_path / "fast.xlsx"
    _mixed_export(fast)
    monkeypatch.setattr(fast_rows, "install", lambda worksheet: False)
    plain = tmp_path / "plain.xlsx"
    _mixed_export(plain)

    assert calamine_rows(fast) == calamine_rows(plain)

    def cells(path: Path) -> list[tuple[object, str, str, bool]]:
        ws = openpyxl.load_workbook(path).active
        assert ws is not None
        return [
            (c.value, c.data_type, c.number_format, bool(c.quotePrefix))
            for row in ws.iter_rows()
            for c in row
        ]

    assert cells(fast) == cells(plain)
    assert sheet_xml(fast) == sheet_xml(plain)


def test_fast_row_conversion_is_active(tmp_path: Path) -> None:
    # If an openpyxl upgrade drops the hook, exports stay correct but get slower;
    # this test makes that visible.
    book = XlsxWriter(tmp_path / "t.xlsx")
    sheet = book.add_sheet("t", PEOPLE)
    assert "_values_to_row" in vars(sheet._ws)
    book.abort()
