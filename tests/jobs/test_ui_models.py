"""The job, match and recommendation table models, without any widget."""

from __future__ import annotations

from PySide6.QtCore import Qt

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.jobs.query import JobFilter, MatchFilter
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.matching.recommend import MatchingService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.jobs.job_model import COLUMN_KEYS as JOB_KEYS
from broker_app.ui.jobs.job_model import JobTableModel
from broker_app.ui.jobs.match_model import COLUMN_KEYS as MATCH_KEYS
from broker_app.ui.jobs.match_model import MatchTableModel
from broker_app.ui.jobs.recommend_model import WorkerCandidateModel
from tests.conftest import VILLAGE
from tests.jobs.builders import TODAY, add_job, add_worker


def cell(model: object, row: int, keys: tuple[str, ...], key: str) -> object:
    index = model.index(row, keys.index(key))  # type: ignore[attr-defined]
    return model.data(index, Qt.ItemDataRole.DisplayRole)  # type: ignore[attr-defined]


def test_job_model_rows_filter_and_filled_counts(ui_ctx: AppContext, store: Store) -> None:
    welder = add_job(store, headcount=3)
    add_job(store, title="保洁员", work_type="保洁", kind="公益性岗位", age="", wage="800元/月")
    model = JobTableModel(JobPostingService(store), VILLAGE)
    model.reload()
    assert model.rowCount() == 2
    rows = {cell(model, r, JOB_KEYS, "title"): r for r in range(2)}
    row = rows["电焊工"]
    assert cell(model, row, JOB_KEYS, "headcount") == "0/3"
    assert cell(model, row, JOB_KEYS, "wage") == "4000-6000元/月"
    assert cell(model, row, JOB_KEYS, "age") == "18-55周岁"
    assert cell(model, row, JOB_KEYS, "place") == "太平镇"
    assert cell(model, row, JOB_KEYS, "publisher") == "本驿站"
    assert cell(model, row, JOB_KEYS, "status") == "招聘中"
    assert cell(model, rows["保洁员"], JOB_KEYS, "kind") == "公益性岗位"
    model.set_filter(JobFilter(text="保洁"))
    assert model.rowCount() == 1
    model.set_filter(JobFilter())
    worker = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(welder, [worker], on=TODAY).match_ids
    flow.change_status(match_id, "录用", today=TODAY)
    model.apply_change(Change(RecordKind.MATCH, Op.UPDATE, (match_id,)))
    row = next(r for r in range(2) if model.record_id(r) == welder)
    assert cell(model, row, JOB_KEYS, "headcount") == "1/3"
    JobPostingService(store).close(welder)
    model.set_filter(JobFilter(status=JobStatus.OPEN))
    assert model.rowCount() == 1


def test_match_model_shows_status_date_and_history(ui_ctx: AppContext, store: Store) -> None:
    job = add_job(store)
    worker = add_worker(store, 1, name="李四")
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job, [worker], on=TODAY).match_ids
    flow.change_status(match_id, "已联系", note="电话", today=TODAY)
    model = MatchTableModel(flow)
    model.reload()
    assert cell(model, 0, MATCH_KEYS, "worker") == "李四"
    assert cell(model, 0, MATCH_KEYS, "status") == "已联系"
    assert cell(model, 0, MATCH_KEYS, "date") == TODAY.isoformat()
    assert cell(model, 0, MATCH_KEYS, "phone") == "138****5678"
    tip = model.data(model.index(0, MATCH_KEYS.index("status")), Qt.ItemDataRole.ToolTipRole)
    assert "推荐" in str(tip) and "电话" in str(tip)
    model.set_filter(MatchFilter(active_only=True, text="电焊"))
    assert model.rowCount() == 1


def test_candidate_model_ticks_only_unmatched(ui_ctx: AppContext, store: Store) -> None:
    job = add_job(store)
    first = add_worker(store, 1, poverty_alleviated="是")
    add_worker(store, 2)
    MatchWorkflowService(store).create_matches(job, [first], on=TODAY)
    found = MatchingService(store).workers_for_job(job, on=TODAY)
    model = WorkerCandidateModel()
    model.set_items(found.items)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) is None
    assert model.data(model.index(0, model.column_of("match"))) == "推荐"
    model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.checked_ids() == [found.items[1].worker_id]
    reasons = model.data(model.index(1, model.column_of("reasons")))
    assert "工种匹配：焊工" in str(reasons)
