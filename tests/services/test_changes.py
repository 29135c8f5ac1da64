"""The change events views receive: one kind per synced record, and ``touches``."""

from __future__ import annotations

from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models import RECORD_TYPES
from broker_app.store.store import Store
from sync.schema import RECORD_TYPES as WIRE_TYPES
from tests.conftest import worker_input


def test_every_synced_record_kind_is_a_record_kind() -> None:
    # A kind a pull writes but no view could name would never refresh anything.
    assert {RecordKind(name) for name in RECORD_TYPES} == set(RecordKind) - {RecordKind.STATION}
    assert set(WIRE_TYPES) == set(RECORD_TYPES)


def test_touches_names_the_kinds_a_view_watches() -> None:
    change = Change(RecordKind.MATCH, Op.UPDATE, ("m1",), frozenset({"status"}))
    assert change.touches(RecordKind.MATCH)
    assert change.touches(RecordKind.JOB, RecordKind.MATCH)
    assert not change.touches(RecordKind.JOB, RecordKind.WORKER)
    assert not change.touches()


def test_a_service_write_returns_a_typed_change(store: Store) -> None:
    change = WorkerService(store).register(worker_input())
    assert change.kind is RecordKind.WORKER
    assert change.op is Op.CREATE
    assert change.touches(RecordKind.WORKER)
