"""The command line: same services as the window, clear Chinese failures, real exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from broker_app.cli.main import main
from tests.conftest import VILLAGE, valid_id


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def test_init_station_then_demo_data_then_list_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "init-station", "--org", "370883107", "--operator", "王经纪") == 0
    assert "太平镇" in capsys.readouterr().out
    assert run(tmp_path, "demo-data", "--workers", "40", "--seed", "5") == 0
    assert "劳动力 40 人" in capsys.readouterr().out
    assert run(tmp_path, "list", "workers", "--json") == 0
    workers = json.loads(capsys.readouterr().out)
    assert len(workers) == 40
    first = workers[0]
    assert {"id", "name", "id_number", "birth_date", "org_code", "employment_status"} <= set(first)
    # Every worker lies in the station's township and has a valid ID number.
    assert all(w["org_code"].startswith("370883107") for w in workers)
    assert len({w["id_number"] for w in workers}) == 40


def test_plain_list_masks_id_numbers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE)
    run(tmp_path, "demo-data", "--workers", "3")
    capsys.readouterr()
    assert run(tmp_path, "list", "workers") == 0
    out = capsys.readouterr().out
    assert "********" in out and "共 3 条" in out


def test_same_seed_gives_the_same_people(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = []
    for folder in ("a", "b"):
        run(tmp_path / folder, "init-station", "--org", VILLAGE)
        run(tmp_path / folder, "demo-data", "--workers", "10", "--seed", "9")
        capsys.readouterr()
        run(tmp_path / folder, "list", "workers", "--json")
        names.append([(w["name"], w["id_number"]) for w in json.loads(capsys.readouterr().out)])
    assert names[0] == names[1]


def test_bad_org_code_fails_with_chinese_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "init-station", "--org", "110105000000") == 2
    err = capsys.readouterr().err
    assert "邹城市" in err
    log = (tmp_path / "logs" / "labor-station.log").read_text(encoding="utf-8")
    assert "not a Zoucheng division" in log


def test_demo_data_needs_a_configured_station(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(tmp_path, "demo-data", "--workers", "5") == 2
    assert "init-station" in capsys.readouterr().err


def test_import_roster_reports_bad_rows_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    run(tmp_path, "init-station", "--org", VILLAGE)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "联系电话"])
    sheet.append(["张三", valid_id("19800101", "111"), "13812345678"])
    sheet.append(["李四", "37088319800101", "13812345679"])
    book.save(tmp_path / "r.xlsx")
    capsys.readouterr()
    code = run(
        tmp_path, "import-roster", str(tmp_path / "r.xlsx"), "--errors", str(tmp_path / "e.xlsx")
    )
    captured = capsys.readouterr()
    assert code == 3
    assert "新增 1 人" in captured.out and "有误 1 行" in captured.out
    assert "第 3 行" in captured.err and "身份证号" in captured.err
    assert (tmp_path / "e.xlsx").exists()


def test_import_of_a_file_that_is_not_a_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE)
    (tmp_path / "r.xlsx").write_bytes(b"%PDF-1.4 not a workbook")
    capsys.readouterr()
    assert run(tmp_path, "import-roster", str(tmp_path / "r.xlsx")) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err


def test_backup_and_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(data, "init-station", "--org", VILLAGE)
    run(data, "demo-data", "--workers", "5")
    assert run(data, "backup", str(tmp_path / "b.sqlite3")) == 0
    run(data, "demo-data", "--workers", "7", "--seed", "2")
    capsys.readouterr()
    run(data, "list", "workers", "--json")
    assert len(json.loads(capsys.readouterr().out)) == 12
    assert run(data, "restore", str(tmp_path / "b.sqlite3")) == 0
    capsys.readouterr()
    run(data, "list", "workers", "--json")
    assert len(json.loads(capsys.readouterr().out)) == 5
    # The database that was replaced is kept beside it.
    assert (data / "station.sqlite3.before-restore").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(tmp_path, "init-station", "--org", VILLAGE)
    bogus = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(bogus)
    conn.execute("CREATE TABLE t (a)")
    conn.close()
    capsys.readouterr()
    assert run(tmp_path, "restore", str(bogus)) == 2
    assert "不是驿站数据库" in capsys.readouterr().err
