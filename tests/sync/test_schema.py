"""The protocol's record catalogue agrees with the desktop models."""

from __future__ import annotations

from broker_app.services.sync.apply import apply_order, parent_links
from broker_app.store.models import RECORD_TYPES
from sync.schema import FLOWS_DOWN, ID_NUMBER, WORKER, WORKER_REF
from sync.schema import RECORD_TYPES as WIRE_TYPES


def test_every_synced_kind_is_known_to_the_protocol() -> None:
    assert set(RECORD_TYPES) == WIRE_TYPES
    assert FLOWS_DOWN <= WIRE_TYPES
    assert ID_NUMBER in RECORD_TYPES[WORKER].sync_fields
    for name, cls in RECORD_TYPES.items():
        for field, parent in parent_links(name).items():
            assert field in cls.sync_fields
            if parent.record_type == WORKER:
                assert field == WORKER_REF


def test_parents_are_applied_before_children() -> None:
    order = apply_order()
    for name in order:
        for parent in parent_links(name).values():
            assert order.index(parent.record_type) < order.index(name)
