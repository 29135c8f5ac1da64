"""Paper sheets written the fast way still print as laid out: tall rows keep their
heights, long text wraps, and every sheet's title, header and 合计 rows keep their
formats (the writer works each style out once per workbook and shares one row
dimension among the rows of a height)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from broker_app.services.excel import ColumnSpec, XlsxWriter, layout

COLUMNS = [
    ColumnSpec("姓名", width=8),
    ColumnSpec("务工单位", width=12),
    ColumnSpec("人数", width=6, kind="int", total=True),
]
LONG = "江苏苏州工业园区精密电子有限公司第二分厂"  # wider than its column


def write(path: Path, rows: int) -> None:
    with XlsxWriter(path) as book:
        for title in ("一批", "二批"):
            sheet = book.add_sheet(
                title, COLUMNS, title_rows=[f"{title}名单", "制表日期"], paper=True
            )
            for n in range(rows):
                sheet.append([f"张{n}", LONG if n % 3 == 1 else "济宁建工", 1])
            sheet.append_note_row("以下为补充人员")
            sheet.append([f"李{rows}", LONG + LONG, 2])
            sheet.append_total_row("合计", {"务工单位": f"共 {rows + 1} 人"})


def test_tall_rows_wrapped_text_and_fixed_rows_on_every_sheet(tmp_path: Path) -> None:
    out = tmp_path / "名单.xlsx"
    write(out, 300)  # more than the rows a sheet measures its columns on
    book = openpyxl.load_workbook(out)
    for ws in book.worksheets:
        width = ws.column_dimensions["B"].width
        header = 3
        first = header + 1
        heights = {n: ws.row_dimensions[n].height for n in range(first, first + 300)}
        for n, height in heights.items():
            long_row = (n - first) % 3 == 1
            expected = layout.row_height(layout.lines_needed(LONG, width)) if long_row else None
            assert height == expected, (ws.title, n)
            cell = ws.cell(n, 2)
            assert bool(cell.alignment.wrap_text) is long_row
        last = first + 300 + 1  # after the note row
        assert ws.row_dimensions[last].height == layout.row_height(
            layout.lines_needed(LONG + LONG, width)
        )
        assert ws.cell(last, 2).value == LONG + LONG
        assert ws.cell(last, 2).alignment.wrap_text

        assert ws.cell(1, 1).font.b and ws.cell(1, 1).font.sz == 16
        for column in range(1, 4):
            head = ws.cell(header, column)
            assert head.font.b and head.fill.fgColor.rgb.endswith("D9E1F2")
            assert head.border.bottom.style == "thin"
        note = ws.cell(first + 300, 1)
        assert note.value == "以下为补充人员" and note.font.b
        total = [ws.cell(last + 1, c) for c in range(1, 4)]
        assert [c.value for c in total] == ["合计", "共 301 人", 302]
        assert all(c.font.b and c.border.top.style == "thin" for c in total)


def test_written_rows_leave_no_row_dimensions_behind(tmp_path: Path) -> None:
    # A county ledger has 100k rows, most of them tall: memory must not grow with them.
    book = XlsxWriter(tmp_path / "t.xlsx")
    sheet = book.add_sheet("t", COLUMNS, paper=True)
    for n in range(2000):
        sheet.append([f"张{n}", LONG, 1])
    assert len(sheet._ws.row_dimensions) < 10
    book.abort()
