"""Importing the Excel rosters brokers already keep, and exporting the roster back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from broker_app.services.audit import AuditService
from broker_app.services.excel.errors import WorkbookError
from broker_app.services.progress import Cancelled, CancelToken
from broker_app.services.roster.export import RosterExportService
from broker_app.services.roster.importing import RosterImportService, write_errors_workbook
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.store.models import OutboxEntry, Worker
from broker_app.store.store import Store, open_store
from tests.conftest import VILLAGE, valid_id, worker_input

HEADER = [
    "序号",
    "*姓名",
    "性别",
    "公民身份号码",
    "手机号",
    "村（社区）",
    "文化程度",
    "工种",
    "备注",
]


def workbook(path: Path, rows: list[list[Any]], title_rows: int = 1) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for _ in range(title_rows):
        sheet.append(["太平镇庄里村农村劳动力花名册"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def wrong_check(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


def counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        workers = session.scalar(select(func.count()).select_from(Worker)) or 0
        outbox = session.scalar(select(func.count()).select_from(OutboxEntry)) or 0
    return workers, outbox


def test_good_rows_import_and_bad_rows_are_reported(store: Store, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "roster.xlsx",
        [
            [1, "张三丰", "男", valid_id("19800101", "111"), "13812345678", "庄里村", "初中", "焊工、电工", ""],
            [2, "李  梅", "女", valid_id("19900202", "222").lower(), "139 0000 1111", "庄里", "高中", "", ""],
            [3, "王五", "男", wrong_check(valid_id("19800101", "113")), "", "庄里村", "", "", ""],
            [4, "赵六", "男", valid_id("19850505", "333"), "12345", "庄里村", "", "", ""],
            [5, "钱七", "男", valid_id("19850505", "335"), "", "不存在村", "", "", ""],
            [6, "孙八", "男", 370883198505053371, "", "庄里村", "", "", ""],
            [None, None, None, None, None, None, None, None, None],
            [8, "周九", "女", valid_id("19900202", "222"), "", "庄里村", "", "", ""],
        ],
    )  # fmt: skip
    result = RosterImportService(store).run(path)
    assert (result.added, result.updated, len(result.rejected)) == (2, 0, 5)
    problems = {p.row_number: p for p in result.problems}
    # Row numbers are the sheet's own (title row 1, header row 2, data from row 3).
    assert problems[5].column == "公民身份号码" and "校验码" in problems[5].message
    assert problems[6].column == "手机号"
    assert problems[7].column == "村（社区）" and "不存在村" in problems[7].message
    assert "15" in problems[8].message and "文本" in problems[8].message
    assert "第 4 行" in problems[10].message  # the same person twice in one file
    by_name = {w["name"]: w for w in (WorkerService(store).details(i) for i in _ids(store))}
    assert set(by_name) == {"张三丰", "李梅"}
    assert by_name["张三丰"]["skills"] == ["焊工", "电工"]
    assert by_name["李梅"]["phone"] == "13900001111"
    assert by_name["李梅"]["org_code"] == VILLAGE


def test_errors_workbook_lists_each_bad_row_with_reason(store: Store, tmp_path: Path) -> None:
    bad_id = wrong_check(valid_id("19800101", "111"))
    path = workbook(tmp_path / "r.xlsx", [[1, "王五", "男", bad_id, "", "庄里村", "", "", ""]])
    result = RosterImportService(store).run(path)
    out = write_errors_workbook(result, tmp_path / "errors.xlsx")
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["行号", "错误原因", "序号"]
    assert rows[1][0] == 3 and "校验码" in rows[1][1]
    assert rows[1][5] == bad_id  # the ID comes back exactly, as text


def test_existing_id_updates_and_reimport_changes_nothing(store: Store, tmp_path: Path) -> None:
    WorkerService(store).register(worker_input(phone=""))
    path = workbook(
        tmp_path / "r.xlsx",
        [[1, "张三丰", "男", valid_id(), "13812345678", "", "高中", "", "已更新"]],
    )
    first = RosterImportService(store).run(path)
    assert (first.added, first.updated) == (0, 1)
    workers, outbox = counts(store)
    assert workers == 1
    again = RosterImportService(store).run(path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert counts(store) == (workers, outbox)
    details = WorkerService(store).details(_ids(store)[0])
    assert details["phone"] == "13812345678" and details["notes"] == "已更新"
    # A blank cell never wipes what is stored: skills were not in the sheet row.
    assert details["skills"] == ["焊工", "电工"]


def test_not_a_workbook_is_refused_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    fake = tmp_path / "roster.xlsx"
    fake.write_text("姓名,身份证号\n张三,370883198001011234\n", encoding="utf-8")
    before = counts(store)
    with pytest.raises(WorkbookError) as info:
        RosterImportService(store).run(fake)
    assert "xlsx" in info.value.message or "表格" in info.value.message
    assert counts(store) == before


def test_missing_required_column_names_it(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "电话"])
    sheet.append(["张三", "13812345678"])
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(WorkbookError) as info:
        RosterImportService(store).run(tmp_path / "r.xlsx")
    assert "身份证号" in info.value.message


def test_cancel_during_import_writes_nothing(store: Store, tmp_path: Path) -> None:
    rows = [
        [i, "张三", "男", valid_id("19800101", f"{i:03d}"), "", "庄里村", "", "", ""]
        for i in range(1, 600)
    ]
    path = workbook(tmp_path / "r.xlsx", rows)
    token = CancelToken()

    def progress(fraction: float, _message: str) -> None:
        if fraction > 0.3:
            token.cancel()

    with pytest.raises(Cancelled):
        RosterImportService(store).run(path, progress=progress, cancel=token)
    assert counts(store) == (0, 0)


def test_export_then_import_into_a_new_station_gives_the_same_workers(
    store: Store, tmp_path: Path
) -> None:
    service = WorkerService(store)
    service.register(worker_input(monitoring_type="边缘易致贫户", poverty_alleviated="是"))
    service.register(
        worker_input(
            name="李梅",
            id_number=valid_id("19900202", "222"),
            phone="",
            employment_status="已就业",
            place_tier="省外",
            employer='=HYPERLINK("x")',
            job_start="2025-03-01",
            monthly_income="5200",
        )
    )
    out = tmp_path / "export.xlsx"
    # Only a full export (audited) holds what an import needs.
    assert RosterExportService(store).export(out, full=True) == 2
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = open_store(other_dir)
    StationService(other).configure(VILLAGE)
    result = RosterImportService(other).run(out)
    assert (result.added, len(result.rejected)) == (2, 0)
    fields = [f for f in Worker.sync_fields if f not in ("archived",)]

    def snapshot(s: Store) -> list[dict[str, Any]]:
        return sorted(
            ({f: WorkerService(s).details(i)[f] for f in fields} for i in _ids(s)),
            key=lambda d: d["id_number"],
        )

    assert snapshot(other) == snapshot(store)
    other.close()


def test_export_is_masked_by_default_and_audited(store: Store, tmp_path: Path) -> None:
    WorkerService(store).register(worker_input(poverty_alleviated="是"))
    out = RosterExportService(store)
    out.export(tmp_path / "m.xlsx")
    rows = CalamineWorkbook.from_path(str(tmp_path / "m.xlsx")).get_sheet_by_index(0).to_python()
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["身份证号"] == valid_id()[:6] + "********" + valid_id()[-4:]
    assert row["联系电话"] == "138****5678"
    assert row["是否脱贫人口"] == "已隐藏" and row["是否低收入人口"] == "已隐藏"
    out.export(tmp_path / "full.xlsx", full=True)
    rows = CalamineWorkbook.from_path(str(tmp_path / "full.xlsx")).get_sheet_by_index(0).to_python()
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["身份证号"], row["联系电话"], row["是否脱贫人口"]) == (
        valid_id(),
        "13812345678",
        "是",
    )
    entries = AuditService(store).entries()
    assert [(e.subject, Path(e.target).name, e.rows, e.full) for e in entries] == [
        ("花名册", "full.xlsx", 1, True),
        ("花名册", "m.xlsx", 1, False),
    ]
    assert all(e.operator == "测试经纪人" for e in entries)


def _ids(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(Worker.id).order_by(Worker.pk)))


# -- rosters as villages write them (issue 17, items 1 and 2) ---------------------------

VILLAGE_HEADER = [
    "姓名",
    "性别",
    "身份证号",
    "村",
    "文化程度",
    "就业状态",
    "务工地域",
    "是否脱贫户",
    "监测对象",
]


def village_roster(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(VILLAGE_HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_rows_written_the_village_way_are_imported(store: Store, tmp_path: Path) -> None:
    variants = [
        ("中专", "M", "务工", "省内", "是", "无", "vocational", "employed", "in_province"),
        ("技校", "男", "外出务工", "外省", "√", "边缘户", "vocational", "employed", "out_of_province"),
        ("本科", "男性", "在家", "", "否", "", "bachelor", "unemployed", "none"),
        ("研究生", "男", "已就业", "本县", "×", "不稳定户", "bachelor", "employed", "in_county"),
        ("职高", "男", "打零工", "市内", "Y", "", "vocational", "flexible", "in_county"),
        ("大学本科", "男", "务农", "", "N", "", "bachelor", "farming", "none"),
        ("硕士", "男", "就业", "县内", "有", "", "bachelor", "employed", "in_county"),
        ("大专", "男", "就业", "省外", "", "", "college", "employed", "out_of_province"),
        ("专科", "男", "就业", "县外省内", "", "", "college", "employed", "in_province"),
        ("初中毕业", "男", "就业", "境外", "", "", "junior", "employed", "abroad"),
        ("小学", "男", "待业", "", "", "", "primary", "unemployed", "none"),
        ("文盲", "男", "", "", "", "", "none", "unemployed", "none"),
        ("半文盲", "男", "", "", "", "", "none", "unemployed", "none"),
    ]  # fmt: skip
    rows = [
        [f"张{'一二三四五六七八九十甲乙丙'[i]}", g, valid_id("19800101", f"{i * 2 + 101:03d}"), "庄里村",
         edu, status, tier, poor, mon]
        for i, (edu, g, status, tier, poor, mon, *_ ) in enumerate(variants)
    ]  # fmt: skip
    result = RosterImportService(store).run(village_roster(tmp_path / "v.xlsx", rows))
    assert result.rejected == [] and result.warnings == []
    assert result.added == len(variants)
    by_name = {w["name"]: w for w in (WorkerService(store).details(i) for i in _ids(store))}
    for i, (_, _, _, _, poor, _mon, edu, status, tier) in enumerate(variants):
        details = by_name[rows[i][0]]
        assert (details["education"], details["employment_status"], details["place_tier"]) == (
            edu,
            status,
            tier,
        ), rows[i]
        assert details["poverty_alleviated"] is (poor in ("是", "√", "Y", "有"))
    assert by_name["张二"]["monitoring_type"] == "marginal"
    assert by_name["张一"]["monitoring_type"] is None


def test_an_unmappable_optional_value_is_left_empty_and_listed(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        ["王大", "男", valid_id("19800101", "311"), "庄里村", "大概初中吧", "务工", "天涯海角", "是", ""],
        ["王二", "男", "", "庄里村", "初中", "", "", "", ""],  # a required field still refuses
    ]  # fmt: skip
    result = RosterImportService(store).run(village_roster(tmp_path / "w.xlsx", rows))
    assert result.added == 1 and [o.row_number for o in result.rejected] == [3]
    details = WorkerService(store).details(_ids(store)[0])
    assert details["education"] is None and details["employment_status"] == "employed"
    assert details["place_tier"] == "none"
    warned = {(w.row_number, w.column, w.value) for w in result.warnings}
    assert warned == {(2, "文化程度", "大概初中吧"), (2, "务工地域", "天涯海角")}
    out = write_errors_workbook(result, tmp_path / "errors.xlsx")
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["有误的行", "已留空的值"]
    notes = book.get_sheet_by_name("已留空的值").to_python()
    assert notes[0] == ["行号", "列", "填写的值", "说明"]
    assert [r[:3] for r in notes[1:]] == [
        [2, "文化程度", "大概初中吧"],
        [2, "务工地域", "天涯海角"],
    ]
    assert all("已留空" in r[3] for r in notes[1:])


REASON = "以数字形式保存，后三位已丢失，请把该列设为文本后重新填写"


def test_errors_workbook_shows_an_id_stored_as_number_as_excel_showed_it(
    store: Store, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "n.xlsx", [[1, "孙八", "男", 370883198301137216, "", "庄里村", "", "", ""]]
    )
    result = RosterImportService(store).run(path)
    assert REASON in result.problems[0].message
    out = write_errors_workbook(result, tmp_path / "errors.xlsx")
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[1][5] == "3.70883E+17"
    # Importing the errors workbook again gives the same reason, not 校验码错误.
    again = RosterImportService(store).run(out)
    assert [p.message for p in again.problems] == [p.message for p in result.problems]
    assert "校验码" not in again.problems[0].message
