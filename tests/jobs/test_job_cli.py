"""The job and matching commands through ``broker_app.cli.main.main``."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from broker_app.cli.main import main
from broker_app.services.jobs.welfare import WelfarePostService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from tests.conftest import VILLAGE
from tests.jobs.builders import TODAY, add_job, add_worker
from tests.jobs.test_job_import import BAD, GOOD, workbook

DAY = TODAY.isoformat()


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_match_prints_ranked_workers_with_reasons(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job_id = add_job(store)
    poor = add_worker(store, 1, poverty_alleviated="是", name="李脱贫")
    add_worker(store, 2, name="王普通")
    assert run(data_dir, "match", "--job", job_id, "--top", "5", "--date", DAY) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "岗位：电焊工（参与评分 2 人）"
    assert lines[1].split("\t")[2] == "李脱贫" and poor in lines[1]
    assert "138****5678" in lines[1]
    assert "脱贫人口优先" in lines[2] and "工种匹配：焊工" in lines[2]
    assert lines[3].split("\t")[2] == "王普通"
    assert lines[-1] == "共 2 人"


def test_match_json_and_for_worker(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job_id = add_job(store)
    worker_id = add_worker(store, 1)
    assert run(data_dir, "match", "--job", job_id, "--json", "--date", DAY) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["worker_id"] == worker_id and item["phone"] == "13812345678"
    assert item["reasons"][0] == "工种匹配：焊工"
    assert run(data_dir, "match", "--worker", worker_id, "--date", DAY) == 0
    out = capsys.readouterr().out
    assert "电焊工" in out and out.rstrip().endswith("共 1 个")


def test_match_unknown_job_is_a_chinese_error(
    data_dir: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "match", "--job", "nope") == 2
    assert "找不到该岗位" in capsys.readouterr().err


def test_match_add_and_status_commands(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job_id = add_job(store, headcount=1)
    worker_id = add_worker(store, 1)
    assert run(data_dir, "match-add", "--job", job_id, worker_id) == 0
    match_id = capsys.readouterr().out.split("：")[1].strip()
    assert run(data_dir, "match-status", match_id, "离岗") == 2
    assert "只有“已上岗”" in capsys.readouterr().err
    assert run(data_dir, "match-status", match_id, "已上岗") == 0
    out = capsys.readouterr().out
    assert "已同步更新劳动力的就业信息" in out and "job-status" in out
    assert WorkerService(store).details(worker_id)["employment_status"] == "employed"
    assert run(data_dir, "job-status", job_id, "已满员") == 0
    assert run(data_dir, "match-add", "--job", job_id, worker_id) == 3


def test_import_jobs_with_errors_workbook(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workbook(tmp_path / "jobs.xlsx", GOOD + BAD)
    errors = tmp_path / "errors.xlsx"
    assert run(data_dir, "import-jobs", str(path), "--errors", str(errors)) == 3
    captured = capsys.readouterr()
    assert "新增 3 个岗位" in captured.out and "有误 4 行" in captured.out
    assert "第 6 行 单位名称：单位名称不能为空" in captured.err
    assert openpyxl.load_workbook(errors).active.max_row == 5
    assert run(data_dir, "import-jobs", str(workbook(tmp_path / "g.xlsx", GOOD))) == 0
    assert "未变 3 个" in capsys.readouterr().out
    assert run(data_dir, "list", "jobs") == 0
    assert capsys.readouterr().out.rstrip().endswith("共 3 条")


def test_welfare_review_command(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job_id = add_job(store, kind="公益性岗位", title="保洁员", work_type="保洁", age="")
    worker_id = add_worker(store, 1, poverty_alleviated="是", monthly_income=2500)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_id, [worker_id], on=TODAY).match_ids
    flow.change_status(match_id, "已上岗", today=TODAY)
    assert run(data_dir, "welfare-review") == 0
    out = capsys.readouterr().out
    assert "监测线 2000 元/月，应复核 1 人" in out and "月收入2500元" in out
    assert run(data_dir, "welfare-review", "--set-threshold", "3000") == 0
    assert "应复核 0 人" in capsys.readouterr().out
    assert WelfarePostService(store).threshold() == 3000
    assert run(data_dir, "list", "matches") == 0
    assert "on_duty" in capsys.readouterr().out


def test_demo_data_makes_jobs_and_matches_in_every_status(
    store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "demo-data", "--workers", "600", "--seed", "3") == 0
    out = capsys.readouterr().out
    assert "岗位" in out and "匹配" in out
    assert run(data_dir, "list", "matches", "--json") == 0
    matches = json.loads(capsys.readouterr().out)
    statuses = {m["status"] for m in matches}
    assert statuses == {
        "recommended", "contacted", "interview", "hired", "on_duty", "left", "rejected",
    }  # fmt: skip
    assert run(data_dir, "list", "jobs", "--json") == 0
    jobs = json.loads(capsys.readouterr().out)
    assert {j["kind"] for j in jobs} >= {"public_welfare", "full_time", "gig", "seasonal"}
    # A village station publishes in its own name only: the channel server would refuse
    # a posting it claimed for the county.
    assert {j["org_code"] for j in jobs} == {VILLAGE}
    assert {j["status"] for j in jobs} >= {"open", "closed", "filled"}
    employers = {j["id"]: j["employer_name"] for j in jobs}
    workers = {w.pop("id"): w for w in _workers(data_dir, capsys)}
    for match in matches:
        worker = workers[match["worker_id"]]
        if match["status"] == "on_duty":
            assert worker["employment_status"] in ("employed", "flexible")
            assert worker["employer"] == employers[match["job_id"]]
        # Someone who left may have been sent out again since (a later demo step).
        if match["status"] == "left" and worker["employer"] == employers[match["job_id"]]:
            assert worker["employment_status"] == "unemployed"
            assert worker["job_end"] == match["history"][-1]["date"]


def _workers(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert run(data_dir, "list", "workers", "--json") == 0
    records: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return records
