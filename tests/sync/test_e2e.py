"""End to end with the real server process: two villages of one township, the township
and the county edit while offline, sync in varied orders, and converge.

Runs on the embedded SQLite server and on PostgreSQL (a throw-away database).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from broker_app.cli.main import main as cli_main
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.importing import RosterImportService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models import JobPosting, Worker
from broker_app.store.models.local import OutboxEntry
from sync.server import conflicts as server_conflicts
from sync.server.db import ServerDB
from tests.reliability.wb import roster
from tests.sync.conftest import COUNTY, TOWNSHIP, VILLAGE_1, VILLAGE_2, Station, StationFactory
from tests.sync.records import (
    add_follow_up,
    add_match,
    edit_worker,
    new_id_number,
    publish_job,
    register_worker,
    snapshot,
    visible_to,
    write_fields,
)
from tests.sync.server_process import RunningServer


@dataclass(frozen=True)
class Edit:
    record_type: str
    record_id: str
    field: str
    value: Any


def sync_all(order: list[Station]) -> None:
    for station in order:
        station.sync()


def test_four_stations_converge(
    stations: StationFactory, server: RunningServer, capsys: Any
) -> None:
    v1 = stations("v1", VILLAGE_1)
    v2 = stations("v2", VILLAGE_2)
    town = stations("town", TOWNSHIP)
    county = stations("county", COUNTY)
    everyone = [v1, v2, town, county]
    # Enrolment set each new data folder's org unit.
    assert [s.store.node_id for s in everyone] and all(_org(s) == s.org_code for s in everyone)
    edits: list[Edit] = []

    # -- round 1, all offline ---------------------------------------------------------
    a1 = register_worker(v1.store, VILLAGE_1, "孟庆云")
    a2 = register_worker(v1.store, VILLAGE_1, "孔繁星")
    b1 = register_worker(v2.store, VILLAGE_2, "颜回生")
    b2 = register_worker(v2.store, VILLAGE_2, "张桂兰")
    t1 = register_worker(town.store, VILLAGE_1, "王立新")  # the township registers for v1
    same_person = new_id_number()
    dup_1 = register_worker(v1.store, VILLAGE_1, "刘德华", same_person)
    dup_2 = register_worker(v2.store, VILLAGE_2, "刘德华", same_person)
    county_job = publish_job(county.store, COUNTY, "县城环卫工")
    town_job = publish_job(town.store, TOWNSHIP, "太平镇蔬菜大棚")
    v1_job = publish_job(v1.store, VILLAGE_1, "村内零工")
    sync_all([v1, county, v2, town])
    sync_all([town, v2, county, v1])

    # Jobs flow down: the county's to all, the township's to its villages, v1's to no
    # other village.
    for station in everyone:
        jobs = {r["id"] for r in _records(station, "job")}
        assert county_job in jobs and town_job in jobs
        assert (v1_job in jobs) == (station is not v2)

    # -- round 2, concurrent edits while offline ----------------------------------------
    edit_worker(v1.store, a1, phone="13900000001")
    edit_worker(town.store, a1, phone="13900000002", notes="镇上核实过")
    edit_worker(county.store, a1, employer="邹城市某某物流有限公司")
    edits += [
        Edit("worker", a1, "phone", "13900000001"),
        Edit("worker", a1, "phone", "13900000002"),
        Edit("worker", a1, "notes", "镇上核实过"),
        Edit("worker", a1, "employer", "邹城市某某物流有限公司"),
    ]
    WorkerService(v2.store).archive(b1)
    edit_worker(county.store, b1, notes="县里备注")
    edits += [Edit("worker", b1, "archived", True), Edit("worker", b1, "notes", "县里备注")]
    follow = add_follow_up(v1.store, a2, VILLAGE_1, "电话回访，有务工意向")
    match_v1 = add_match(v1.store, a2, county_job, VILLAGE_1)
    match_town = add_match(town.store, b2, town_job, VILLAGE_2)
    write_fields(county.store, JobPosting, county_job, headcount=8)
    write_fields(town.store, JobPosting, town_job, status="filled")
    edits += [
        Edit("job", county_job, "headcount", 8),
        Edit("job", town_job, "status", "filled"),
    ]
    b3 = register_worker(v2.store, VILLAGE_2, "孟子舆")
    edit_worker(town.store, t1, name="王立信")
    edits.append(Edit("worker", t1, "name", "王立信"))
    sync_all([county, v1, town, v2])
    county.sync()
    # Every edit is either applied or visible as a conflict.
    _assert_applied_or_lost(edits, snapshot(county.store), _server_conflicts(server))
    v1.sync()  # v1 now sees the township's phone...
    # ...and edits it again: sequential, not a conflict.
    edit_worker(v1.store, a1, phone="13900000003")
    sync_all([v1, v2, town, county])
    sync_all([v2, town, county, v1])

    # -- quiescent: another full round changes nothing -----------------------------------
    for station in everyone:
        report = station.sync()
        assert report.pushed == 0 and report.written == 0, (station.label, report)
        assert report.parked == 0
        with station.store.read() as session:
            states = dict(
                session.execute(
                    select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)
                ).all()
            )
        assert set(states) <= {"acked"}, (station.label, states)

    # -- every station holds exactly the county's records of its scope ----------------------
    everything = snapshot(county.store)
    created = {a1, a2, b1, b2, b3, t1, dup_1, dup_2, county_job, town_job, v1_job, follow}
    created |= {match_v1, match_town}
    assert created <= {record_id for _kind, record_id in everything}
    for station in (v1, v2, town):
        mine = snapshot(station.store)
        expected = {
            key: record
            for key, record in everything.items()
            if visible_to(station.org_code, key[0], record["org_code"])
        }
        assert mine == expected, station.label
    # ... and the command line's `list` shows the same thing per scope.
    assert _cli_list(v1, capsys) == sorted(
        r["id"]
        for (kind, _), r in everything.items()
        if kind == "worker" and r["org_code"] == VILLAGE_1
    )
    assert b1 not in {r["id"] for r in _records(v1, "worker")}
    assert a1 not in {r["id"] for r in _records(v2, "worker")}

    log = _server_conflicts(server)
    # The phone was written concurrently by v1 and the township: one conflict, and v1's
    # later edit (made after it saw the township's value) is final without a new one.
    phone_conflicts = [c for c in log if c["record_id"] == a1 and c["field"] == "phone"]
    assert len(phone_conflicts) == 1
    assert everything[("worker", a1)]["phone"] == "13900000003"
    # Concurrent edits of different fields both survive.
    assert everything[("worker", b1)]["archived"] is True
    assert everything[("worker", b1)]["notes"] == "县里备注"

    # -- the same ID number from two villages: surfaced, not merged --------------------------
    dups = [c for c in log if c["kind"] == "duplicate_person"]
    assert len(dups) == 1 and {dups[0]["record_id"], dups[0]["other_record_id"]} == {dup_1, dup_2}
    assert dups[0]["org_code"] == TOWNSHIP
    assert not everything[("worker", dup_1)]["archived"]
    assert not everything[("worker", dup_2)]["archived"]
    for station, sees in ((v1, False), (v2, False), (town, True), (county, True)):
        kinds = {c.kind for c in station.runner().conflicts()}
        assert ("duplicate_person" in kinds) == sees, station.label

    # -- pulled workers are searchable (tokens, pinyin sort key) ----------------------------
    found = WorkerService(town.store).search_keys(RosterFilter(text="孟庆云"), RosterSort())
    assert len(found) == 1
    with town.store.read() as session:
        worker = session.scalar(select(Worker).where(Worker.id == t1))
        assert worker is not None and worker.name == "王立信" and worker.name_sort


def _assert_applied_or_lost(
    edits: list[Edit], state: dict[tuple[str, str], dict[str, Any]], log: list[dict[str, Any]]
) -> None:
    for edit in edits:
        final = state[(edit.record_type, edit.record_id)][edit.field]
        lost = any(
            c["record_id"] == edit.record_id
            and c["field"] == edit.field
            and c["loser"]["value"] == edit.value
            for c in log
        )
        assert final == edit.value or lost, edit


def _org(station: Station) -> str | None:
    from broker_app.services.settings.station import StationService

    return StationService(station.store).info().org_code


def _records(station: Station, record_type: str) -> list[dict[str, Any]]:
    return [r for (kind, _), r in snapshot(station.store).items() if kind == record_type]


def _cli_list(station: Station, capsys: Any) -> list[str]:
    capsys.readouterr()
    code = cli_main(
        ["--data-dir", str(station.data_dir), "list", "workers", "--json", "--archived"]
    )
    assert code == 0
    return sorted(record["id"] for record in json.loads(capsys.readouterr().out))


def _server_conflicts(server: RunningServer) -> list[dict[str, Any]]:
    db = ServerDB(server.db_url)
    try:
        with db.read() as session:
            found = server_conflicts.list_conflicts(session, include_resolved=True, limit=10_000)
            return [server_conflicts.conflict_dict(c) for c in found]
    finally:
        db.dispose()


def test_imported_workers_reach_other_stations_whole(
    stations: StationFactory, server: RunningServer, tmp_path: Path
) -> None:
    """A roster import writes its creates without a copy of the fields (the record is
    read when the create is sent): the township still receives every field, and an
    edit made after the import but before the first sync arrives as edited."""
    village = stations("v1", VILLAGE_1)
    town = stations("town", TOWNSHIP)
    people = [
        ("孔令华", new_id_number(), "13905371111"),
        ("孟庆云", new_id_number(), "13905372222"),
    ]
    book = roster(tmp_path / "花名册.xlsx", [[n, i, p, "", None] for n, i, p in people])
    assert RosterImportService(village.store).run(book).added == 2
    with village.store.read() as session:
        ids = [session.scalar(select(Worker.id).where(Worker.id_number == i)) for _, i, _ in people]
    assert all(ids)
    edit_worker(village.store, str(ids[1]), notes="会开叉车")
    sync_all([village, town, village])
    with town.store.read() as session:
        got = {w.id_number: w for w in session.scalars(select(Worker).where(Worker.id.in_(ids)))}
    assert {(w.name, w.phone, w.org_code) for w in got.values()} == {
        (n, p, VILLAGE_1) for n, _, p in people
    }
    assert got[people[1][1]].notes == "会开叉车"
    assert _pending(village) == 0


def _pending(station: Station) -> int:
    with station.store.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")
            )
            or 0
        )
