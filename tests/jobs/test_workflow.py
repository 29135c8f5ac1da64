"""Matches from recommendation to work, and the worker's record following them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from broker_app.domain.common.errors import FieldError
from broker_app.domain.jobs.query import MatchFilter
from broker_app.services.matching.recommend import MatchingService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models import OutboxEntry
from broker_app.store.store import Store
from tests.jobs.builders import TODAY, add_job, add_worker


def outbox(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as session:
        rows = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
        return [(e.record_type, e.record_id, e.op) for e in rows]


def test_recommend_then_create_matches_skips_existing(store: Store) -> None:
    job_id = add_job(store)
    poor = add_worker(store, 1, poverty_alleviated="是")
    plain = add_worker(store, 2)
    found = MatchingService(store).workers_for_job(job_id, on=TODAY)
    assert [c.worker_id for c in found.items] == [poor, plain]
    assert found.items[0].reasons[0] == "工种匹配：焊工"
    flow = MatchWorkflowService(store)
    first = flow.create_matches(job_id, [poor], on=TODAY)
    assert len(first.match_ids) == 1 and first.skipped == []
    again = flow.create_matches(job_id, [poor, plain], on=TODAY)
    assert len(again.match_ids) == 1
    assert [(s.worker_id, s.reason) for s in again.skipped] == [(poor, "已有该岗位的匹配（推荐）")]
    listed = MatchingService(store).workers_for_job(job_id, on=TODAY)
    assert listed.items[0].match_status == "推荐"
    details = flow.details(first.match_ids[0])
    assert details["status"] == "recommended"
    assert details["reasons"] == list(found.items[0].reasons)
    assert details["history"] == [{"status": "recommended", "date": "2025-06-01", "note": ""}]


def test_create_refuses_workers_failing_hard_constraints(store: Store) -> None:
    job_id = add_job(store, age="18-30周岁")
    old = add_worker(store, 1)  # born 1985: 40
    result = MatchWorkflowService(store).create_matches(job_id, [old, "nobody"], on=TODAY)
    assert result.match_ids == []
    assert [s.reason for s in result.skipped] == [
        "年龄40周岁，不在岗位要求的18-30周岁内",
        "找不到该劳动力记录",
    ]


def test_on_duty_updates_worker_in_same_transaction_and_left_reverts(store: Store) -> None:
    job_id = add_job(store, kind="公益性岗位", age="", title="保洁员", work_type="保洁")
    worker_id = add_worker(store, 1, low_income="是")
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_id, [worker_id], on=date(2025, 5, 1)).match_ids
    flow.change_status(match_id, "已联系", date(2025, 5, 2), "电话联系", today=TODAY)
    before = len(outbox(store))
    result = flow.change_status(match_id, "已上岗", date(2025, 5, 10), today=TODAY)
    assert result.worker_fields >= {"employment_status", "employer", "job_start"}
    new_entries = outbox(store)[before:]
    # The placement is also the worker's 跟踪服务记录 (职业介绍), in the same transaction.
    assert [(t, op) for t, _, op in new_entries] == [
        ("match", "update"),
        ("worker", "update"),
        ("follow_up", "create"),
    ]
    worker = WorkerService(store).details(worker_id)
    assert worker["employment_status"] == "employed"
    assert worker["employment_mode"] == "public_welfare_post"
    assert worker["employer"] == "邹城市某建材有限公司"
    assert worker["work_place"] == "太平镇"
    assert worker["place_tier"] == "in_county"
    assert worker["job_start"] == date(2025, 5, 10)
    flow.change_status(match_id, "离岗", date(2025, 5, 30), today=TODAY)
    worker = WorkerService(store).details(worker_id)
    assert worker["employment_status"] == "unemployed"
    assert worker["place_tier"] == "none"
    assert worker["job_end"] == date(2025, 5, 30)
    assert worker["employer"] == "邹城市某建材有限公司"  # the record of the last job
    history = flow.details(match_id)["history"]
    assert [h["status"] for h in history] == ["recommended", "contacted", "on_duty", "left"]
    assert history[1]["note"] == "电话联系"


def test_left_keeps_worker_employed_with_another_job_on_duty(store: Store) -> None:
    first_job = add_job(store)
    gig = add_job(store, title="装卸工", work_type="装卸工", kind="零工",
                  employer_name="邹城市物流园区")  # fmt: skip
    worker_id = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (m1,) = flow.create_matches(first_job, [worker_id], on=TODAY).match_ids
    (m2,) = flow.create_matches(gig, [worker_id], on=TODAY).match_ids
    flow.change_status(m1, "已上岗", today=TODAY)
    flow.change_status(m2, "已上岗", today=TODAY)
    assert WorkerService(store).details(worker_id)["employment_status"] == "flexible"
    flow.change_status(m2, "离岗", today=TODAY)
    worker = WorkerService(store).details(worker_id)
    assert worker["employment_status"] == "employed"
    assert worker["employer"] == "邹城市某建材有限公司"


def test_left_leaves_a_record_changed_since_alone(store: Store) -> None:
    job_id = add_job(store)
    worker_id = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_id, [worker_id], on=TODAY).match_ids
    flow.change_status(match_id, "已上岗", today=TODAY)
    WorkerService(store).edit(worker_id, {"employer": "自己找的工厂"}, today=TODAY)
    result = flow.change_status(match_id, "离岗", today=TODAY)
    assert result.worker_fields == frozenset()
    assert WorkerService(store).details(worker_id)["employment_status"] == "employed"


def test_illegal_moves_refused_in_chinese_and_write_nothing(store: Store) -> None:
    job_id = add_job(store)
    worker_id = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_id, [worker_id], on=TODAY).match_ids
    before = outbox(store)
    with pytest.raises(FieldError) as info:
        flow.change_status(match_id, "离岗", today=TODAY)
    assert info.value.message == "只有“已上岗”的匹配才能改为“离岗”（当前为“推荐”）"
    flow.change_status(match_id, "录用", today=TODAY)
    before = outbox(store)
    with pytest.raises(FieldError, match="不能再改为“未录用”"):
        flow.change_status(match_id, "未录用", today=TODAY)
    with pytest.raises(FieldError, match="不能晚于今天"):
        flow.change_status(match_id, "已上岗", date(2025, 6, 2), today=TODAY)
    assert outbox(store) == before


def test_committed_worker_no_longer_recommended(store: Store) -> None:
    job_a = add_job(store)
    job_b = add_job(store, title="焊工二", employer_name="另一家公司")
    worker_id = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_a, [worker_id], on=TODAY).match_ids
    assert [c.worker_id for c in MatchingService(store).workers_for_job(job_b, on=TODAY).items]
    flow.change_status(match_id, "录用", today=TODAY)
    assert MatchingService(store).workers_for_job(job_b, on=TODAY).items == []
    problems = MatchingService(store).jobs_for_worker(worker_id, on=TODAY).worker_problems
    assert problems == ["已有录用或已上岗的岗位"]


def test_jobs_for_worker_and_why_not(store: Store) -> None:
    welder_job = add_job(store)
    welfare = add_job(store, title="保洁员", work_type="保洁", kind="公益性岗位", age="")
    worker_id = add_worker(store, 1)
    found = MatchingService(store).jobs_for_worker(worker_id, on=TODAY)
    assert [j.job_id for j in found.items] == [welder_job]
    assert found.items[0].wage == "4000-6000元/月"
    why = MatchingService(store).why_not(welfare, worker_id, on=TODAY)
    assert why and "公益性岗位安置对象" in why[0]


def test_match_list_by_status(store: Store) -> None:
    job_id = add_job(store)
    ids = [add_worker(store, n) for n in range(3)]
    flow = MatchWorkflowService(store)
    matches = flow.create_matches(job_id, ids, on=TODAY).match_ids
    flow.change_status(matches[0], "未录用", today=TODAY)
    assert flow.status_counts(MatchFilter()) == {"recommended": 2, "rejected": 1}
    assert flow.count(MatchFilter(active_only=True)) == 2
    keys = flow.search_keys(MatchFilter(status=None, text="张三丰"))
    assert len(keys) == 3
    rows = flow.rows(keys)
    assert {row.job_title for row in rows.values()} == {"电焊工"}


def test_match_and_worker_change_together_or_not_at_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = add_job(store)
    worker_id = add_worker(store, 1)
    flow = MatchWorkflowService(store)
    (match_id,) = flow.create_matches(job_id, [worker_id], on=TODAY).match_ids
    before = outbox(store)

    def broken(*_args: object, **_kwargs: object) -> list[str]:
        raise RuntimeError("disk full")

    monkeypatch.setattr("broker_app.store.repositories.workers.update", broken)
    with pytest.raises(RuntimeError):
        flow.change_status(match_id, "已上岗", today=TODAY)
    assert flow.details(match_id)["status"] == "recommended"
    assert outbox(store) == before
