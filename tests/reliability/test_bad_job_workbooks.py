"""Bad input to the job-posting import: files and cells a township clerk's Excel can
produce. A refused file leaves the database as it was; a bad cell rejects its row with
the row, the column and a Chinese reason, and never stores a guess."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from broker_app.cli.main import main
from broker_app.services.excel.errors import Problem, WorkbookError
from broker_app.services.jobs.importing import JobImportService
from broker_app.store.models import JobPosting
from broker_app.store.store import Store, open_store
from tests.conftest import VILLAGE
from tests.excel.builders import build_zip_bomb
from tests.jobs.test_job_import import GOOD, HEADER, workbook
from tests.reliability.wb import huge_sheet, snapshot


def seeded(store: Store, tmp_path: Path) -> dict[str, int]:
    """Three postings already there, so 'unchanged' is not just 'empty'."""
    assert JobImportService(store).run(workbook(tmp_path / "seed.xlsx", GOOD)).added == 3
    return snapshot(store)


def bad_file(path: Path, kind: str) -> Path:
    if kind == "not_zip":
        path.write_bytes(b"PK\x03\x04 truncated, then garbage" + bytes(range(256)))
    elif kind == "bomb":
        build_zip_bomb(path, megabytes=300)
    else:
        huge_sheet(path, 1_000_000)
    return path


@pytest.mark.parametrize(
    ("kind", "problem"),
    [("not_zip", None), ("bomb", Problem.ZIP_BOMB), ("million", Problem.TOO_MANY_ROWS)],
)
def test_refused_files_leave_the_postings_as_they_were(
    store: Store, tmp_path: Path, kind: str, problem: Problem | None
) -> None:
    before = seeded(store, tmp_path)
    with pytest.raises(WorkbookError) as caught:
        JobImportService(store).run(bad_file(tmp_path / f"{kind}.xlsx", kind))
    if problem is not None:
        assert caught.value.problem is problem
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    assert snapshot(store) == before


@pytest.mark.parametrize("kind", ["not_zip", "bomb", "million"])
def test_cli_refuses_bad_job_files_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "init-station", "--org", VILLAGE]) == 0
    path = bad_file(tmp_path / f"{kind}.xlsx", kind)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import-jobs", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    store = open_store(data)
    try:
        with store.read() as session:
            assert session.scalars(select(JobPosting)).first() is None
    finally:
        store.close()


def _row(**cells: object) -> list[object]:
    """A copy of the first good row with some cells replaced, by header name."""
    row = list(GOOD[0])
    for name, value in cells.items():
        row[HEADER.index(name)] = value
    return row


def test_wrong_types_reject_their_row_naming_column(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    rows = [
        _row(单位名称=True),
        _row(岗位名称="装配工", 联系电话=True),
        _row(岗位名称="仓管员", 招聘人数="好多"),
    ]
    result = JobImportService(store).run(workbook(tmp_path / "types.xlsx", rows))
    assert result.added == 0
    reasons = {r.row_number: " ".join(p.message for p in r.problems) for r in result.rejected}
    assert sorted(reasons) == [3, 4, 5]
    assert reasons[3] == "单位名称应为文字，单元格里却是是/否值（TRUE）"
    assert reasons[4] == "联系电话应为文字，单元格里却是是/否值（TRUE）"
    assert "好多" in reasons[5]
    assert snapshot(store) == before


def test_formula_without_cached_value_is_never_stored(store: Store, tmp_path: Path) -> None:
    path = workbook(tmp_path / "formula.xlsx", [_row(岗位名称='=A1&"工"')])
    result = JobImportService(store).run(path)
    assert result.added == 0 and len(result.rejected) == 1
    with store.read() as session:
        assert session.scalars(select(JobPosting)).first() is None


def test_merged_employer_cell_never_gives_a_wrong_employer(store: Store, tmp_path: Path) -> None:
    """A clerk merges 单位名称 over an employer's posts. Excel keeps the name only in
    the top cell; the rows below must not be stored under a guessed employer."""
    rows = [
        _row(岗位名称="电焊工"),
        _row(岗位名称="钳工", 单位名称=None, 统一社会信用代码=None),
        _row(岗位名称="叉车工", 单位名称=None, 统一社会信用代码=None),
    ]
    path = workbook(tmp_path / "merged.xlsx", rows)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("B3:B5")
    book.save(path)
    result = JobImportService(store).run(path)
    with store.read() as session:
        stored = {job.title: job.employer_name for job in session.scalars(select(JobPosting))}
    for title, employer in stored.items():
        assert employer == GOOD[0][1], (title, employer)
    assert result.added + len(result.rejected) == 3


def test_full_width_credit_code_and_phone_are_normalised(store: Store, tmp_path: Path) -> None:
    wide = str.maketrans(
        "0123456789ABCDEFGHJKLMNPQRTUWXY",
        "０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＸＹ",
    )
    row = _row(
        统一社会信用代码=str(GOOD[0][2]).translate(wide), 联系电话="１３９ １２３４ ５６７８"
    )
    result = JobImportService(store).run(workbook(tmp_path / "wide.xlsx", [row]))
    assert result.added == 1, [p.message for r in result.rejected for p in r.problems]
    with store.read() as session:
        job = session.scalars(select(JobPosting)).one()
    assert job.employer_credit_code == GOOD[0][2]
    assert job.contact_phone == "13912345678"
