"""The 劳务输出 commands through ``broker_app.cli.main.main``, and the demo batches."""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest

from broker_app.cli.main import main
from broker_app.services.demo import data as demo_data
from broker_app.services.demo.data import DemoDataService
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.settings.station import StationService
from broker_app.store.store import Store, open_store
from tests.dispatch.builders import add_job_and_match, add_worker, data_rows, read_sheets


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


@pytest.fixture
def cli_data(store: Store, data_dir: Path) -> Path:
    """The test store's folder, with two workers and a 录用 match; the store is closed
    so each command opens its own, as at a terminal."""
    a = add_worker(store, 1, poverty_alleviated="是")
    b = add_worker(store, 2)
    _, match = add_job_and_match(store, b)
    (data_dir / "ids.txt").write_text(f"{a}\n{match}\n")
    store.close()
    return data_dir


def test_batch_commands_then_export(
    cli_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    worker, match = (cli_data / "ids.txt").read_text().split()
    assert run(cli_data, "batch-new", "--employer", "江苏苏州精密电子有限公司",
               "--destination", "江苏苏州", "--date", "2025-03-18", "--leader", "王队长") == 0  # fmt: skip
    batch = capsys.readouterr().out.strip()
    assert run(cli_data, "batch-add", batch, worker, "--match", match) == 0
    assert "已加入 2 人" in capsys.readouterr().out
    assert run(cli_data, "batch-add", batch, worker) == 3
    assert "已在本批次中" in capsys.readouterr().err
    assert run(cli_data, "list", "batches") == 0
    listed = capsys.readouterr().out
    assert batch in listed and "preparing" in listed and "共 1 条" in listed
    assert run(cli_data, "batch-status", batch, "已到岗") == 2
    assert "不能从“筹备”改为“已到岗”" in capsys.readouterr().err
    assert run(cli_data, "batch-status", batch, "已出发") == 0
    out = tmp_path / "名单.xlsx"
    assert run(cli_data, "export-dispatch", str(out), "--batch", batch) == 0
    # Masked by default: a count below 3 is not said.
    assert "已导出 1 批、2 人（其中脱贫人口 <3 人）" in capsys.readouterr().out
    sheets = read_sheets(out)
    rows = next(v for k, v in sheets.items() if k != "汇总")
    assert all("********" in row[4] for row in data_rows(rows))  # masked by default
    full = tmp_path / "完整名单.xlsx"
    assert run(cli_data, "export-dispatch", str(full), "--batch", batch, "--full") == 0
    rows = next(v for k, v in read_sheets(full).items() if k != "汇总")
    assert not any("*" in row[4] for row in data_rows(rows))
    capsys.readouterr()
    assert run(cli_data, "audit-log", "--json") == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["target"], e["full"], e["rows"], e["channel"]) for e in entries] == [
        (str(full), True, 2, "命令行"),
        (str(out), False, 2, "命令行"),
    ]
    folder = tmp_path / "folder"
    assert (
        run(cli_data, "export-dispatch", str(folder), "--from", "2000-01-01", "--to", "2099-12-31")
        == 0
    )
    assert len(list(folder.iterdir())) == 1
    assert (
        run(
            cli_data,
            "export-dispatch",
            str(tmp_path / "x.xlsx"),
            "--from",
            "2001-01-01",
            "--to",
            "2001-01-31",
        )
        == 2
    )
    assert "没有符合条件的劳务输出批次" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_ledger_and_stats_commands(
    cli_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = tmp_path / "台账.xlsx"
    assert run(cli_data, "export-ledger", str(ledger)) == 0
    # Both test workers were born in 1980: 大龄 from 2025 on.
    assert "已导出就业帮扶台账 2 人" in capsys.readouterr().out
    assert ledger.exists()
    stats = tmp_path / "统计.xlsx"
    assert run(cli_data, "export-stats", "--month", "2025-03", str(stats)) == 0
    assert "已导出2025年3月统计表" in capsys.readouterr().out
    assert next(iter(read_sheets(stats))) == "就业状态"
    assert run(cli_data, "export-stats", "--month", "2025-13", str(stats)) == 2
    assert "格式不对" in capsys.readouterr().err


def test_demo_data_makes_batches_from_matches_and_the_roster(tmp_path: Path) -> None:
    store = open_store(tmp_path / "demo")
    try:
        StationService(store).configure("370883107000")
        summary = DemoDataService(store).generate(600, seed=5)
        assert summary.extra["劳务输出批次"] >= 5 and summary.extra["批次人员"] > 10
        rows = DispatchService(store).list_batches()
        statuses = {row.status for row in rows}
        assert statuses == {"preparing", "departed", "arrived", "finished"}
        members = [m for row in rows for m in DispatchService(store).members(row.id)]
        assert any(m.match_id for m in members) and any(m.match_id is None for m in members)
        # One active batch per worker.
        active = [m.worker_id for row in rows if row.status != "finished"
                  for m in DispatchService(store).members(row.id)]  # fmt: skip
        assert len(active) == len(set(active))
    finally:
        store.close()


def test_demo_without_the_jobs_step_uses_the_roster(tmp_path: Path) -> None:
    from broker_app.services.demo.dispatch import add_demo_batches

    store = open_store(tmp_path / "demo")
    try:
        StationService(store).configure("370883107000")
        with mock.patch.object(demo_data, "EXTRA_STEPS", [add_demo_batches]):
            summary = DemoDataService(store).generate(200, seed=5)
        assert summary.extra["劳务输出批次"] == 4
        members = [m for row in DispatchService(store).list_batches()
                   for m in DispatchService(store).members(row.id)]  # fmt: skip
        assert members and all(m.match_id is None for m in members)
    finally:
        store.close()
