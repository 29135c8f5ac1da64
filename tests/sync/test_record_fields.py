"""The server's per-kind schema and the desktop's models cannot drift: every synced
column is checked against ``sync.record_fields`` here, so a column added, re-typed,
lengthened or made nullable on one side only fails the build."""

from __future__ import annotations

import pytest
from sqlalchemy import Boolean, Date, Float, Integer, String, Text

from broker_app.store.base import JsonList, table_of
from broker_app.store.models import RECORD_TYPES
from sync import record_fields as rf
from sync.schema import RECORD_TYPES as WIRE_KINDS
from sync.server.record_check import problem_with


def test_every_synced_kind_has_a_schema() -> None:
    assert set(rf.FIELDS) == set(RECORD_TYPES) == set(WIRE_KINDS)


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_the_schema_matches_the_desktop_columns(kind: str) -> None:
    cls = RECORD_TYPES[kind]
    specs = rf.FIELDS[kind]
    assert list(specs) == list(cls.sync_fields)
    table = table_of(cls)
    parents = {
        fk.parent.name: parent.record_type
        for fk in table.foreign_keys
        for parent in RECORD_TYPES.values()
        if table_of(parent).name == fk.column.table.name
    }
    for name, spec in specs.items():
        column = table.c[name]
        where = f"{kind}.{name}"
        # Null on the wire is fine where the column takes null or has a default.
        assert spec.nullable == (column.nullable or column.default is not None), where
        assert spec.required == (not spec.nullable), where
        kind_of = column.type
        if name in parents:
            assert (spec.kind, spec.ref) == (rf.REF, parents[name]), where
        elif spec.kind == rf.REF:
            assert isinstance(kind_of, String) and kind_of.length == rf.ID_LENGTH, where
            assert spec.ref in RECORD_TYPES, where
        elif spec.kind == rf.ORG:
            assert isinstance(kind_of, String) and kind_of.length == 12, where
        elif isinstance(kind_of, Text):
            assert spec.kind == rf.TEXT and spec.codes is None and spec.max_len > 0, where
        elif isinstance(kind_of, String):
            assert spec.kind == rf.TEXT, where
            assert kind_of.length is not None
            if spec.codes is not None:
                assert max(map(len, spec.codes)) <= kind_of.length, where
            else:
                assert spec.max_len == kind_of.length, where
        elif isinstance(kind_of, Boolean):
            assert spec.kind == rf.BOOL, where
        elif isinstance(kind_of, Float):
            assert spec.kind == rf.FLOAT, where
        elif isinstance(kind_of, Integer):
            assert spec.kind == rf.INT, where
        elif isinstance(kind_of, Date):
            assert spec.kind == rf.DATE, where
        elif isinstance(kind_of, JsonList):
            assert spec.kind == rf.LIST, where
        else:
            raise AssertionError(f"{where}: column type {kind_of!r} has no schema kind")


def test_a_record_the_desktop_writes_passes_and_hostile_values_do_not() -> None:
    worker = {
        "org_code": "370883104201",
        "name": "孟庆云",
        "id_number": "37088319850315001X",
        "gender": "male",
        "birth_date": "1985-03-15",
        "skills": ["电工", "焊工"],
        "monthly_income": 4500,
        "employment_status": "employed",
        "place_tier": "in_county",
        "education": None,
        "future_field": {"a": [1, 2]},
    }
    assert problem_with("worker", worker) is None
    hostile = {
        "monthly_income": 2**64,
        "skills": [[[["deep"]]]],
        "birth_date": "１９８５-03-15",
        "gender": "robot",
        "notes": "x" * (rf.LONG_TEXT + 1),
        "archived": 1,
        "name": ["孟"],
        "future_field": [[[[[1]]]]],
    }
    for name, value in hostile.items():
        assert problem_with("worker", {**worker, name: value}) is not None, name
    assert problem_with("match", {"worker_id": ["w-1"]}) is not None
    assert problem_with("match", {"score": float("nan")}) is not None
    assert problem_with("match", {"history": [{"status": "hired", "date": "2026-11-01"}]}) is None
