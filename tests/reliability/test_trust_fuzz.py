"""Pushes generated from the per-kind schemas (``sync.record_fields``), as a hostile or
buggy village station would send them with its own real credential: wrong types,
huge and deeply nested values, Unicode digits, 64-bit overflows, malformed stamps and
every reference field pointed at another village's record or at a record of another
kind. Run against the real server process on SQLite and PostgreSQL:

- no answer is a 5xx, and every item carrying a hostile value is rejected;
- nothing the server stores breaks the schema, and no stamp breaks the grammar;
- afterwards a township station pulls everything and syncs twice with exit 0.

``-s`` prints the tally per attack class (RELIABILITY.md has a table of it).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broker_app.cli.main import main as cli_main
from broker_app.services.sync.config import load_config
from broker_app.store.models import DispatchBatch, Inspection, Project
from broker_app.store.store import Store
from sync import record_fields as rf
from sync.hlc import Stamp, is_stamp
from sync.ids import uuid7
from sync.protocol import PUSH
from sync.server.db import ServerDB
from sync.server.models import Record
from sync.server.record_check import problem_with
from sync.server.scope import Scope
from tests.reliability.conftest import VERSIONS
from tests.sync.conftest import FAR_VILLAGE, TOWNSHIP, VILLAGE_1, VILLAGE_2, station_factory
from tests.sync.records import add_follow_up, add_match, publish_job, register_worker
from tests.sync.server_process import RunningServer, database_url, run_server

FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
FOREIGN_NAME = "钱二"


@dataclass
class Target:
    server: RunningServer
    headers: dict[str, str]
    node: str
    #: Records of village 1 (the pushing station) and of village 2, by kind.
    own: dict[str, list[str]]
    foreign: dict[str, list[str]]
    township_dir: str
    tally: Counter[tuple[str, str]]


def _create(store: Store, cls: type[Any], fields: dict[str, Any]) -> str:
    with store.write() as session:
        return str(store.writer(session).create(cls, fields).id)


def _records_of(store: Store, org: str, worker_name: str) -> dict[str, list[str]]:
    worker = register_worker(store, org, worker_name)
    job = publish_job(store, org, "村里的岗位")
    batch = _create(
        store,
        DispatchBatch,
        {
            "org_code": org,
            "name": "批次",
            "employer": "某厂",
            "place_tier": "in_county",
            "status": "preparing",
        },
    )
    project = _create(store, Project, {"org_code": org, "name": "工程"})
    match = add_match(store, worker, job, org)
    follow_up = add_follow_up(store, worker, org, "走访")
    inspection = _create(
        store, Inspection, {"org_code": org, "project_id": project, "inspected_on": date.today()}
    )
    return {
        "worker": [worker],
        "job": [job],
        "batch": [batch],
        "project": [project],
        "match": [match],
        "follow_up": [follow_up],
        "inspection": [inspection],
    }


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    folder = tmp_path_factory.mktemp("trust-server")
    with database_url(request.param, folder) as url, run_server(url, folder) as server:
        stations_dir = tmp_path_factory.mktemp("trust-stations")
        factory = station_factory(server, stations_dir)
        make = next(factory)
        v1, v2 = make("v1", VILLAGE_1), make("v2", VILLAGE_2)
        town = make("town", TOWNSHIP)
        own = _records_of(v1.store, VILLAGE_1, "赵一")
        foreign = _records_of(v2.store, VILLAGE_2, FOREIGN_NAME)
        v1.sync()
        v2.sync()
        config = load_config(v1.store)
        assert config is not None
        headers = {**VERSIONS, "Authorization": f"Bearer {config.credential}"}
        yield Target(server, headers, v1.store.node_id, own, foreign, str(town.data_dir), Counter())
        next(factory, None)


# -- values --------------------------------------------------------------------------
def _nested(depth: int) -> Any:
    value: Any = "底"
    for _ in range(depth):
        value = [value]
    return value


DEEP = _nested(300)
FULL_WIDTH_DATE = "２０２６-１１-０１"
ARABIC_DATE = "٢٠٢٦-٠١-٠١"


def _valid(spec: rf.FieldSpec, target: Target) -> st.SearchStrategy[Any]:
    none = st.just(None) if spec.nullable else st.nothing()
    if spec.kind == rf.TEXT and spec.codes is not None:
        return st.sampled_from(sorted(spec.codes)) | none
    if spec.kind == rf.TEXT:
        return st.text(max_size=min(spec.max_len, 12)) | none
    if spec.kind == rf.INT:
        return st.integers(rf.INT_MIN, rf.INT_MAX) | none
    if spec.kind == rf.FLOAT:
        return st.floats(-1e6, 1e6, allow_nan=False) | none
    if spec.kind == rf.BOOL:
        return st.booleans() | none
    if spec.kind == rf.DATE:
        return st.dates(date(1900, 1, 1), date(2100, 1, 1)).map(date.isoformat) | none
    if spec.kind == rf.ORG:
        return st.just(VILLAGE_1)
    if spec.kind == rf.REF:
        assert spec.ref is not None
        return st.sampled_from(target.own.get(spec.ref, [uuid7()])) | none
    if spec.objects:
        entry = st.fixed_dictionaries(
            {"status": st.sampled_from(["hired", "left"]), "date": st.just("2026-11-01")}
        )
        return st.lists(entry, max_size=3) | none
    return st.lists(st.text(max_size=10), max_size=4) | none


def _hostile(name: str, spec: rf.FieldSpec, target: Target) -> st.SearchStrategy[tuple[str, Any]]:
    """(attack class, value) pairs the server must refuse for a field of ``spec``."""
    wrong = [("wrong type", v) for v in ([1, 2], {"a": 1}, DEEP) if not _fits(spec, v)]
    attacks: list[tuple[str, Any]] = list(wrong)
    attacks.append(("deep nesting", DEEP))
    if spec.kind == rf.TEXT and spec.codes is None:
        attacks.append(("oversized text", "长" * (spec.max_len + 1)))
        attacks.append(("oversized text", "x" * (256 * 1024)))
    if spec.kind == rf.TEXT and spec.codes is not None:
        attacks += [("unknown code", "robot"), ("unicode digits", "ｍａｌｅ")]
    if spec.kind == rf.INT:
        attacks += [
            ("64-bit overflow", 2**63),
            ("64-bit overflow", -(2**63) - 1),
            ("64-bit overflow", 10**40),
            ("wrong type", True),
            ("unicode digits", "４５００"),
        ]
    if spec.kind == rf.FLOAT:
        attacks += [("non-finite number", float("nan")), ("non-finite number", float("inf"))]
        attacks += [("non-finite number", 1e300), ("wrong type", "80")]
    if spec.kind == rf.BOOL:
        attacks += [("wrong type", 1), ("wrong type", "true")]
    if spec.kind == rf.DATE:
        attacks += [("unicode digits", FULL_WIDTH_DATE), ("unicode digits", ARABIC_DATE)]
        attacks += [("bad date", "2026-02-30"), ("bad date", "20261101"), ("wrong type", 20261101)]
    if spec.kind == rf.ORG:
        attacks += [("unicode digits", "３７０８８３１０７２００")]
        if name == "org_code":
            attacks += [("record in another village", VILLAGE_2)]
            attacks += [("record in another village", FAR_VILLAGE)]
    if spec.kind == rf.REF:
        assert spec.ref is not None
        attacks += [("wrong type", [target.own["worker"][0]])]
        attacks += [("reference out of scope", rid) for rid in target.foreign.get(spec.ref, [])]
        other = "batch" if spec.ref != "batch" else "worker"
        attacks += [("reference of another kind", target.own[other][0])]
    if spec.kind == rf.LIST:
        attacks += [("oversized list", ["x"] * (rf.LIST_ITEMS + 1))]
        attacks += [("oversized text", ["长" * (spec.max_len + 1)])]
        attacks += [("wrong type", [1, 2] if not spec.objects else ["x"])]
    return st.sampled_from(attacks)


def _fits(spec: rf.FieldSpec, value: Any) -> bool:
    return problem_with("worker", {"skills": value}) is None if spec.kind == rf.LIST else False


UNKNOWN_ATTACKS: list[tuple[str, Any]] = [
    ("unknown field deep", _nested(50)),
    ("unknown field large", "x" * 10_000),
    ("64-bit overflow", {"n": 2**70}),
]
STAMP_ATTACKS = [
    "0x{:010x}0000@{node}",
    "{full}0000@{node}",
    "{hex}_000@{node}",
    "+{hex}000@{node}",
    " {hex}000@{node}",
    "{upper}0000@{node}",
    "{hex}0000@server",
    "{hex}0000@{node}\n",
]


@st.composite
def pushes(draw: st.DrawFn, target: Target) -> tuple[dict[str, Any], str | None]:
    """One mutation and its attack class (None: every value is valid)."""
    kind = draw(st.sampled_from(sorted(rf.FIELDS)))
    specs = rf.FIELDS[kind]
    creating = kind not in target.own or draw(st.booleans())
    names = draw(st.lists(st.sampled_from(sorted(specs)), max_size=4, unique=True))
    fields = {name: draw(_valid(specs[name], target)) for name in names}
    fields.pop("org_code", None)
    if creating:
        fields["org_code"] = VILLAGE_1
    attack: str | None = None
    choice = draw(st.sampled_from(range(15)))  # 12-14: every value valid
    if choice < 6:
        name = draw(st.sampled_from(sorted(specs)))
        attack, fields[name] = draw(_hostile(name, specs[name], target))
    elif choice == 6:
        attack, fields["future_field"] = draw(st.sampled_from(UNKNOWN_ATTACKS))
    elif choice == 7:
        attack = "too many unknown fields"
        fields.update({f"extra_{i}": i for i in range(rf.MAX_UNKNOWN_FIELDS + 1)})
    millis = time.time_ns() // 1_000_000
    stamp = Stamp(millis, draw(st.integers(0, 0xFFFF)), target.node).encode()
    if choice == 8:
        attack = "malformed stamp"
        hex_ms = f"{millis:012x}"
        stamp = draw(st.sampled_from(STAMP_ATTACKS)).format(
            millis,
            node=target.node,
            hex=hex_ms,
            upper=hex_ms.upper() if hex_ms.upper() != hex_ms else "F" + hex_ms[1:],
            full="".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in hex_ms),
        )
    record_id = uuid7() if creating else draw(st.sampled_from(target.own[kind]))
    refs = rf.references(kind)
    if choice in (10, 11) and refs:
        # Every reference kind pointed out of scope (or at a record of another kind).
        name = draw(st.sampled_from(sorted(refs)))
        if choice == 10:
            attack = "reference out of scope"
            fields[name] = draw(st.sampled_from(target.foreign[refs[name]]))
        else:
            attack = "reference of another kind"
            fields[name] = target.own["batch" if refs[name] != "batch" else "worker"][0]
    if choice == 9 and kind in target.foreign:
        attack = "write to another village's record"
        record_id = draw(st.sampled_from(target.foreign[kind]))
        creating = False
    mutation = {
        "mutation_id": uuid7(),
        "record_type": kind,
        "record_id": record_id,
        "op": "create" if creating else "update",
        "fields": fields,
        "hlc": stamp,
    }
    return mutation, attack


def test_schema_generated_pushes_are_refused_stored_sound_and_pulled(target: Target) -> None:
    url = target.server.url + PUSH

    @FUZZ
    @given(batch=st.lists(pushes(target), min_size=1, max_size=6))
    def push(batch: list[tuple[dict[str, Any], str | None]]) -> None:
        body = json.dumps({"mutations": [m for m, _ in batch]}, ensure_ascii=False).encode()
        sent = {**target.headers, "Content-Type": "application/json"}
        answer = requests.post(url, data=body, headers=sent, timeout=60)
        assert answer.status_code < 500, answer.text[:300]
        target.tally[("answers", str(answer.status_code))] += 1
        if answer.status_code != 200:
            for _, attack in batch:
                if attack:
                    target.tally[(attack, "tried")] += 1
                    target.tally[(attack, "refused")] += 1
            return
        # (Refusals naming the other village's code are item 6 of the issue, not this.)
        assert FOREIGN_NAME not in answer.text
        results = answer.json()["results"]
        for (mutation, attack), result in zip(batch, results, strict=True):
            if attack is None:
                target.tally[("valid", result["status"])] += 1
                continue
            target.tally[(attack, "tried")] += 1
            if result["status"] == "rejected":
                target.tally[(attack, "refused")] += 1
            else:
                target.tally[(attack, "leaked")] += 1
                raise AssertionError(f"{attack} was {result['status']}: {mutation}"[:600])

    push()
    broken = _stored_problems(target.server.db_url)
    target.tally[("stored records checked", "corrupted")] += len(broken)
    assert broken == []
    for _round in range(2):
        assert cli_main(["--data-dir", target.township_dir, "sync"]) == 0
    print("VALID", dict((k[1], v) for k, v in target.tally.items() if k[0] == "valid"))
    attacks = sorted({a for a, _ in target.tally} - {"valid", "answers"})
    for attack in attacks:
        counts = [target.tally[(attack, c)] for c in ("tried", "refused", "leaked", "corrupted")]
        print("TALLY", attack, *counts, sep="\t")


def _stored_problems(db_url: str) -> list[str]:
    """Every stored record against the schema, its stamps against the grammar and its
    references against the scope of the village that holds it."""
    db = ServerDB(db_url)
    problems: list[str] = []
    try:
        with db.read() as session:
            rows = {r.id: r for r in session.query(Record).all()}
            for row in rows.values():
                fields, versions = json.loads(row.fields), json.loads(row.versions)
                why = problem_with(row.record_type, fields)
                if why is not None:
                    problems.append(f"{row.record_type} {row.id}: {why[1]}")
                problems += [f"{row.id}: stamp {s!r}" for s in versions.values() if not is_stamp(s)]
                for name, kind in rf.references(row.record_type).items():
                    parent = rows.get(fields.get(name) or "")
                    if parent is None:
                        continue
                    if parent.record_type != kind or not Scope(row.org_code).can_read(
                        kind, parent.org_code
                    ):
                        problems.append(f"{row.id}: {name} -> {parent.id} out of scope")
    finally:
        db.dispose()
    return problems


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_json_nested_beyond_any_parser_is_a_4xx_or_a_rejection(target: Target, depth: int) -> None:
    """Nesting far past the recursion limit, written as raw text (no encoder would)."""
    stamp = Stamp(time.time_ns() // 1_000_000, 0, target.node).encode()
    head = json.dumps(
        {
            "mutation_id": uuid7(),
            "record_type": "worker",
            "record_id": target.own["worker"][0],
            "op": "update",
            "hlc": stamp,
        }
    )[:-1]
    body = f'{{"mutations":[{head},"fields":{{"skills":{"[" * depth}1{"]" * depth}}}}}]}}'
    sent = {**target.headers, "Content-Type": "application/json"}
    answer = requests.post(target.server.url + PUSH, data=body.encode(), headers=sent, timeout=60)
    assert answer.status_code < 500, answer.text[:300]
    if answer.status_code == 200:
        assert answer.json()["results"][0]["status"] == "rejected"
    assert _stored_problems(target.server.db_url) == []
