"""Every local write leaves its mutation in the outbox, in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from broker_app.services.roster.workers import DuplicateWorker, InvalidWorker, WorkerService
from broker_app.store.models import OutboxEntry, Worker
from broker_app.store.store import Store
from broker_app.store.writer import field_stamp
from sync.hlc import Stamp
from tests.conftest import valid_id, worker_input


def outbox(store: Store) -> list[OutboxEntry]:
    with store.read() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def test_register_writes_record_stamps_and_outbox(store: Store) -> None:
    change = WorkerService(store).register(worker_input())
    worker_id = change.record_ids[0]
    entries = outbox(store)
    assert [(e.record_type, e.record_id, e.op) for e in entries] == [
        ("worker", worker_id, "create")
    ]
    entry = entries[0]
    assert entry.fields["name"] == "张三丰"
    assert entry.fields["birth_date"] == "1980-01-01"
    assert entry.fields["skills"] == ["焊工", "电工"]
    with store.read() as session:
        worker = session.scalars(select(Worker)).one()
        # Every synced field carries the stamp of the write that set it.
        assert {field_stamp(worker.versions, f) for f in Worker.sync_fields} == {entry.hlc}
        assert Stamp.decode(entry.hlc).node == store.node_id


def test_edit_sends_only_changed_fields_with_newer_stamp(store: Store) -> None:
    service = WorkerService(store)
    worker_id = service.register(worker_input()).record_ids[0]
    change = service.edit(worker_id, {"phone": "139 0000 1111", "name": "张三丰"})
    assert change.fields == {"phone"}
    create, update = outbox(store)
    assert update.op == "update" and update.fields == {"phone": "13900001111"}
    assert update.hlc > create.hlc
    with store.read() as session:
        versions = session.scalars(select(Worker)).one().versions
    assert field_stamp(versions, "phone") == update.hlc
    assert field_stamp(versions, "name") == create.hlc


def test_edit_without_real_change_writes_nothing(store: Store) -> None:
    service = WorkerService(store)
    worker_id = service.register(worker_input()).record_ids[0]
    assert service.edit(worker_id, {"phone": "13812345678"}).fields == frozenset()
    assert len(outbox(store)) == 1


def test_invalid_input_writes_nothing(store: Store) -> None:
    bad = worker_input(id_number=valid_id()[:-1] + ("0" if valid_id()[-1] != "0" else "1"))
    with pytest.raises(InvalidWorker) as info:
        WorkerService(store).register(bad)
    assert info.value.errors[0].field == "id_number"
    assert "校验码" in info.value.errors[0].message
    assert outbox(store) == []


def test_duplicate_id_number_is_refused_with_link_to_existing(store: Store) -> None:
    service = WorkerService(store)
    first = service.register(worker_input()).record_ids[0]
    with pytest.raises(DuplicateWorker) as info:
        service.register(worker_input(name="张三", id_number=valid_id().lower()))
    assert info.value.existing_id == first
    assert "张三丰" in info.value.message
    assert len(outbox(store)) == 1


def test_failed_transaction_leaves_neither_row_nor_outbox(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as session:
        from broker_app.store.repositories import workers as repo

        repo.create(
            store.writer(session),
            {
                "name": "李四", "id_number": valid_id(seq="456"), "gender": "female",
                "birth_date": __import__("datetime").date(1980, 1, 1), "org_code": "370883107200",
                "employment_status": "unemployed", "place_tier": "none",
            },
        )  # fmt: skip
        raise RuntimeError("power cut")
    with store.read() as session:
        assert session.scalars(select(Worker)).all() == []
    assert outbox(store) == []


def test_archive_is_a_mutation_not_a_delete(store: Store) -> None:
    service = WorkerService(store)
    worker_id = service.register(worker_input()).record_ids[0]
    service.archive(worker_id)
    assert outbox(store)[-1].op == "archive"
    assert service.details(worker_id)["archived"] is True
