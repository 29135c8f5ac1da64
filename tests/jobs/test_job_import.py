"""Importing job postings from a workbook: good and bad rows, errors workbook,
idempotent re-import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from broker_app.services.excel.errors import WorkbookError
from broker_app.services.excel.reader import iter_rows
from broker_app.services.jobs.importing import JobImportService, write_errors_workbook
from broker_app.store.models import JobPosting, OutboxEntry
from broker_app.store.store import Store
from tests.jobs.builders import TODAY, credit_code

HEADER = [
    "序号", "单位名称", "统一社会信用代码", "岗位名称", "工种", "招聘人数", "工作地点",
    "薪资待遇", "年龄要求", "学历要求", "联系人", "联系电话", "截止日期", "岗位类型",
]  # fmt: skip
CODE = credit_code()
GOOD = [
    [1, "邹城市某建材有限公司", CODE, "电焊工", "焊工", "5人", "邹城市太平镇工业园",
     "4000-6000元/月", "18-55周岁", "", "王经理", 13912345678, date(2025, 7, 1), "全职"],
    [2, "江苏苏州精密电子有限公司", "", "电子装配工", "电子装配", 30, "江苏苏州",
     "面议", "45周岁以下", "初中", "李主任", "0537-5212345", "2025-08-01", ""],
    [3, "邹城市物流园区", "", "装卸工", "装卸工", 6, "邹城市物流园区",
     "150元/天", "不限", "", "张师傅", "13800001111", None, "零工"],
]  # fmt: skip
BAD = [
    [4, "", "", "保洁员", "", 2, "太平镇", "", "", "", "", "", None, ""],
    [5, "某公司", "91370883MA3C000010", "普工", "", 2, "太平镇", "", "", "", "", "", None, ""],
    [6, "某公司", "", "厨师", "", 1, "某某地方", "很高", "14-20岁", "", "", "12", None, ""],
    [7, "邹城市某建材有限公司", CODE, "电焊工", "焊工", 2, "邹城市太平镇工业园",
     "", "", "", "", "", None, ""],
]  # fmt: skip


def workbook(path: Path, rows: list[list[object]], title: str = "岗位信息汇总表") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def count_jobs(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(JobPosting)) or 0)


def outbox_size(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def test_good_rows_imported_bad_rows_reported(store: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "jobs.xlsx", GOOD + BAD)
    result = JobImportService(store).run(path, today=TODAY)
    assert (result.added, result.updated, len(result.rejected)) == (3, 0, 4)
    problems = {(p.row_number, p.column): p.message for p in result.problems}
    # Title on row 1, header on row 2: the bad rows are 6 to 9.
    assert problems[(6, "单位名称")] == "单位名称不能为空"
    assert "校验码" in problems[(7, "统一社会信用代码")]
    assert "薪资待遇“很高”无法识别" in problems[(8, "薪资待遇")]
    assert "16周岁" in problems[(8, "年龄要求")]
    assert "务工地域" in problems[(8, "工作地点")]
    assert "联系电话" in [c for r, c in problems if r == 8]
    assert problems[(9, "岗位名称")].startswith("与第 3 行是同一岗位")
    assert count_jobs(store) == 3
    with store.read() as session:
        by_title = {j.title: j for j in session.scalars(select(JobPosting))}
    welder = by_title["电焊工"]
    assert (welder.headcount, welder.place_org_code, welder.place_tier) == (
        5,
        "370883107000",
        "in_county",
    )
    assert welder.contact_phone == "13912345678"
    assert welder.deadline == date(2025, 7, 1)
    assembly = by_title["电子装配工"]
    assert assembly.place_tier == "out_of_province" and assembly.wage_min is None
    assert assembly.age_max == 45
    assert assembly.requirements == "学历要求：初中"
    loader = by_title["装卸工"]
    assert (loader.kind, loader.wage_min, loader.wage_unit) == ("gig", 150, "day")


def test_reimport_changes_nothing_and_updates_filled_cells(store: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "jobs.xlsx", GOOD)
    JobImportService(store).run(path, today=TODAY)
    before = outbox_size(store)
    again = JobImportService(store).run(path, today=TODAY)
    assert (again.added, again.updated, again.unchanged, again.rejected) == (0, 0, 3, [])
    assert outbox_size(store) == before
    changed = [list(row) for row in GOOD]
    changed[0][5] = 8
    changed[0][7] = ""  # a blank cell leaves the stored wage alone
    result = JobImportService(store).run(workbook(tmp_path / "b.xlsx", changed), today=TODAY)
    assert (result.added, result.updated, result.unchanged) == (0, 1, 2)
    with store.read() as session:
        welder = session.scalars(select(JobPosting).where(JobPosting.title == "电焊工")).one()
    assert welder.headcount == 8 and welder.wage_min == 4000


def test_errors_workbook_reads_back_and_imports_once_fixed(store: Store, tmp_path: Path) -> None:
    result = JobImportService(store).run(workbook(tmp_path / "jobs.xlsx", BAD[:3]), today=TODAY)
    out = write_errors_workbook(result, tmp_path / "errors.xlsx")
    rows = [cells for _, cells in iter_rows(out)]
    assert rows[0][:2] == ["行号", "错误原因"]
    assert rows[0][2:] == HEADER
    assert [r[0] for r in rows[1:]] == [3, 4, 5]
    assert "单位名称不能为空" in str(rows[1][1])
    assert str(rows[3][rows[0].index("联系电话")]) == "12"
    fixed = openpyxl.load_workbook(out)
    sheet = fixed.active
    sheet.cell(row=2, column=rows[0].index("单位名称") + 1, value="邹城市保洁公司")
    fixed.save(out)
    again = JobImportService(store).run(out, today=TODAY)
    assert again.added == 1 and len(again.rejected) == 2


def test_welfare_rows_carry_warnings(store: Store, tmp_path: Path) -> None:
    row = [1, "某村民委员会", "", "保洁员", "保洁", 2, "太平镇", "800元/月", "40-60周岁",
           "高中", "", "", None, "公益性岗位"]  # fmt: skip
    result = JobImportService(store).run(workbook(tmp_path / "w.xlsx", [row]), today=TODAY)
    assert result.added == 1
    assert {w.column for w in result.warnings} == {"年龄要求", "岗位要求"}


def test_missing_required_column_refused(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["单位名称", "工种"])
    book.active.append(["某公司", "焊工"])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(WorkbookError, match="岗位名称"):
        JobImportService(store).run(tmp_path / "x.xlsx", today=TODAY)


def test_preview_writes_nothing(store: Store, tmp_path: Path) -> None:
    preview = JobImportService(store).preview(workbook(tmp_path / "p.xlsx", GOOD + BAD))
    assert preview.header.row_number == 2
    assert [bool(r.problems) for r in preview.rows] == [False] * 3 + [True] * 4
    assert count_jobs(store) == 0


@pytest.mark.parametrize(("written", "kind"), [("临时工", "gig"), ("公益岗", "public_welfare"),
                                               ("季节工", "seasonal"), ("长期工", "full_time")])  # fmt: skip
def test_job_kinds_as_employers_write_them(
    store: Store, tmp_path: Path, written: str, kind: str
) -> None:
    row = [*GOOD[0][:13], written]
    result = JobImportService(store).run(workbook(tmp_path / "k.xlsx", [row]), today=TODAY)
    assert result.added == 1 and result.rejected == []
    with store.read() as session:
        assert session.scalar(select(JobPosting.kind)) == kind
