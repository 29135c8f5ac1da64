"""Per-field merge: commutative, associative and idempotent; order of arrival never
changes the result (hypothesis), for the pure rule and through the server's push."""

from __future__ import annotations

import itertools
import random
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.hlc import Stamp
from sync.merge import ALL_FIELDS, compact, expand, merge_record
from sync.server.db import ServerDB
from sync.server.identity import Writer
from sync.server.jsontext import loads
from sync.server.migrate import upgrade
from sync.server.models import Record
from sync.server.push import PushApplier

FIELDS = ("name", "phone", "notes", "archived")
NODES = ("a", "b", "c")


@st.composite
def writes(draw: st.DrawFn) -> list[tuple[str, Any, str]]:
    """Writes (field, value, stamp), every stamp unique, its value decided by it."""
    count = draw(st.integers(1, 12))
    out = []
    seen: set[str] = set()
    for _ in range(count):
        field = draw(st.sampled_from(FIELDS))
        stamp = Stamp(
            draw(st.integers(1, 50)), draw(st.integers(0, 3)), draw(st.sampled_from(NODES))
        ).encode()
        if stamp in seen:
            continue
        seen.add(stamp)
        out.append((field, f"{field}@{stamp}", stamp))
    return out


def state_of(ws: list[tuple[str, Any, str]]) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {}
    versions: dict[str, str] = {}
    for field, value, stamp in ws:
        merged = merge_record(values, versions, {field: value}, {ALL_FIELDS: stamp})
        values, versions = merged.values, merged.versions
    return values, versions


def normal(values: dict[str, Any], versions: dict[str, str]) -> tuple[Any, Any]:
    return values, expand(versions, values)


@given(writes(), st.randoms(use_true_random=False))
def test_any_order_of_writes_gives_one_state(ws: list[Any], rnd: random.Random) -> None:
    shuffled = list(ws)
    rnd.shuffle(shuffled)
    assert normal(*state_of(ws)) == normal(*state_of(shuffled))


@given(writes(), writes())
def test_merge_of_states_is_commutative(a: list[Any], b: list[Any]) -> None:
    sa, sb = state_of(a), state_of(b)
    ab = merge_record(*sa, *sb)
    ba = merge_record(*sb, *sa)
    assert normal(ab.values, ab.versions) == normal(ba.values, ba.versions)
    # Merging two states equals replaying every write.
    assert normal(ab.values, ab.versions) == normal(*state_of(a + b))


@given(writes(), writes(), writes())
def test_merge_is_associative(a: list[Any], b: list[Any], c: list[Any]) -> None:
    sa, sb, sc = state_of(a), state_of(b), state_of(c)
    ab = merge_record(*sa, *sb)
    ab_c = merge_record(ab.values, ab.versions, *sc)
    bc = merge_record(*sb, *sc)
    a_bc = merge_record(*sa, bc.values, bc.versions)
    assert normal(ab_c.values, ab_c.versions) == normal(a_bc.values, a_bc.versions)


@given(writes(), writes())
def test_merge_is_idempotent(a: list[Any], b: list[Any]) -> None:
    sa, sb = state_of(a), state_of(b)
    once = merge_record(*sa, *sb)
    twice = merge_record(once.values, once.versions, *sb)
    assert not twice.changed
    assert normal(twice.values, twice.versions) == normal(once.values, once.versions)
    self_merge = merge_record(*sa, *sa)
    assert not self_merge.changed


@given(st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(["s1", "s2", "s3"]), min_size=1))
def test_compact_versions_round_trip(stamps: dict[str, str]) -> None:
    assert expand(compact(stamps), stamps) == stamps


def test_newer_stamp_wins_and_loser_is_reported() -> None:
    old, new = Stamp(1, 0, "a").encode(), Stamp(2, 0, "b").encode()
    merged = merge_record({"phone": "1"}, {ALL_FIELDS: new}, {"phone": "2"}, {ALL_FIELDS: old})
    assert merged.values == {"phone": "1"} and merged.lost == ("phone",)
    # Same time and counter: the station id decides, the same way everywhere.
    a, b = Stamp(5, 0, "a").encode(), Stamp(5, 0, "b").encode()
    merged = merge_record({"x": "A"}, {ALL_FIELDS: a}, {"x": "B"}, {ALL_FIELDS: b})
    assert merged.values == {"x": "B"}


# -- the server's push applies the same set of mutations to one state in any order ------
def _mutation(n: int, field: str, value: Any, stamp: str) -> dict[str, Any]:
    return {
        "mutation_id": f"m-{n}",
        "record_type": "worker",
        "record_id": "w-1",
        "op": "update",
        "fields": {field: value},
        "hlc": stamp,
    }


@pytest.fixture(scope="module")
def migrated_server_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty server database at the newest migration: each order below starts from
    a copy (migrating 75 new databases took longer than the pushes)."""
    path = tmp_path_factory.mktemp("merge-template") / "s.sqlite3"
    db = ServerDB(f"sqlite:///{path}")
    upgrade(db)
    db.dispose()  # the last connection folds the write-ahead log into the file
    return path


@settings(max_examples=25, deadline=None)
@given(writes(), st.randoms(use_true_random=False))
def test_server_push_order_does_not_matter(
    tmp_path_factory: Any, migrated_server_db: Path, ws: list[Any], rnd: random.Random
) -> None:
    create = {
        "mutation_id": "m-create",
        "record_type": "worker",
        "record_id": "w-1",
        "op": "create",
        "fields": {"org_code": "370883107200", "name": "张三", "phone": "", "notes": ""},
        "hlc": Stamp(0, 0, "a").encode(),
    }
    updates = [_mutation(i, f, v, s) for i, (f, v, s) in enumerate(ws)]
    results = []
    for order in (updates, list(reversed(updates)), rnd.sample(updates, len(updates))):
        folder: Path = tmp_path_factory.mktemp("merge")
        shutil.copyfile(migrated_server_db, folder / "s.sqlite3")
        db = ServerDB(f"sqlite:///{folder / 's.sqlite3'}")
        server = Writer.server()
        for batch in itertools.chain([[create]], [[m] for m in order]):
            with db.write() as session:
                PushApplier(session, server, datetime(2026, 1, 1), 10**9).apply_batch(batch)
        with db.read() as session:
            row = session.get(Record, "w-1")
            assert row is not None
            values, versions = loads(row.fields), loads(row.versions)
            results.append(normal(values, versions))
        db.dispose()
    assert results[0] == results[1] == results[2]
