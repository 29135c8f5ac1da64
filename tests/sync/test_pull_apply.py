"""Applying pulled pages on a station: per-field merge against local edits, parents
first, parked children, no outbox entries, search keys, cursor in the same transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.replica import StoreReplica
from broker_app.store.models import FollowUp, Match, Worker
from broker_app.store.models.local import OutboxEntry
from broker_app.store.repositories import sync_state
from broker_app.store.store import Store
from sync.hlc import Stamp
from sync.ids import uuid7
from sync.protocol import PulledRecord, PullPage
from tests.conftest import VILLAGE, valid_id, worker_input

REMOTE = "remote-node"


def stamp(millis: int, node: str = REMOTE) -> str:
    return Stamp(millis, 0, node).encode()


def worker_fields(name: str, number: str, **extra: Any) -> dict[str, Any]:
    fields = {
        "org_code": VILLAGE,
        "archived": False,
        "name": name,
        "id_number": number,
        "gender": "male",
        "birth_date": "1980-01-01",
        "phone": "13800000000",
        "employment_status": "unemployed",
        "place_tier": "none",
        "skills": ["电工"],
    }
    fields.update(extra)
    return fields


def record(
    kind: str, record_id: str, fields: dict[str, Any], versions: dict[str, str]
) -> PulledRecord:
    return {"type": kind, "id": record_id, "seq": 0, "fields": fields, "versions": versions}


def page(records: list[PulledRecord], cursor: int) -> PullPage:
    return {"records": records, "cursor": cursor, "has_more": False}


def outbox_count(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def test_pulled_records_are_written_without_outbox_and_are_searchable(store: Store) -> None:
    replica = StoreReplica(store)
    worker_id = uuid7()
    tally = replica.apply_page(
        page(
            [record("worker", worker_id, worker_fields("欧阳修", valid_id()), {"*": stamp(10)})], 7
        )
    )
    assert tally.written == 1 and replica.cursor() == 7
    assert outbox_count(store) == 0
    keys = WorkerService(store).search_keys(RosterFilter(text="oyx"), RosterSort())
    assert len(keys) == 1
    with store.read() as session:
        worker = session.scalar(select(Worker).where(Worker.id == worker_id))
        assert worker is not None and worker.name_sort and worker.birth_date == date(1980, 1, 1)
    # Renamed remotely: the tokens follow.
    replica.apply_page(
        page(
            [record("worker", worker_id, {"name": "司马光"}, {"*": stamp(10), "name": stamp(20)})],
            8,
        )
    )
    assert WorkerService(store).search_keys(RosterFilter(text="欧阳"), RosterSort()) == []
    assert len(WorkerService(store).search_keys(RosterFilter(text="司马"), RosterSort())) == 1


def test_pulled_priority_and_archive_changes_reach_a_text_search_at_once(store: Store) -> None:
    """A text search with a priority group is answered from the search keys' flags:
    a pulled worker carries its flags, and a pulled change of them moves it."""
    replica = StoreReplica(store)
    service = WorkerService(store)
    first, second = uuid7(), uuid7()
    fields = worker_fields("欧阳修", valid_id(), poverty_alleviated=True)
    other = worker_fields("欧阳询", valid_id("19810101", "222"))
    replica.apply_page(
        page(
            [
                record("worker", first, fields, {"*": stamp(10)}),
                record("worker", second, other, {"*": stamp(10)}),
            ],
            3,
        )
    )
    poor = RosterFilter(text="欧阳", priority=PriorityGroup.POVERTY_ALLEVIATED)
    poor_pinyin = RosterFilter(text="oy", priority=PriorityGroup.POVERTY_ALLEVIATED)
    for flt in (poor, poor_pinyin):
        assert [row.name for row in service.page(flt, RosterSort(), 0, 50)] == ["欧阳修"]
        assert service.count(flt) == 1
    replica.apply_page(
        page(
            [
                record("worker", first, {"poverty_alleviated": False}, {"poverty_alleviated": stamp(20)}),
                record("worker", second, {"poverty_alleviated": True}, {"poverty_alleviated": stamp(20)}),
            ],
            4,
        )
    )  # fmt: skip
    for flt in (poor, poor_pinyin):
        assert [row.name for row in service.page(flt, RosterSort(), 0, 50)] == ["欧阳询"]
        assert service.count(flt) == 1
    replica.apply_page(
        page([record("worker", second, {"archived": True}, {"archived": stamp(30)})], 5)
    )
    for flt in (poor, poor_pinyin):
        assert service.page(flt, RosterSort(), 0, 50) == [] and service.count(flt) == 0
    assert service.count(RosterFilter(text="欧阳")) == 1


def test_unsent_local_edit_survives_an_older_remote_value(store: Store) -> None:
    service = WorkerService(store)
    worker_id = service.register(worker_input()).record_ids[0]
    service.edit(worker_id, {"phone": "13911112222"})
    with store.read() as session:
        versions = session.scalar(select(Worker.versions).where(Worker.id == worker_id))
    assert versions is not None
    created = versions["*"]
    # Another station changed the phone and the notes earlier than our edit.
    earlier = Stamp(Stamp.decode(created).millis + 1, 0, REMOTE).encode()
    fields = worker_fields("张三丰", valid_id(), phone="13000000000", notes="镇上备注")
    StoreReplica(store).apply_page(
        page(
            [record("worker", worker_id, fields, {**versions, "phone": earlier, "notes": earlier})],
            3,
        )
    )
    details = service.details(worker_id)
    assert details["phone"] == "13911112222"  # ours is newer: kept
    assert details["notes"] == "镇上备注"  # theirs, a field we did not touch
    with store.read() as session:
        pending = session.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending")).all()
        assert [e.op for e in pending] == ["create", "update"]  # still to be sent


def test_newer_remote_value_wins_but_the_local_edit_is_still_sent(store: Store) -> None:
    service = WorkerService(store)
    worker_id = service.register(worker_input()).record_ids[0]
    service.edit(worker_id, {"phone": "13911112222"})
    with store.read() as session:
        versions = session.scalar(select(Worker.versions).where(Worker.id == worker_id)) or {}
    later = Stamp(Stamp.decode(versions["phone"]).millis + 5000, 0, REMOTE).encode()
    StoreReplica(store).apply_page(
        page([record("worker", worker_id, {"phone": "13722223333"}, {"phone": later})], 4)
    )
    assert service.details(worker_id)["phone"] == "13722223333"
    # The edit goes to the server anyway, which keeps it in the conflict log.
    with store.read() as session:
        assert sync_state.count_in_state(session, "pending") == 2
    # And the next local edit is stamped after what was pulled.
    service.edit(worker_id, {"phone": "13633334444"})
    with store.read() as session:
        last = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq.desc())).first()
        assert last is not None and last.hlc > later and last.base == {"phone": later}


def test_child_before_its_parent_is_parked_then_written(store: Store) -> None:
    replica = StoreReplica(store)
    worker_id, follow_id, job_id, match_id = uuid7(), uuid7(), uuid7(), uuid7()
    follow = record(
        "follow_up",
        follow_id,
        {"org_code": VILLAGE, "archived": False, "worker_id": worker_id, "date": "2026-10-01",
         "kind": "visit", "content": "走访"},
        {"*": stamp(5)},
    )  # fmt: skip
    match = record(
        "match",
        match_id,
        {"org_code": VILLAGE, "archived": False, "worker_id": worker_id, "job_id": job_id,
         "status": "recommended"},
        {"*": stamp(6)},
    )  # fmt: skip
    tally = replica.apply_page(page([follow, match], 2))
    assert tally.written == 0 and tally.parked == 2 and replica.cursor() == 2
    with store.read() as session:
        assert sync_state.parked_count(session) == 2
    # The worker arrives (a later page); the job never does (outside this scope).
    worker = record(
        "worker", worker_id, worker_fields("李白", valid_id(seq="777")), {"*": stamp(7)}
    )
    tally = replica.apply_page(page([worker], 3))
    assert tally.written == 2 and tally.unparked == 1
    with store.read() as session:
        assert session.scalar(select(FollowUp.content).where(FollowUp.id == follow_id)) == "走访"
        assert session.scalar(select(Match.id).where(Match.id == match_id)) is None
        assert sync_state.parked_count(session) == 1


def test_children_and_parents_in_one_page_in_any_order(store: Store) -> None:
    worker_id, follow_id = uuid7(), uuid7()
    follow = record(
        "follow_up",
        follow_id,
        {"org_code": VILLAGE, "archived": False, "worker_id": worker_id, "date": "2026-10-01",
         "kind": "visit"},
        {"*": stamp(5)},
    )  # fmt: skip
    worker = record(
        "worker", worker_id, worker_fields("杜甫", valid_id(seq="778")), {"*": stamp(4)}
    )
    tally = StoreReplica(store).apply_page(page([follow, worker], 9))
    assert tally.written == 2 and tally.parked == 0


def test_cursor_moves_only_with_the_data(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    replica = StoreReplica(store)
    worker = record("worker", uuid7(), worker_fields("王维", valid_id(seq="779")), {"*": stamp(4)})

    def crash(*_args: Any) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(sync_state, "put_cursor", crash)
    with pytest.raises(RuntimeError):
        replica.apply_page(page([worker], 50))
    monkeypatch.undo()
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Worker)) == 0
    assert replica.cursor() == 0


def test_malformed_or_incomplete_records_do_not_break_a_page(store: Store) -> None:
    bad_date = record(
        "worker",
        uuid7(),
        worker_fields("坏日期", valid_id(seq="780"), birth_date="1980-13-45"),
        {"*": stamp(4)},
    )
    no_name = worker_fields("x", valid_id(seq="781"))
    del no_name["name"]
    incomplete = record("worker", uuid7(), no_name, {"*": stamp(4)})
    fine = record("worker", uuid7(), worker_fields("好记录", valid_id(seq="782")), {"*": stamp(4)})
    tally = StoreReplica(store).apply_page(page([bad_date, incomplete, fine], 5))
    assert tally.written == 1 and tally.parked == 2


def test_clock_resumes_above_pulled_stamps_after_a_restart(store: Store) -> None:
    import time

    from broker_app.store.store import open_store

    ahead = Stamp(time.time_ns() // 1_000_000 + 3_600_000, 0, REMOTE).encode()  # 1 h ahead
    worker = record("worker", uuid7(), worker_fields("贺知章", valid_id(seq="783")), {"*": ahead})
    StoreReplica(store).apply_page(page([worker], 1))
    data_dir = store.path.parent
    store.close()
    reopened = open_store(data_dir)
    try:
        assert reopened.clock.now() > ahead
    finally:
        reopened.close()
