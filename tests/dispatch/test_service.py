"""Batches and members through the services: every write synced, the one-active-batch
rule, and the members' records following departure and arrival."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.dispatch.query import BatchFilter, MemberPick
from broker_app.services.dispatch.batches import BatchNotFound, DispatchService, InvalidBatch
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models import OutboxEntry
from broker_app.store.store import Store
from tests.conftest import VILLAGE
from tests.dispatch.builders import TODAY, add_batch, add_job_and_match, add_members, add_worker


def outbox_ops(store: Store) -> list[tuple[str, str]]:
    with store.read() as session:
        rows = session.execute(
            select(OutboxEntry.record_type, OutboxEntry.op).order_by(OutboxEntry.seq)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_create_edit_and_list(store: Store) -> None:
    service = DispatchService(store)
    batch_id = add_batch(store)
    details = service.batch(batch_id)
    assert details["status"] == "preparing" and details["org_code"] == VILLAGE
    assert details["next"] == [BatchStatus.DEPARTED] and details["members_editable"]
    change = service.edit_batch(batch_id, {"transport": "高铁", "leader_name": "王队长"})
    assert change.fields == frozenset({"transport"})
    assert outbox_ops(store)[-2:] == [("batch", "create"), ("batch", "update")]
    with pytest.raises(InvalidBatch) as err:
        service.edit_batch(batch_id, {"employer": ""})
    assert err.value.errors[0].field == "employer"
    other = add_batch(
        store, employer="青岛海丰建筑工程有限公司", destination="青岛市", departure_date=""
    )
    rows = service.list_batches()
    assert [r.id for r in rows] == [other, batch_id]  # undated (still planning) on top
    assert rows[1].members == 0 and rows[1].transport == "高铁"
    assert [r.id for r in service.list_batches(BatchFilter(text="青岛"))] == [other]
    in_march = BatchFilter(date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    assert [r.id for r in service.list_batches(in_march)] == [batch_id]
    either = BatchFilter(date_from=date(2025, 3, 1), batch_ids=(other,))
    assert {r.id for r in service.list_batches(either)} == {batch_id, other}
    with pytest.raises(BatchNotFound):
        service.batch("nope")


def test_members_from_roster_and_matches_with_one_active_batch(store: Store) -> None:
    members = DispatchMemberService(store)
    first, second = add_batch(store), add_batch(store, employer="乙公司", destination="济南市")
    a, b, c = (add_worker(store, n) for n in (1, 2, 3))
    _, hired_match = add_job_and_match(store, b)
    _, recommended = add_job_and_match(store, c, status="recommended")
    added = members.add_members(
        first,
        [
            MemberPick(a, work_type="焊工"),
            MemberPick("", hired_match),  # the match names the worker
            MemberPick(c, recommended),
            MemberPick(a),
        ],
    )
    assert len(added.member_ids) == 2
    assert [(s.worker_id, s.reason) for s in added.skipped] == [
        (c, "匹配状态为“推荐”，只有录用、已上岗的匹配可以加入批次")
    ]
    rows = DispatchService(store).members(first)
    assert {(r.worker_id, r.match_id, r.work_type) for r in rows} == {
        (a, None, "焊工"),
        (b, hired_match, "电子装配"),  # the job's work type
    }
    again = members.add_members(first, [MemberPick(a)])
    assert again.skipped[0].reason == "已在本批次中"
    busy = members.add_members(second, [MemberPick(a), MemberPick(c)])
    assert [s.reason for s in busy.skipped] == [
        f"已在未结束的批次“{DispatchService(store).batch(first)['name']}”中"
    ]
    assert busy.member_ids and DispatchService(store).members(second)[0].worker_id == c
    candidates = members.match_candidates()
    assert [(m.match_id, m.busy_in != "") for m in candidates] == [(hired_match, True)]
    found = members.roster_candidates("测试")
    assert {f.worker_id: bool(f.busy_in) for f in found} == {a: True, b: True, c: True}
    assert outbox_ops(store).count(("batch_member", "create")) == 3


def test_remove_members_and_cancel(store: Store) -> None:
    service, members = DispatchService(store), DispatchMemberService(store)
    batch_id = add_batch(store)
    a, b = add_worker(store, 1), add_worker(store, 2)
    member_a, _ = add_members(store, batch_id, a, b)
    change = members.remove_members(batch_id, [member_a, "unknown"])
    assert change.record_ids == (member_a,)
    assert [r.worker_id for r in service.members(batch_id)] == [b]
    # A removed worker is free for another batch.
    other = add_batch(store)
    assert add_members(store, other, a)
    changes = service.cancel_batch(batch_id)
    assert [c.kind for c in changes] == ["batch", "batch_member"]
    assert [r.id for r in service.list_batches()] == [other]
    assert add_members(store, add_batch(store), b)  # freed by the cancel


def test_departure_needs_members_and_sets_the_day(store: Store) -> None:
    service = DispatchService(store)
    batch_id = add_batch(store)
    with pytest.raises(FieldError, match="还没有人员"):
        service.change_status(batch_id, "已出发", TODAY, today=TODAY)
    add_members(store, batch_id, add_worker(store, 1))
    with pytest.raises(FieldError, match="晚于今天"):
        service.change_status(batch_id, "已出发", date(2025, 3, 21), today=TODAY)
    result = service.change_status(batch_id, "已出发", date(2025, 3, 19), today=TODAY)
    assert result.status is BatchStatus.DEPARTED
    details = service.batch(batch_id)
    assert details["departure_date"] == date(2025, 3, 19)
    assert details["name"] == "2025-03-19 江苏苏州精密电子有限公司"  # the default name follows
    with pytest.raises(FieldError, match="早于出发日期"):
        service.change_status(batch_id, "已到岗", date(2025, 3, 18), today=TODAY)
    with pytest.raises(InvalidBatch):
        service.edit_batch(batch_id, {"departure_date": ""})
    with pytest.raises(InvalidBatch, match="不能取消"):
        service.cancel_batch(batch_id)


def test_journey_writes_members_records(store: Store) -> None:
    service, workers = DispatchService(store), WorkerService(store)
    batch_id = add_batch(store)
    roster = add_worker(store, 1)
    from_hired = add_worker(store, 2)
    on_duty = add_worker(store, 3)
    elsewhere = add_worker(
        store, 4, employment_status="已就业", employer="邹城市某厂", place_tier="县内",
        employment_mode="就近就业",
    )  # fmt: skip
    _, hired_match = add_job_and_match(store, from_hired)
    job_id, duty_match = add_job_and_match(store, on_duty, status="on_duty")
    workers.edit(
        on_duty,
        {
            "employment_status": "已就业",
            "employer": "江苏苏州精密电子有限公司",
            "place_tier": "省外",
        },
        today=TODAY,
    )
    members = DispatchMemberService(store)
    picks = [
        MemberPick(roster),
        MemberPick(from_hired, hired_match),
        MemberPick(on_duty, duty_match),
    ]
    picks.append(MemberPick(elsewhere))
    assert len(members.add_members(batch_id, picks).member_ids) == 4

    departed = service.change_status(batch_id, "departed", date(2025, 3, 18), today=TODAY)
    assert departed.report.worker_ids == (on_duty,)
    assert workers.details(on_duty)["employment_mode"] == "organised_export"
    assert workers.details(roster)["employment_status"] == "unemployed"

    arrived = service.change_status(batch_id, "已到岗", date(2025, 3, 19), today=TODAY)
    assert set(arrived.report.worker_ids) == {roster, from_hired, elsewhere}
    assert arrived.report.match_ids == (hired_match,)
    placed = workers.details(roster)
    assert (placed["employment_status"], placed["employment_mode"], placed["employer"]) == (
        "employed", "organised_export", "江苏苏州精密电子有限公司",
    )  # fmt: skip
    assert (placed["place_tier"], placed["job_start"], placed["work_place"]) == (
        "out_of_province", date(2025, 3, 19), "江苏苏州",
    )  # fmt: skip
    matched = MatchWorkflowService(store).details(hired_match)
    assert matched["status"] == "on_duty"
    assert matched["history"][-1] == {
        "status": "on_duty",
        "date": "2025-03-19",
        "note": "随劳务输出批次到岗",
    }
    hired_worker = workers.details(from_hired)
    assert hired_worker["employment_mode"] == "organised_export"
    assert hired_worker["job_start"] == date(2025, 3, 19)
    assert workers.details(elsewhere)["employer"] == "江苏苏州精密电子有限公司"
    kinds = {c.kind for c in arrived.changes}
    assert kinds == {"batch", "worker", "match"}
    assert job_id  # the on-duty match stays as it was
    assert MatchWorkflowService(store).details(duty_match)["status"] == "on_duty"

    with pytest.raises(InvalidBatch, match="不能再修改"):
        members.add_members(batch_id, [MemberPick(add_worker(store, 5))])
    finished = service.change_status(batch_id, "结束", today=TODAY)
    assert finished.report.worker_ids == ()
    with pytest.raises(InvalidBatch, match="只能修改备注"):
        service.edit_batch(batch_id, {"employer": "别的公司"})
    service.edit_batch(batch_id, {"notes": "已返乡", "employer": "江苏苏州精密电子有限公司"})
    assert service.batch(batch_id)["notes"] == "已返乡"


def test_a_match_dated_after_arrival_is_left_and_reported(store: Store) -> None:
    service = DispatchService(store)
    batch_id = add_batch(store, departure_date="2025-03-01")
    worker = add_worker(store, 1)
    _, match_id = add_job_and_match(store, worker)  # 录用 on 2025-03-05
    DispatchMemberService(store).add_members(batch_id, [MemberPick(worker, match_id)])
    service.change_status(batch_id, "已出发", date(2025, 3, 1), today=TODAY)
    arrived = service.change_status(batch_id, "已到岗", date(2025, 3, 2), today=TODAY)
    assert arrived.report.match_ids == ()
    assert "匹配未改为已上岗" in arrived.report.skipped[0]
    assert WorkerService(store).details(worker)["employment_status"] == "employed"


def test_every_write_is_one_transaction(store: Store) -> None:
    """A refused status change writes nothing: no status, no worker, no outbox entry."""
    batch_id = add_batch(store)
    with store.read() as session:
        before = session.scalar(select(func.count()).select_from(OutboxEntry))
    with pytest.raises(FieldError):
        DispatchService(store).change_status(batch_id, "已出发", today=TODAY)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == before
    assert DispatchService(store).batch(batch_id)["status"] == "preparing"
