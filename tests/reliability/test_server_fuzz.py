"""Bad input on the channel server: requests generated from its own OpenAPI schema,
hostile bodies, and a village station probing another village's workers. The server
app answers in this process (``fuzz_target``: its routes, middleware and database, no
socket); nothing may get a 500, and nothing may cross the scope."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.core.result import Ok

from sync.protocol import CONFLICTS, KEYS, PULL, PUSH, VERIFY_CARD
from sync.server.db import ServerDB
from sync.server.models import Record
from tests.reliability.conftest import VERSIONS, FuzzTarget
from tests.sync.conftest import FAR_VILLAGE, VILLAGE_1, VILLAGE_2

FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def test_schema_generated_requests_never_get_a_500(fuzz_target: FuzzTarget) -> None:
    """Every operation of the served schema, with village 1's credential and with none."""
    url = fuzz_target.server.url
    served = fuzz_target.http.get(url + "/openapi.json", timeout=10)
    assert served.status_code == 200, served.text[:300]
    schema = schemathesis.openapi.from_dict(served.json())
    results = list(schema.get_all_operations())
    # A part of the schema that cannot be turned into requests is a failure too.
    operations = [r.ok() for r in results if isinstance(r, Ok)]
    assert len(operations) == len(results), results
    assert {op.path for op in operations} >= {PUSH, PULL, CONFLICTS, KEYS, VERIFY_CARD}
    for operation in operations:

        @FUZZ
        @given(case=operation.as_strategy())
        def call(case: Any) -> None:
            for headers in (fuzz_target.headers, VERSIONS):
                response = case.call(
                    base_url=url, session=fuzz_target.http, headers=headers, timeout=10
                )
                assert response.status_code < 500, (case.path, response.text[:300])
                assert fuzz_target.foreign_name not in response.text

        call()


def _post(target: FuzzTarget, path: str, data: bytes, **headers: str) -> requests.Response:
    sent = {**target.headers, "Content-Type": "application/json", **headers}
    return target.http.post(target.server.url + path, data=data, headers=sent, timeout=10)


@pytest.mark.parametrize(
    ("body", "encoding", "status"),
    [
        (b"{" * 10, "", 422),
        (b'{"mutations": [', "", 422),
        (b"\xff\xfe not json", "", 400),
        # mtime=0: the same bytes in every process, so xdist workers collect one test id.
        (gzip.compress(b'{"mutations": []}', mtime=0)[:-6], "gzip", 400),
        (b"not gzip at all", "gzip", 400),
        (gzip.compress(b" " * (64 * 1024 * 1024)), "gzip", 413),
        (b'{"mutations": []}', "br", 415),
    ],
)
def test_hostile_bodies_get_4xx(
    fuzz_target: FuzzTarget, body: bytes, encoding: str, status: int
) -> None:
    extra = {"Content-Encoding": encoding} if encoding else {}
    for path in (PUSH, KEYS, VERIFY_CARD):
        answer = _post(fuzz_target, path, body, **extra)
        assert answer.status_code == status, (path, answer.text[:300])


def test_oversized_body_gets_413(fuzz_target: FuzzTarget) -> None:
    body = b'{"mutations": [' + b'"x",' * (20 * 1024 * 1024) + b'"x"]}'
    assert _post(fuzz_target, PUSH, body).status_code == 413


_ORGS = st.sampled_from([VILLAGE_1, VILLAGE_2, FAR_VILLAGE, "370883000000", "", "x" * 40])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@st.composite
def mutations(draw: st.DrawFn, foreign: str) -> dict[str, Any]:
    fields = draw(st.dictionaries(st.sampled_from(["name", "phone", "notes", "x"]), _JSON))
    fields["org_code"] = draw(_ORGS)
    return {
        "mutation_id": draw(st.uuids().map(str) | st.text(max_size=40)),
        "record_type": draw(st.sampled_from(["worker", "job_posting", "match", "followup", "?"])),
        "record_id": draw(st.sampled_from([foreign, "", "x" * 100]) | st.uuids().map(str)),
        "op": draw(st.sampled_from(["create", "update", "archive", "delete"])),
        "fields": fields,
        "hlc": draw(
            st.sampled_from(["", "0" * 16 + "@n", "ffffffffffff0000@n", "019000000000" + "0001@n"])
        ),
        "base": draw(st.dictionaries(st.text(max_size=5), st.text(max_size=20), max_size=2)),
    }


def _foreign_state(target: FuzzTarget) -> tuple[str, str, list[str]]:
    db = ServerDB(target.server.db_url)
    try:
        with db.read() as session:
            record = session.get(Record, target.foreign_worker)
            assert record is not None
            orgs = sorted({r.org_code for r in session.query(Record).all()})
            return record.fields, record.versions, orgs
    finally:
        db.dispose()


def test_pushed_mutations_never_500_nor_touch_another_village(fuzz_target: FuzzTarget) -> None:
    before = _foreign_state(fuzz_target)

    @FUZZ
    @given(st.lists(mutations(fuzz_target.foreign_worker) | _JSON, min_size=1, max_size=4))
    def push(items: list[Any]) -> None:
        body = json.dumps({"mutations": items}).encode()
        answer = _post(fuzz_target, PUSH, body)
        assert answer.status_code < 500, answer.text[:300]
        if answer.status_code == 200:
            statuses = {r["status"] for r in answer.json()["results"]}
            assert statuses <= {"applied", "duplicate", "rejected"}

    push()
    after = _foreign_state(fuzz_target)
    assert after[:2] == before[:2], "another village's worker was changed"
    assert set(after[2]) <= set(before[2]) | {VILLAGE_1}, after[2]


@FUZZ
@given(
    after=st.one_of(st.integers(), st.text(max_size=12)),
    limit=st.one_of(st.integers(), st.text(max_size=12)),
    extra=st.dictionaries(st.sampled_from(["org_code", "org", "scope", "village"]), _ORGS),
)
def test_odd_pull_and_conflict_parameters_never_leak(
    fuzz_target: FuzzTarget, after: Any, limit: Any, extra: dict[str, str]
) -> None:
    for path in (PULL, CONFLICTS, KEYS):
        params = {"after": after, "limit": limit, **extra}
        answer = fuzz_target.http.get(
            fuzz_target.server.url + path, params=params, headers=fuzz_target.headers, timeout=10
        )
        assert answer.status_code < 500, answer.text[:300]
        assert answer.status_code in (200, 422), (path, answer.status_code)
        assert fuzz_target.foreign_worker not in answer.text
        assert fuzz_target.foreign_name not in answer.text


def test_well_formed_pushes_into_another_village_are_refused(fuzz_target: FuzzTarget) -> None:
    stamp = "019000000000" + "0001@" + "0" * 8
    docs = [
        {"record_id": fuzz_target.foreign_worker, "op": "update", "fields": {"notes": "改"}},
        {"record_id": fuzz_target.foreign_worker, "op": "archive", "fields": {}},
        {"record_id": str(uuid.uuid4()), "op": "create", "fields": {"org_code": VILLAGE_2}},
    ]
    items = [
        {"mutation_id": str(uuid.uuid4()), "record_type": "worker", "hlc": stamp, **doc}
        for doc in docs
    ]
    before = _foreign_state(fuzz_target)
    answer = _post(fuzz_target, PUSH, json.dumps({"mutations": items}).encode())
    assert answer.status_code == 200, answer.text[:300]
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 3, results
    assert _foreign_state(fuzz_target) == before
