"""The channel server trusts nothing a station sends (issue 14, items 1, 2, 4, 5, 9, 10),
with the real server app and real stations: a village station sends what a hostile or
buggy program would, with its own real credential, and every other station keeps
syncing. What the server does with a request is logic: the app runs in this process
behind the stations' sessions (``tests/sync/in_process.py``); how ``serve`` starts
(its flags, its defaults) is tested on the real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from typing import Any

import requests
from alembic import command
from sqlalchemy import select, text, update

from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.config import load_config
from broker_app.store.models import DispatchBatch, Project
from broker_app.store.repositories import sync_state
from sync.hlc import Stamp, is_stamp
from sync.ids import uuid7
from sync.protocol import MAX_PULL_BYTES, PULL, PUSH
from sync.record_fields import LONG_TEXT
from sync.server.db import SeqAllocator, ServerDB
from sync.server.migrate import alembic_config
from sync.server.models import Conflict, Record
from tests.sync.conftest import (
    COUNTY,
    TOWNSHIP,
    VILLAGE_1,
    VILLAGE_2,
    ChannelServer,
    Station,
    StationFactory,
    new_code,
)
from tests.sync.in_process import InProcessServer, admin_in_process
from tests.sync.records import publish_job, register_worker
from tests.sync.server_process import ROOT, RunningServer, free_port, run_server

VERSIONS = {"X-Sync-Protocol": "1", "X-Sync-Schema": "1", "Content-Type": "application/json"}


def _headers(station: Station) -> dict[str, str]:
    config = load_config(station.store)
    assert config is not None
    return {**VERSIONS, "Authorization": f"Bearer {config.credential}"}


def _stamp(station: Station, offset: int = 0) -> str:
    return Stamp(time.time_ns() // 1_000_000 + offset, 0, station.store.node_id).encode()


def _push(server: ChannelServer, station: Station, *items: dict[str, Any]) -> list[Any]:
    body = json.dumps({"mutations": list(items)}, ensure_ascii=False).encode()
    answer = server.session().post(
        server.url + PUSH, data=body, headers=_headers(station), timeout=30
    )
    assert answer.status_code == 200, answer.text[:300]
    return list(answer.json()["results"])


def _mutation(
    station: Station, kind: str, fields: dict[str, Any], record_id: str | None = None
) -> dict[str, Any]:
    return {
        "mutation_id": uuid7(),
        "record_type": kind,
        "record_id": record_id or uuid7(),
        "op": "update" if record_id else "create",
        "fields": fields,
        "hlc": _stamp(station),
    }


def _server_row(server: ChannelServer, record_id: str) -> Record | None:
    db = ServerDB(server.db_url)
    try:
        with db.read() as session:
            return session.get(Record, record_id)
    finally:
        db.dispose()


def _create(station: Station, cls: type[Any], fields: dict[str, Any]) -> str:
    with station.store.write() as session:
        return str(station.store.writer(session).create(cls, fields).id)


# -- item 1: a schema for every kind; parking never fails ----------------------------
def test_a_record_other_stations_cannot_store_is_rejected_and_never_stored(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    worker = register_worker(v1.store, VILLAGE_1, "孟庆云")
    v1.sync()
    deep: Any = "电工"
    for _ in range(300):
        deep = [deep]
    results = _push(
        in_process_server,
        v1,
        _mutation(v1, "worker", {"skills": deep}, worker),
        _mutation(v1, "worker", {"monthly_income": 2**64}, worker),
        _mutation(v1, "worker", {"notes": "长" * (LONG_TEXT + 1)}, worker),
        _mutation(v1, "worker", {"birth_date": "１９８５-03-15"}, worker),
        _mutation(v1, "worker", {"phone": "13900000001"}, worker),
    )
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"]
    for result in results[:4]:
        assert result["code"] == "invalid" and result["message"] and result["message_en"]
    assert "monthly_income" in results[1]["message"] and "64" in results[1]["message"]
    row = _server_row(in_process_server, worker)
    assert row is not None
    stored = json.loads(row.fields)
    assert all(isinstance(skill, str) for skill in stored.get("skills") or [])
    assert stored.get("monthly_income") != 2**64 and stored["phone"] == "13900000001"
    for _round in range(2):
        report = town.sync()
        assert report.parked == 0
    assert WorkerService(town.store).details(worker)["phone"] == "13900000001"


def test_a_stored_record_no_station_can_store_is_parked_and_the_pull_goes_on(
    fresh_in_process_server: InProcessServer, fresh_in_process_stations: StationFactory
) -> None:
    """A record stored before the schema was enforced: the township parks it (as text)
    and pulls past it, twice, without an error."""
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1 = stations("v1", VILLAGE_1)
    town = stations("town", TOWNSHIP)
    worker = register_worker(v1.store, VILLAGE_1, "孟庆云")
    v1.sync()
    deep: Any = "x"
    for _ in range(400):
        deep = [deep]
    row = _server_row(server, worker)
    assert row is not None
    fields = {**json.loads(row.fields), "skills": deep, "monthly_income": 2**70}
    db = ServerDB(server.db_url)
    with db.write() as session:
        stored = session.get(Record, worker)
        assert stored is not None
        stored.fields = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        stored.seq = SeqAllocator(session).next()
        session.execute(text("UPDATE counter SET value = :v WHERE name = 'seq'"), {"v": stored.seq})
    db.dispose()
    later = register_worker(v1.store, VILLAGE_1, "后来的人")
    v1.sync()
    first = town.sync()
    assert first.parked == 1
    second = town.sync()
    assert second.error is None
    assert WorkerService(town.store).details(later)["name"] == "后来的人"
    with town.store.read() as session:
        (parked,) = sync_state.parked_entries(session)
        assert parked.record_id == worker and set(parked.fields) == {sync_state.UNSTORABLE}
        assert len(parked.fields[sync_state.UNSTORABLE]) <= 4096


# -- item 2: one stamp grammar; node ids checked; repair of stored stamps -------------
def test_stamps_outside_the_grammar_are_rejected(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    worker = register_worker(v1.store, VILLAGE_1, "孟庆云")
    v1.sync()
    node = v1.store.node_id
    head = f"{time.time_ns() // 1_000_000:012x}"
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in head)
    forms = [
        f"0x{head[2:]}0000@{node}",
        f"{full_width}0000@{node}",
        f"{head}_000@{node}",
        f"+{head}000@{node}",
        f" {head}000@{node}",
        f"{head.upper().replace('0', 'A')}0000@{node}",
        f"{head}0000@{node.upper()}",
    ]
    items = [{**_mutation(v1, "worker", {"notes": f}, worker), "hlc": f} for f in forms]
    results = _push(in_process_server, v1, *items)
    assert [r["status"] for r in results] == ["rejected"] * len(forms)
    assert all(r["code"] in ("invalid", "clock") for r in results)
    row = _server_row(in_process_server, worker)
    assert row is not None and all(is_stamp(s) for s in json.loads(row.versions).values())


def test_enrolment_refuses_a_malformed_or_reserved_node_id_without_spending_the_code(
    in_process_server: InProcessServer,
) -> None:
    code = new_code(in_process_server.db_url, VILLAGE_2)
    url = in_process_server.url + "/v1/enrol"
    session = in_process_server.session()
    for node in ("server", "0x1F", "节点", "a" * 65, "a@b"):
        answer = session.post(url, json={"code": code, "node_id": node}, headers=VERSIONS)
        assert answer.status_code in (400, 422), (node, answer.text)
        if answer.status_code == 400:
            assert answer.json()["error"] == "node_id" and "节点编号" in answer.json()["message"]
    good = session.post(url, json={"code": code, "node_id": uuid7()}, headers=VERSIONS)
    assert good.status_code == 200, good.text


def test_a_stored_malformed_stamp_is_repaired_and_keep_loser_changes_the_value(
    fresh_in_process_server: InProcessServer, fresh_in_process_stations: StationFactory
) -> None:
    """A stamp stored before the grammar held ("0x..." sorted above every real stamp as
    text): the migration repairs it, the field is writable again everywhere, and the
    county's ``--keep loser`` really writes the loser."""
    server, stations = fresh_in_process_server, fresh_in_process_stations
    v1 = stations("v1", VILLAGE_1)
    town = stations("town", TOWNSHIP)
    worker = register_worker(v1.store, VILLAGE_1, "孟庆云")
    v1.sync()
    town.sync()
    node = v1.store.node_id
    frozen = f"0x{time.time_ns() // 1_000_000:010x}0000@{node}"
    db = ServerDB(server.db_url)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    with db.write() as session:
        # Columns by name: at revision 0001 the table lacks later columns of the model.
        stored = session.execute(
            select(Record.fields, Record.versions).where(Record.id == worker)
        ).one()
        fields = {**json.loads(stored.fields), "notes": "冻住的值"}
        versions = {**json.loads(stored.versions), "notes": frozen}
        session.execute(
            update(Record)
            .where(Record.id == worker)
            .values(fields=json.dumps(fields, ensure_ascii=False), versions=json.dumps(versions))
        )
        session.add(
            Conflict(
                kind="field",
                record_type="worker",
                record_id=worker,
                field="notes",
                org_code=VILLAGE_1,
                winner_value=json.dumps("冻住的值", ensure_ascii=False),
                winner_stamp=frozen,
                loser_value=json.dumps("落选的值", ensure_ascii=False),
                loser_stamp=_stamp(v1),
                created_at=datetime.now(),
                resolved=False,
            )
        )
    with db.read() as session:
        conflict_id = session.scalar(select(Conflict.id).where(Conflict.record_id == worker))
    db.dispose()
    # Any server command brings the database to head first: migration 0002 runs.
    listed = admin_in_process(server.db_url, "list-stations")
    assert listed.returncode == 0, listed.stderr
    row = _server_row(server, worker)
    assert row is not None
    versions = json.loads(row.versions)
    assert all(is_stamp(s) for s in versions.values()) and versions.get("notes") != frozen
    done = admin_in_process(
        server.db_url, "conflicts", "resolve", str(conflict_id), "--keep", "loser"
    )
    assert done.returncode == 0, done.stderr
    town.sync()
    v1.sync()
    for station in (v1, town):
        assert WorkerService(station.store).details(worker)["notes"] == "落选的值"
    # And an ordinary later edit wins everywhere.
    WorkerService(v1.store).edit(worker, {"notes": "村里后来改的"})
    v1.sync()
    town.sync()
    assert WorkerService(town.store).details(worker)["notes"] == "村里后来改的"


# -- item 4: every reference in scope ------------------------------------------------
def test_every_reference_field_is_checked_for_scope_and_kind(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    county = in_process_stations("county", COUNTY)
    own_worker = register_worker(v1.store, VILLAGE_1, "孟庆云")
    own_batch = _create(
        v1,
        DispatchBatch,
        {
            "org_code": VILLAGE_1,
            "name": "本村批次",
            "employer": "某厂",
            "place_tier": "in_county",
            "status": "preparing",
        },
    )
    their_worker = register_worker(v2.store, VILLAGE_2, "钱二")
    their_job = publish_job(v2.store, VILLAGE_2, "邻村的岗位")
    their_batch = _create(
        v2,
        DispatchBatch,
        {
            "org_code": VILLAGE_2,
            "name": "邻村批次",
            "employer": "某厂",
            "place_tier": "in_county",
            "status": "preparing",
        },
    )
    their_project = _create(v2, Project, {"org_code": VILLAGE_2, "name": "邻村工程"})
    county_job = publish_job(county.store, COUNTY, "县里发布的岗位")
    for station in (v1, v2, county):
        station.sync()
    v1.sync()
    base = {"org_code": VILLAGE_1}
    match = {**base, "status": "recommended", "worker_id": own_worker}
    member = {**base, "worker_id": own_worker}
    card = {
        **base,
        "worker_id": own_worker,
        "serial": 1,
        "issue_date": "2026-12-01",
        "expiry_date": "2027-12-01",
        "key_id": "0123456789abcdef",
    }
    results = _push(
        in_process_server,
        v1,
        _mutation(v1, "match", {**match, "job_id": their_job}),
        _mutation(v1, "batch_member", {**member, "batch_id": their_batch}),
        _mutation(v1, "card", {**card, "project_id": their_project}),
        _mutation(v1, "follow_up", {**base, "worker_id": their_worker, "date": "2026-12-01"}),
        _mutation(v1, "batch_member", {**member, "batch_id": [own_batch]}),
        _mutation(v1, "batch_member", {**member, "batch_id": own_worker}),
        _mutation(v1, "match", {**match, "job_id": county_job}),
        _mutation(v1, "batch_member", {**member, "batch_id": own_batch}),
    )
    assert [r["status"] for r in results] == ["rejected"] * 6 + ["applied"] * 2, results
    assert [r["code"] for r in results[:6]] == ["scope"] * 4 + ["invalid"] * 2
    assert "batch_id" in results[4]["message"] and "batch_id" in results[5]["message"]


# -- item 5: pull pages bounded in bytes ----------------------------------------------
def test_pull_pages_are_bounded_in_bytes(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    note = "长" * LONG_TEXT  # 48 KiB of UTF-8, the most a note may hold
    names = [f"工人{a}{b}" for a in "甲乙丙丁戊" for b in "子丑寅卯辰巳午未申"]
    ids = [register_worker(v1.store, VILLAGE_1, name) for name in names]
    for worker in ids:
        WorkerService(v1.store).edit(worker, {"notes": note, "household_address": note})
    v1.sync()
    answer = in_process_server.get(PULL, params={"limit": 2000}, headers=_headers(town))
    page = answer.json()
    record_bytes = 2 * len(note.encode()) + 4096
    assert len(answer.content) <= MAX_PULL_BYTES + record_bytes
    assert page["has_more"] and sum(r["id"] in ids for r in page["records"]) < len(ids)
    report = town.sync()
    assert report.error is None
    for worker in ids:
        assert WorkerService(town.store).details(worker)["notes"] == note


# -- item 9: acknowledged means durable ------------------------------------------------
def test_the_servers_sqlite_runs_with_synchronous_full(
    in_process_server: InProcessServer,
) -> None:
    db = ServerDB(in_process_server.db_url)
    try:
        with db.engine.connect() as conn:
            if db.sqlite:
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            else:
                assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
                assert conn.exec_driver_sql("SHOW fsync").scalar() == "on"
    finally:
        db.dispose()


# -- item 10: production defaults --------------------------------------------------------
def test_api_pages_are_served_only_when_asked_for(shared_server: RunningServer) -> None:
    for page in ("/openapi.json", "/docs", "/redoc"):
        assert requests.get(shared_server.url + page, timeout=5).status_code == 404
    folder = shared_server.log_path.parent / f"docs-{free_port()}"
    folder.mkdir()
    with run_server(shared_server.db_url, folder, extra_args=("--api-docs",)) as with_docs:
        spec = requests.get(with_docs.url + "/openapi.json", timeout=5).json()
        assert "/v1/push" in spec["paths"]
        assert requests.get(with_docs.url + "/docs", timeout=5).status_code == 200


def test_plain_http_off_loopback_needs_an_explicit_flag(shared_server: RunningServer) -> None:
    args = [sys.executable, "-m", "sync.server", "serve", "--db", shared_server.db_url]
    refused = subprocess.run(
        [*args, "--host", "0.0.0.0", "--port", str(free_port())],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2
    assert "--insecure-http" in refused.stderr and "明文" in refused.stderr
    folder = shared_server.log_path.parent / f"open-{free_port()}"
    folder.mkdir()
    flags = ("--host", "0.0.0.0", "--insecure-http")
    with run_server(shared_server.db_url, folder, extra_args=flags) as running:
        assert requests.get(running.url + "/v1/health", timeout=5).status_code == 200
