"""The HTTP surface: versions, credentials, body limits, gzip, enrolment codes, clocks."""

from __future__ import annotations

import gzip
import json
import time
from typing import Any

import pytest
import requests

from sync.hlc import Stamp
from sync.ids import uuid7
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, MAX_BODY_BYTES, PROTOCOL_RANGE
from sync.server.db import ServerDB
from sync.server.models import Conflict
from tests.sync.conftest import VILLAGE_1, StationFactory, new_code
from tests.sync.server_process import RunningServer

VERSIONS = {HEADER_PROTOCOL: "1", HEADER_SCHEMA: "1"}


def _credential(station: Any) -> str:
    from broker_app.services.sync.config import load_config

    config = load_config(station.store)
    assert config is not None
    return config.credential


def _headers(credential: str | None = None, **extra: str) -> dict[str, str]:
    out = dict(VERSIONS)
    if credential:
        out["Authorization"] = f"Bearer {credential}"
    out.update(extra)
    return out


def test_health_needs_nothing_and_the_api_pages_are_off(shared_server: RunningServer) -> None:
    health = requests.get(shared_server.url + "/v1/health", timeout=5)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    for page in ("/openapi.json", "/docs", "/redoc"):
        assert requests.get(shared_server.url + page, timeout=5).status_code == 404, page


def test_every_other_request_needs_a_credential(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    url = shared_server.url + "/v1/pull"
    assert requests.get(url, headers=_headers(), timeout=5).status_code == 401
    bad = requests.get(url, headers=_headers("nobody.secret"), timeout=5)
    assert bad.status_code == 401 and bad.json()["error"] == "unauthorized"
    station = shared_stations("v1", VILLAGE_1)
    credential = _credential(station)
    assert requests.get(url, headers=_headers(credential), timeout=5).status_code == 200
    forged = credential[:-4] + ("AAAA" if not credential.endswith("AAAA") else "BBBB")
    assert requests.get(url, headers=_headers(forged), timeout=5).status_code == 401


def test_versions_outside_the_range_are_refused_clearly(shared_server: RunningServer) -> None:
    url = shared_server.url + "/v1/enrol"
    body = {"code": "XXXX-XXXX", "node_id": "n"}
    missing = requests.post(url, json=body, timeout=5)
    assert missing.status_code == 426 and "升级" in missing.json()["message"]
    newer = requests.post(url, json=body, headers={**VERSIONS, HEADER_PROTOCOL: "9"}, timeout=5)
    assert newer.status_code == 426 and newer.json()["accepted"] == list(PROTOCOL_RANGE)
    schema = requests.post(url, json=body, headers={**VERSIONS, HEADER_SCHEMA: "99"}, timeout=5)
    assert schema.status_code == 409 and schema.json()["error"] == "schema_version"


def test_body_limits_and_gzip(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    station = shared_stations("v1", VILLAGE_1)
    url = shared_server.url + "/v1/push"
    headers = _headers(_credential(station), **{"Content-Type": "application/json"})
    too_big = b'{"mutations":[' + b" " * (MAX_BODY_BYTES + 10) + b"]}"
    assert requests.post(url, data=too_big, headers=headers, timeout=30).status_code == 413
    # A zip bomb: 24 MiB of spaces in a few KB of gzip.
    bomb = gzip.compress(b'{"mutations":[' + b" " * (24 * 1024 * 1024) + b"]}", 6)
    assert len(bomb) < MAX_BODY_BYTES
    zipped = {**headers, "Content-Encoding": "gzip"}
    answer = requests.post(url, data=bomb, headers=zipped, timeout=30)
    assert answer.status_code == 413 and answer.json()["error"] == "too_large"
    small = gzip.compress(json.dumps({"mutations": []}).encode())
    broken = requests.post(url, data=small[:-6], headers=zipped, timeout=30)
    assert broken.status_code == 400 and broken.json()["error"] == "bad_gzip"
    garbage = requests.post(url, data=b"not gzip at all", headers=zipped, timeout=30)
    assert garbage.status_code == 400
    ok = requests.post(url, data=small, headers=zipped, timeout=30)
    assert ok.status_code == 200 and ok.json() == {"results": []}
    # The server is still fine afterwards.
    assert requests.get(shared_server.url + "/v1/health", timeout=5).status_code == 200


def test_enrolment_code_works_once_and_expires(shared_server: RunningServer) -> None:
    url = shared_server.url + "/v1/enrol"
    code = new_code(shared_server.db_url, VILLAGE_1)
    first = requests.post(url, json={"code": code, "node_id": uuid7()}, headers=VERSIONS, timeout=5)
    assert first.status_code == 200 and first.json()["org_code"] == VILLAGE_1
    again = requests.post(url, json={"code": code, "node_id": uuid7()}, headers=VERSIONS, timeout=5)
    assert again.status_code == 403 and "已使用" in again.json()["message"]
    expired = new_code(shared_server.db_url, VILLAGE_1, hours=0)
    late = requests.post(
        url, json={"code": expired, "node_id": uuid7()}, headers=VERSIONS, timeout=5
    )
    assert late.status_code == 403
    # Typed by a person: lower case, spaces, O for 0 all fine.
    fresh = new_code(shared_server.db_url, VILLAGE_1)
    typed = fresh.lower().replace("-", " ").replace("0", "o")
    ok = requests.post(url, json={"code": typed, "node_id": uuid7()}, headers=VERSIONS, timeout=5)
    assert ok.status_code == 200


def test_revoked_station_is_locked_out(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    from tests.sync.in_process import admin_in_process

    station = shared_stations("v1", VILLAGE_1)
    credential = _credential(station)
    station_id = credential.split(".")[0]
    done = admin_in_process(shared_server.db_url, "revoke-station", station_id)
    assert done.returncode == 0, done.stderr
    pull = requests.get(shared_server.url + "/v1/pull", headers=_headers(credential), timeout=5)
    assert pull.status_code == 401
    report = station.runner().sync_once()
    assert report.error is not None and "凭证" in report.error.message


def test_clock_far_ahead_is_clamped_and_flagged(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    station = shared_stations("v1", VILLAGE_1)
    node = station.store.node_id
    ahead = Stamp(time.time_ns() // 1_000_000 + 30 * 86_400_000, 0, node).encode()
    record_id = uuid7()
    mutation = {
        "mutation_id": uuid7(),
        "record_type": "worker",
        "record_id": record_id,
        "op": "create",
        "fields": {"org_code": VILLAGE_1, "name": "周四"},
        "hlc": ahead,
    }
    url = shared_server.url + "/v1/push"
    (result,) = requests.post(
        url, json={"mutations": [mutation]}, headers=_headers(_credential(station)), timeout=5
    ).json()["results"]
    assert result["status"] == "applied" and result["stamp"] < ahead
    db = ServerDB(shared_server.db_url)
    with db.read() as session:
        flags = [c for c in session.query(Conflict).filter_by(record_id=record_id)]
        assert [c.kind for c in flags] == ["clock"] and flags[0].loser_stamp == ahead
    db.dispose()
    # A stamp naming another station's node is refused.
    forged = {**mutation, "mutation_id": uuid7(), "hlc": Stamp(1, 0, "someone-else").encode()}
    (result,) = requests.post(
        url, json={"mutations": [forged]}, headers=_headers(_credential(station)), timeout=5
    ).json()["results"]
    assert result["status"] == "rejected" and result["code"] == "clock"


@pytest.mark.parametrize(
    "item",
    [
        "not an object",
        {"mutation_id": "x"},
        {
            "mutation_id": "m1",
            "record_type": "spaceship",
            "record_id": "r",
            "op": "create",
            "fields": {},
            "hlc": "0",
        },
    ],
)
def test_malformed_items_are_rejected_alone(
    shared_server: RunningServer, shared_stations: StationFactory, item: Any
) -> None:
    station = shared_stations("v1", VILLAGE_1)
    answer = requests.post(
        shared_server.url + "/v1/push",
        json={"mutations": [item]},
        headers=_headers(_credential(station)),
        timeout=5,
    )
    assert answer.status_code == 200
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected" and result["code"] == "invalid"
    assert result["message"] and result["message_en"]
