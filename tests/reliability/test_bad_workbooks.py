"""Bad input on the desktop: files and cells a broker's Excel can produce, through the
import service and the command line. A refused file leaves the database as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from broker_app.cli.main import main
from broker_app.services.excel.errors import Problem, WorkbookError
from broker_app.services.roster.importing import RosterImportService
from broker_app.services.settings.station import StationService
from broker_app.store.models import Worker
from broker_app.store.store import Store, open_store
from tests.conftest import TOWNSHIP, VILLAGE, valid_id
from tests.excel.builders import build_zip_bomb
from tests.reliability.wb import cached_formula_roster, huge_sheet, roster, snapshot

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def seeded(store: Store, tmp_path: Path) -> dict[str, int]:
    """One worker already on the roster, so 'unchanged' is not just 'empty'."""
    path = roster(tmp_path / "seed.xlsx", [["张三", valid_id("19800101", "001"), "", "", None]])
    assert RosterImportService(store).run(path).added == 1
    return snapshot(store)


def names(store: Store) -> dict[str, dict[str, object]]:
    """Stored workers by ID number, the fields these tests look at."""
    fields = ("name", "id_number", "phone", "org_code", "job_start")
    with store.read() as session:
        workers = session.scalars(select(Worker)).all()
        return {w.id_number: {f: getattr(w, f) for f in fields} for w in workers}


@pytest.mark.parametrize(
    ("kind", "problem"),
    [("not_zip", None), ("bomb", Problem.ZIP_BOMB), ("million", Problem.TOO_MANY_ROWS)],
)
def test_refused_files_leave_the_database_as_it_was(
    store: Store, tmp_path: Path, kind: str, problem: Problem | None
) -> None:
    before = seeded(store, tmp_path)
    path = tmp_path / f"{kind}.xlsx"
    if kind == "not_zip":
        path.write_bytes(b"PK\x03\x04 truncated, then garbage" + bytes(range(256)))
    elif kind == "bomb":
        build_zip_bomb(path, megabytes=300)
    else:
        huge_sheet(path, 1_000_000)
    with pytest.raises(WorkbookError) as caught:
        RosterImportService(store).run(path)
    if problem is not None:
        assert caught.value.problem is problem
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)
    assert snapshot(store) == before


@pytest.mark.parametrize("kind", ["not_zip", "bomb", "million"])
def test_cli_refuses_bad_files_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "init-station", "--org", VILLAGE]) == 0
    path = tmp_path / f"{kind}.xlsx"
    if kind == "not_zip":
        path.write_bytes(b"\x00" * 4096)
    elif kind == "bomb":
        build_zip_bomb(path, megabytes=300)
    else:
        huge_sheet(path, 1_000_000)
    before = _snapshot_of(data)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import-roster", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert _snapshot_of(data) == before


def _snapshot_of(data: Path) -> dict[str, int]:
    store = open_store(data)
    try:
        return snapshot(store)
    finally:
        store.close()


def test_merged_village_cell_never_gives_a_wrong_village(tmp_path: Path) -> None:
    """A township station: 户籍村 merged over three rows. Excel keeps the value only in
    the top cell, so the rows below are refused as lacking a village, never guessed."""
    data = tmp_path / "t"
    data.mkdir()
    store = open_store(data)
    try:
        StationService(store).configure(TOWNSHIP, operator_name="镇")
        rows = [
            ["甲一", valid_id("19800101", "011"), "", "庄里村", None],
            ["乙二", valid_id("19800101", "021"), "", None, None],
            ["丙三", valid_id("19800101", "031"), "", None, None],
        ]
        path = roster(tmp_path / "merged.xlsx", rows, merge="D2:D4")
        result = RosterImportService(store).run(path)
        assert result.added == 1
        assert sorted(p.row_number for p in result.problems) == [3, 4]
        for p in result.problems:
            assert p.column == "村（社区）" and "户籍村" in p.message
        (worker,) = names(store).values()
        assert worker["name"] == "甲一" and worker["org_code"] == VILLAGE
    finally:
        store.close()


def test_formula_cell_never_stores_formula_text(store: Store, tmp_path: Path) -> None:
    rows = [
        ['=A1&"x"', valid_id("19800101", "041"), "", "", None],
        ["李四", valid_id("19800101", "051"), '=A1&"x"', "", None],
    ]
    result = RosterImportService(store).run(roster(tmp_path / "f.xlsx", rows))
    stored = list(names(store).values())
    for worker in stored:
        assert not any(str(v).startswith("=") for v in worker.values() if v is not None)
    # No cached value: the formula cell reads as blank, so a name is missing (rejected)
    # and a phone is simply absent.
    assert [p.row_number for p in result.problems] == [2]
    assert result.problems[0].column == "姓名"
    assert [w["name"] for w in stored] == ["李四"] and stored[0]["phone"] in (None, "")


def test_job_start_as_excel_serial_number(store: Store, tmp_path: Path) -> None:
    rows = [["王五", valid_id("19800101", "061"), "", "", 45292]]  # 2024-01-01
    result = RosterImportService(store).run(roster(tmp_path / "d.xlsx", rows))
    assert result.added == 1, result.problems
    (worker,) = names(store).values()
    assert str(worker["job_start"]) == str(date(2024, 1, 1))


def test_wrong_types_are_rejected_naming_row_and_column(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    rows = [
        [True, valid_id("19800101", "071"), "", "", None],
        ["赵六", valid_id("19800101", "081"), date(2024, 1, 1), "", None],
    ]
    result = RosterImportService(store).run(roster(tmp_path / "t.xlsx", rows))
    got = {(p.row_number, p.column) for p in result.problems}
    assert got == {(2, "姓名"), (3, "联系电话")}, result.problems
    assert all("应为文字" in p.message for p in result.problems)
    assert snapshot(store) == before


def test_full_width_and_spaced_id_numbers_are_normalised(store: Store, tmp_path: Path) -> None:
    first, second = valid_id("19800101", "091"), valid_id("19800101", "101")
    spaced = f"{first[:6]} {first[6:14]}　{first[14:]}"
    rows = [
        ["孙七", spaced, "", "", None],
        ["周八", second.translate(FULL_WIDTH), "", "", None],
    ]
    result = RosterImportService(store).run(roster(tmp_path / "id.xlsx", rows))
    assert result.added == 2 and not result.problems
    assert set(names(store)) == {first, second}


def test_merged_village_cell_on_a_village_station_means_its_own_village(
    store: Store, tmp_path: Path
) -> None:
    """A village station registers only its own village, so a blank (merged-away)
    village cell can only mean that village."""
    rows = [
        ["甲一", valid_id("19800101", "111"), "", "庄里村", None],
        ["乙二", valid_id("19800101", "121"), "", None, None],
    ]
    result = RosterImportService(store).run(roster(tmp_path / "m.xlsx", rows, merge="D2:D3"))
    assert result.added == 2 and not result.problems
    assert {w["org_code"] for w in names(store).values()} == {VILLAGE}


def test_cli_names_row_and_column_of_wrong_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "init-station", "--org", VILLAGE]) == 0
    rows = [
        [False, valid_id("19800101", "131"), "", "", None],
        ["赵六", valid_id("19800101", "141"), date(2024, 1, 1), "", None],
        ["钱七", valid_id("19800101", "151"), "", "", 45292],
    ]
    path = roster(tmp_path / "t.xlsx", rows)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import-roster", str(path)]) == 3
    captured = capsys.readouterr()
    assert "新增 1 人" in captured.out and "有误 2 行" in captured.out
    assert "第 2 行 姓名：姓名应为文字" in captured.err
    assert "第 3 行 联系电话：联系电话应为文字" in captured.err


def test_formula_with_a_cached_value_stores_the_value(store: Store, tmp_path: Path) -> None:
    """Excel saves a formula's result beside it; that result is what gets stored."""
    number = valid_id("19800101", "161")
    path = cached_formula_roster(tmp_path / "c.xlsx", '=A1&"x"', "吴九", number)
    result = RosterImportService(store).run(path)
    assert result.added == 1 and not result.problems
    assert names(store)[number]["name"] == "吴九"
