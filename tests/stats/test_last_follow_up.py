"""The day of each worker's latest live 跟踪服务记录, which the 帮扶预警 list reads,
stays right whichever way follow-ups are written: the record writer, an edit, an
archive, a pulled page from sync, a bulk load, a delete."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import delete, select, update

from broker_app.services.assistance.records import AssistanceService
from broker_app.services.assistance.watch_list import WatchReason, WatchRules, watch_list
from broker_app.services.sync.replica import StoreReplica
from broker_app.store import migrate
from broker_app.store.models.assistance import FollowUp, WorkerLastFollowUp
from broker_app.store.models.worker import Worker
from broker_app.store.store import Store, open_store
from sync.hlc import Stamp
from sync.ids import uuid7
from sync.protocol import PulledRecord
from tests.stats.builders import A1, TODAY, add_worker, township


def last_days(store: Store) -> dict[str, date]:
    """The table's days; the worker rows' copy of them (migration 0015) says the same."""
    with store.read() as session:
        rows = session.execute(select(WorkerLastFollowUp.worker_id, WorkerLastFollowUp.day))
        days = {worker_id: day for worker_id, day in rows}
        workers = {w: day for w, day in session.execute(select(Worker.id, Worker.last_follow_up))}
    assert {w: day for w, day in workers.items() if day is not None} == {
        w: day for w, day in days.items() if w in workers
    }
    return days


def recounted(store: Store) -> dict[str, date]:
    """The same figure counted from the follow-ups themselves."""
    out: dict[str, date] = {}
    with store.read() as session:
        for worker_id, day in session.execute(
            select(FollowUp.worker_id, FollowUp.date).where(FollowUp.archived.is_(False))
        ):
            out[worker_id] = max(day, out.get(worker_id, day))
    return out


def test_kept_by_the_writer_edits_and_archives(store: Store, ids: dict[str, str]) -> None:
    assist = AssistanceService(store)
    assert last_days(store) == recounted(store)
    assert last_days(store)[ids["w1"]] == date(2024, 12, 1)
    assert ids["w3"] not in last_days(store)

    # An older visit does not move the day; a newer one does.
    assist.add_follow_up(ids["w1"], {"date": "2024-11-01", "content": "电话"}, today=TODAY)
    assert last_days(store)[ids["w1"]] == date(2024, 12, 1)
    newest = assist.add_follow_up(
        ids["w1"], {"date": "2025-03-19", "content": "走访"}, today=TODAY
    ).record_ids[0]
    assert last_days(store)[ids["w1"]] == date(2025, 3, 19)

    # The newest one's day corrected back: the day falls back to the next one.
    assist.edit_follow_up(newest, {"date": "2024-12-05", "content": "走访"}, today=TODAY)
    assert last_days(store)[ids["w1"]] == date(2024, 12, 5)

    # Archived: no longer counted; the worker's only one archived: no day at all.
    with store.write() as session:
        writer = store.writer(session)
        for record in session.scalars(select(FollowUp).where(FollowUp.worker_id == ids["w2"])):
            writer.archive(record)
        record = session.scalars(select(FollowUp).where(FollowUp.id == newest)).one()
        writer.archive(record)
    days = last_days(store)
    assert ids["w2"] not in days and days[ids["w1"]] == date(2024, 12, 1)
    assert days == recounted(store)

    # Moved to another worker, then deleted outright.
    with store.write() as session:
        record = session.scalars(select(FollowUp).where(FollowUp.worker_id == ids["w4"])).one()
        record.worker_id = ids["w3"]
    assert ids["w4"] not in last_days(store)
    assert last_days(store)[ids["w3"]] == date(2024, 12, 20)
    with store.write() as session:
        session.execute(delete(FollowUp).where(FollowUp.worker_id == ids["w3"]))
    assert ids["w3"] not in last_days(store)
    assert last_days(store) == recounted(store)


def test_the_watch_list_sees_a_pulled_follow_up(store: Store, ids: dict[str, str]) -> None:
    """A follow-up another station recorded, applied from a pulled page, takes the
    person off the list for a missed follow-up."""
    listed = watch_list(store, WatchRules(), today=TODAY)
    assert WatchReason.NO_FOLLOW_UP in {e.worker_id: e for e in listed.entries}[ids["w3"]].reasons
    stamp = Stamp(10, 0, "remote-node").encode()
    follow: PulledRecord = {
        "type": "follow_up",
        "id": uuid7(),
        "seq": 0,
        "fields": {"org_code": A1, "archived": False, "worker_id": ids["w3"],
                   "date": "2025-03-18", "kind": "visit", "content": "走访"},
        "versions": {"*": stamp},
    }  # fmt: skip
    assert StoreReplica(store).apply_page({"records": [follow], "cursor": 1, "has_more": False})
    assert last_days(store)[ids["w3"]] == date(2025, 3, 18)
    listed = watch_list(store, WatchRules(), today=TODAY)
    assert ids["w3"] not in {e.worker_id for e in listed.entries}


def test_kept_by_a_bulk_load(store: Store, ids: dict[str, str]) -> None:
    worker = add_worker(store, 0)
    rows = [
        {"worker_id": worker, "org_code": A1, "date": day, "kind": "visit", "content": "走访"}
        for day in (date(2025, 1, 2), date(2025, 2, 3), date(2024, 7, 1))
    ]
    with store.write() as session:
        store.writer(session).bulk_create(FollowUp, rows)
    assert last_days(store)[worker] == date(2025, 2, 3)
    assert last_days(store) == recounted(store)


def test_the_triggers_are_there_at_head(store: Store) -> None:
    """A later migration that rebuilds ``follow_up`` drops them; this notices."""
    with store.engine.connect() as conn:
        names = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'follow_up'"
            )
        }
    assert names == {
        "follow_up_latest_insert",
        "follow_up_latest_update",
        "follow_up_latest_delete",
    }


def test_the_worker_rows_copy_triggers_are_there_at_head(store: Store) -> None:
    """The copy onto the worker row (migration 0015); a later migration that rebuilds
    ``worker`` or ``worker_last_follow_up`` drops them."""
    with store.engine.connect() as conn:
        names = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'worker_last_follow_up_%'"
            )
        }
    assert names == {
        "worker_last_follow_up_copy_insert",
        "worker_last_follow_up_copy_update",
        "worker_last_follow_up_copy_delete",
        "worker_last_follow_up_worker_insert",
        "worker_last_follow_up_worker_update",
    }


def test_a_day_written_over_on_the_worker_row_is_put_back(
    store: Store, ids: dict[str, str]
) -> None:
    with store.write() as session:
        session.execute(
            update(Worker).where(Worker.id == ids["w1"]).values(last_follow_up=date(2020, 1, 1))
        )
    assert last_days(store)[ids["w1"]] == date(2024, 12, 1)


def test_the_upgrade_copies_the_days(data_dir: Path) -> None:
    """A station from before the copy (revision 0014) has it after the upgrade."""
    store = open_store(data_dir)
    ids = township(store)
    with store.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")
    store.close()
    upgraded = open_store(data_dir)
    try:
        assert last_days(upgraded)[ids["w1"]] == date(2024, 12, 1)
        assert last_days(upgraded) == recounted(upgraded)
    finally:
        upgraded.close()
