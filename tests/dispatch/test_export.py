"""Dispatch lists read back with python-calamine (values, types) and openpyxl (print
setup); the summary against the sheets; masking; formula injection; cancel."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from broker_app.domain.dispatch.query import BatchFilter, MemberPick
from broker_app.services.audit import AuditService
from broker_app.services.dispatch.columns import MEMBER_HEADERS, PRIORITY_HEADER, SUMMARY_HEADERS
from broker_app.services.dispatch.export import (
    DispatchExportResult,
    DispatchExportService,
    NothingToExport,
)
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.progress import Cancelled, CancelToken
from broker_app.services.settings.station import StationService
from broker_app.store.store import Store
from tests.conftest import VILLAGE, valid_id
from tests.dispatch.builders import (
    ID_WITH_X,
    INJECTIONS,
    LANDLINE,
    TODAY,
    add_batch,
    add_members,
    add_worker,
    column,
    data_rows,
    read_sheets,
)


@pytest.fixture
def two_batches(store: Store) -> tuple[str, str]:
    """Batch 1: three people (one 脱贫, one 监测, X-ended ID, landline); batch 2: two."""
    first = add_batch(store, project="厂房扩建", notes="")
    second = add_batch(
        store,
        employer="青岛海丰建筑工程有限公司",
        destination="青岛市黄岛区",
        departure_date="2025-03-25",
        leader_name="@孔队长",
    )
    people = [
        add_worker(store, 9, phone=LANDLINE, poverty_alleviated="是", education="初中"),
        add_worker(store, 1, monitoring_type="边缘易致贫户"),
        add_worker(store, 2, id_number=valid_id("20050320", "222"), gender="女"),
        add_worker(store, 3),
        add_worker(store, 4, poverty_alleviated="是"),
    ]
    add_members(store, first, *people[:3])
    add_members(store, second, *people[3:])
    return first, second


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """An empty folder for the exports (the data folder sits beside it)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def export(
    store: Store, out: Path, flt: BatchFilter | None = None, **kw: Any
) -> DispatchExportResult:
    return DispatchExportService(store).export(out, flt or BatchFilter(), today=TODAY, **kw)


def test_one_workbook_values_and_types(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    out = exports / "名单.xlsx"
    result = export(store, out, full=True)
    assert (result.batches, result.people, result.priority) == (2, 5, 3)
    sheets = read_sheets(out)
    assert list(sheets) == [
        "汇总",
        "2025-03-18 江苏苏州精密电子有限公司",
        "2025-03-25 青岛海丰建筑工程有限公司",
    ]
    first = sheets["2025-03-18 江苏苏州精密电子有限公司"]
    assert first[0][0] == "2025-03-18 江苏苏州精密电子有限公司 劳务输出人员名单"
    assert "务工单位：江苏苏州精密电子有限公司（厂房扩建）" in first[1][0]
    assert "带队人：王队长 13900001111" in first[2][0] and "交通方式：包车" in first[2][0]
    header = first[3]
    assert tuple(header) == MEMBER_HEADERS
    rows = data_rows(first)
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    x_person = by_name["测试癸一"]
    assert x_person["身份证号"] == ID_WITH_X and isinstance(x_person["身份证号"], str)
    assert x_person["联系电话"] == LANDLINE and isinstance(x_person["联系电话"], str)
    assert x_person[PRIORITY_HEADER] == "是"
    assert x_person["文化程度"] == "初中"
    assert (x_person["户籍乡镇"], x_person["户籍村"]) == ("太平镇", "庄里村")
    assert x_person["年龄"] == 45  # on the departure day
    assert x_person["出发日期"] == date(2025, 3, 18)
    assert x_person["务工单位"] == "江苏苏州精密电子有限公司"  # the project is in the title
    assert (x_person["务工地点"], x_person["务工地域"]) == ("江苏苏州", "省外")
    assert (x_person["工种"], x_person["带队人"]) == ("焊工", "王队长")
    assert by_name["测试乙一"][PRIORITY_HEADER] == "是"  # 监测对象 counts
    young = by_name["测试丙一"]
    assert (young["性别"], young["年龄"], young[PRIORITY_HEADER]) == ("女", 19, "否")
    phones = [row["联系电话"] for row in by_name.values()]
    assert all(isinstance(p, str) for p in phones) and "13800000001" in phones
    assert [row[0] for row in rows] == [1, 2, 3]
    total = first[-1]
    assert total[0] == "合计" and total[1] == "共 3 人"
    assert total[header.index(PRIORITY_HEADER)] == "其中 2 人"


def test_summary_equals_the_sheets(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    out = exports / "all.xlsx"
    export(store, out, full=True)  # the per-person 脱贫 column is written only in full
    sheets = read_sheets(out)
    summary = sheets["汇总"]
    header = summary[2]
    assert tuple(header) == SUMMARY_HEADERS
    rows = data_rows(summary)
    assert len(rows) == len(sheets) - 1
    for row in rows:
        values = dict(zip(header, row, strict=True))
        sheet = sheets[values["工作表"]]
        members = data_rows(sheet)
        assert values["人数"] == len(members)
        flags = column(members, sheet[3], PRIORITY_HEADER)
        assert values["其中脱贫人口（含监测对象）"] == flags.count("是")
        assert values["批次"] in sheet[0][0]
    assert rows[1][header.index("带队人")] == "@孔队长"  # plain text, not a formula
    assert isinstance(rows[0][header.index("带队人电话")], str)
    total = summary[-1]
    assert total[0] == "合计"
    assert total[header.index("人数")] == sum(r[header.index("人数")] for r in rows) == 5
    assert total[header.index("其中脱贫人口（含监测对象）")] == 3


def test_print_setup_and_frozen_header(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    out = exports / "all.xlsx"
    export(store, out)
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        header_row = 4 if sheet.title != "汇总" else 3
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.print_title_rows == f"${header_row}:${header_row}"
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert sheet.freeze_panes == f"A{header_row + 1}"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    members = book.worksheets[1]
    assert members.column_dimensions["E"].width >= 19  # 身份证号: 18 digits and padding
    assert members["E5"].number_format == "@" and members["E5"].data_type == "s"


def test_default_export_is_masked_and_audited(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    out = exports / "masked.xlsx"
    result = export(store, out)
    for title, rows in read_sheets(out).items():
        if title == "汇总":
            continue
        for number in column(data_rows(rows), rows[3], "身份证号"):
            assert len(number) == 18 and number[6:14] == "********"
            assert number[:6] == "370883"
    rows = read_sheets(out)["2025-03-18 江苏苏州精密电子有限公司"]
    assert "370883********109X" in column(data_rows(rows), rows[3], "身份证号")
    phones = column(data_rows(rows), rows[3], "联系电话")
    assert "138****0001" in phones and "13800000001" not in phones
    # Who is 脱贫 is not written per person, nor said by a small count in the total.
    assert set(column(data_rows(rows), rows[3], PRIORITY_HEADER)) == {"已隐藏"}
    assert rows[-1][rows[3].index(PRIORITY_HEADER)] == "其中 <3 人"
    assert "13900001111" not in rows[2][0] and "139****1111" in rows[2][0]  # 带队人电话
    with open(out, "rb") as handle:  # not even hidden somewhere in the package
        content = handle.read()
        assert ID_WITH_X.encode() not in content and b"13800000001" not in content
    (entry,) = AuditService(store).entries()
    assert (entry.action, entry.subject, entry.target) == ("export", "劳务输出名单", str(out))
    assert (entry.rows, entry.full) == (result.people, False)


def test_masked_counts_of_sensitive_people_cannot_be_worked_out(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    """Batch 1 has two 脱贫/监测 people, batch 2 one: every count is below 3."""
    out = exports / "masked.xlsx"
    result = export(store, out)
    summary = read_sheets(out)["汇总"]
    header = summary[2]
    rows = data_rows(summary)
    priority = header.index("其中脱贫人口（含监测对象）")
    assert [r[priority] for r in rows] == ["<3", "<3"]
    # Total 3 with both parts hidden would give them away by subtraction: not said.
    assert summary[-1][priority] == "若干"
    assert summary[-1][header.index("人数")] == 5  # head counts are not sensitive
    phones = [r[header.index("带队人电话")] for r in rows]
    assert "139****1111" in phones and "13900001111" not in phones
    assert result.priority_shown == "若干" and result.priority == 3
    # The full export keeps the exact counts.
    full = export(store, exports / "full.xlsx", full=True)
    summary = read_sheets(exports / "full.xlsx")["汇总"]
    assert [r[priority] for r in data_rows(summary)] == [2, 1]
    assert summary[-1][priority] == 3 and full.priority_shown == 3


def test_shown_total_hides_what_subtraction_would_reveal() -> None:
    from broker_app.domain.people.privacy import shown_count, shown_total

    assert [shown_count(n) for n in (0, 1, 2, 3, 40)] == ["<3", "<3", "<3", 3, 40]
    assert shown_count(1, full=True) == 1
    assert shown_total([5, 4]) == 9
    assert shown_total([5, 1, 4]) == "≥9"
    assert shown_total([1, 1]) == "<3"
    assert shown_total([2, 2]) == "若干"
    assert shown_total([5, 1], full=True) == 6


def test_full_export_is_audited_with_operator_and_file(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    StationService(store).configure(VILLAGE, operator_name="王经纪")
    out = exports / "full.xlsx"
    export(store, out, full=True)
    rows = read_sheets(out)["2025-03-18 江苏苏州精密电子有限公司"]
    assert ID_WITH_X in column(data_rows(rows), rows[3], "身份证号")
    (entry,) = AuditService(store).entries()
    assert (entry.operator, entry.target, entry.rows, entry.full) == ("王经纪", str(out), 5, True)
    assert ID_WITH_X not in str(entry.to_json())


def test_formula_injection_comes_back_as_text(store: Store, exports: Path) -> None:
    batch_id = add_batch(store, employer="=cmd|' /C calc'!A0", destination="江苏苏州")
    worker_ids = [add_worker(store, n) for n in range(len(INJECTIONS))]
    members = DispatchMemberService(store)
    picks = [MemberPick(w, notes=text) for w, text in zip(worker_ids, INJECTIONS, strict=True)]
    assert not members.add_members(batch_id, picks).skipped
    out = exports / "inj.xlsx"
    export(store, out)
    rows = read_sheets(out)
    sheet = next(v for k, v in rows.items() if k != "汇总")
    notes = column(data_rows(sheet), sheet[3], "备注")
    # Stored notes are trimmed (a leading tab or CR is whitespace); the rest stay verbatim.
    assert sorted(notes) == sorted(text.strip() for text in INJECTIONS)
    assert set(column(data_rows(sheet), sheet[3], "务工单位")) == {"=cmd|' /C calc'!A0"}
    book = openpyxl.load_workbook(out)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def test_folder_mode_writes_one_file_per_batch(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    folder = exports / "名单"
    result = export(store, folder)
    files = sorted(p.name for p in folder.iterdir())
    assert files == [
        "2025-03-18 江苏苏州精密电子有限公司_劳务输出名单.xlsx",
        "2025-03-25 青岛海丰建筑工程有限公司_劳务输出名单.xlsx",
    ]
    assert [p.name for p in result.files] == files
    assert not [p for p in exports.iterdir() if p.name.startswith(".")]
    first = read_sheets(folder / files[0])
    (rows,) = first.values()
    assert len(data_rows(rows)) == 3
    # Into an existing folder: files replaced, other files left alone.
    (folder / "别的文件.txt").write_text("x")
    export(store, folder, BatchFilter(date_from=date(2025, 3, 20)))
    assert sorted(p.name for p in folder.iterdir()) == sorted([*files, "别的文件.txt"])
    assert os.stat(folder).st_mode & 0o777 == 0o755


def test_selection_by_ids_and_range(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    _, second = two_batches
    out = exports / "one.xlsx"
    assert export(store, out, BatchFilter(batch_ids=(second,))).batches == 1
    assert list(read_sheets(out))[1].startswith("2025-03-25")
    with pytest.raises(NothingToExport):
        export(store, exports / "none.xlsx", BatchFilter(date_from=date(2026, 1, 1)))
    assert not (exports / "none.xlsx").exists()


class CancelAfter(CancelToken):
    """Cancels itself at the n-th check: mid-export, after some files are complete."""

    def __init__(self, checks: int) -> None:
        super().__init__()
        self.left = checks

    def check(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.cancel()
        super().check()


@pytest.mark.parametrize("name", ["all.xlsx", "folder"])
def test_cancel_leaves_nothing_under_the_destination(
    store: Store, two_batches: tuple[str, str], exports: Path, name: str
) -> None:
    out = exports / name
    with pytest.raises(Cancelled):
        export(store, out, cancel=CancelAfter(2))  # the first batch is complete by then
    assert list(exports.iterdir()) == []


def test_cancel_keeps_the_previous_export(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    folder = exports / "folder"
    export(store, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(Cancelled):
        export(store, folder, full=True, cancel=CancelAfter(2))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    book = exports / "book.xlsx"
    export(store, book)
    content = book.read_bytes()
    with pytest.raises(Cancelled):
        export(store, book, full=True, cancel=CancelAfter(2))
    assert book.read_bytes() == content
    assert sorted(p.name for p in exports.iterdir()) == ["book.xlsx", "folder"]


def test_progress_reaches_the_end(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    seen: list[float] = []
    export(store, exports / "p.xlsx", progress=lambda f, _m: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_sheet_and_file_names_are_made_safe(store: Store, exports: Path) -> None:
    odd = "苏州/昆山[一期]:*?厂区" + "很长的名字" * 6
    for n in range(2):
        batch_id = add_batch(store, name=odd, departure_date="2025-03-18")
        # Two people each: one-person batches would share one sheet.
        add_members(store, batch_id, add_worker(store, 2 * n), add_worker(store, 2 * n + 1))
    book = exports / "odd.xlsx"
    export(store, book)
    titles = list(read_sheets(book))[1:]
    assert len(titles) == 2 and titles[0] != titles[1]
    for title in titles:
        assert len(title) <= 31 and not set("/[]:*?") & set(title)
        assert title.startswith("苏州／昆山【一期】：＊？厂区")
    folder = exports / "odd"
    export(store, folder)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and names[0] != names[1]
    for name in names:
        assert not set('/\\:*?"<>|') & set(name) and name.endswith(".xlsx")
        assert name.startswith("2025-03-18 苏州_昆山[一期]___厂区")


def test_undated_and_empty_batches_keep_their_place(
    store: Store, two_batches: tuple[str, str], exports: Path
) -> None:
    undated = add_batch(store, employer="丙公司", destination="济南市", departure_date="")
    add_members(store, undated, add_worker(store, 7))
    add_batch(store, employer="丁公司", destination="济南市", departure_date="2025-03-01")  # empty
    out = exports / "mixed.xlsx"
    result = export(store, out)
    assert (result.batches, result.people) == (4, 6)
    sheets = read_sheets(out)
    assert [t[:10] for t in list(sheets)[1:]] == [
        "2025-03-01",
        "2025-03-18",
        "2025-03-25",
        "丙公司",
    ]
    assert data_rows(sheets["2025-03-01 丁公司"]) == []
    assert len(data_rows(sheets["丙公司"])) == 1


def test_one_person_batches_share_a_sheet(store: Store, exports: Path) -> None:
    """Printing a sheet per one-person batch would spend a page on each."""
    singles = [
        add_batch(store, employer=f"单人公司{n}", departure_date=f"2025-03-0{n}")
        for n in range(1, 4)
    ]
    for n, batch in enumerate(singles):
        add_members(store, batch, add_worker(store, 40 + n))
    pair = add_batch(store, employer="两人公司", departure_date="2025-03-09")
    add_members(store, pair, add_worker(store, 50), add_worker(store, 51))
    out = exports / "mixed.xlsx"
    result = export(store, out)
    assert (result.batches, result.people) == (4, 5)
    sheets = read_sheets(out)
    assert list(sheets) == ["汇总", "单人批次", "2025-03-09 两人公司"]
    shared = sheets["单人批次"]
    text = [str(row[0]) for row in shared]
    for n in range(1, 4):
        heading = next(t for t in text if f"单人公司{n}" in t)
        assert "出发日期：2025-03-0" in heading and "139****1111" in heading
    assert shared[-1][0] == "合计" and shared[-1][1] == "共 3 人"
    summary = sheets["汇总"]
    header = summary[2]
    placed = [r[header.index("工作表")] for r in data_rows(summary)]
    assert placed == ["单人批次"] * 3 + ["2025-03-09 两人公司"]
