"""Conflicts: two stations edit one field, or register one person twice; the server
keeps the winner, logs the loser, and the county resolves it with the server's
command line (``conflicts``, ``conflicts resolve``) on the same database. The server
runs in-process (tests/sync/in_process.py); the command line is the real one, run
through its entry point in this process (``admin_in_process``); the tests with the
real server process also run it as a process."""

from __future__ import annotations

import json

from broker_app.services.roster.workers import WorkerService
from broker_app.store.models import Worker
from tests.sync.conftest import TOWNSHIP, VILLAGE_1, VILLAGE_2, StationFactory
from tests.sync.in_process import InProcessServer, admin_in_process
from tests.sync.records import add_follow_up, new_id_number, register_worker, write_fields


def test_conflicts_listed_and_resolved_from_the_server_command_line(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    worker = register_worker(v1.store, VILLAGE_1, "褚八")
    v1.sync()
    town.sync()
    write_fields(v1.store, Worker, worker, notes="村里的说法")
    write_fields(town.store, Worker, worker, notes="镇里的说法")
    v1.sync()
    report = town.sync()
    assert report.conflicts == 1
    listed = admin_in_process(in_process_server.db_url, "conflicts", "--json")
    (entry,) = [c for c in json.loads(listed.stdout) if c["record_id"] == worker]
    assert entry["kind"] == "field" and entry["field"] == "notes"
    assert entry["winner"]["value"] == "镇里的说法" and entry["loser"]["value"] == "村里的说法"
    # Both stations know about it locally.
    v1.sync()
    assert any(c.record_id == worker for c in v1.runner().conflicts())
    # The county keeps the loser: it is written again and wins everywhere.
    done = admin_in_process(
        in_process_server.db_url, "conflicts", "resolve", str(entry["id"]), "--keep", "loser"
    )
    assert done.returncode == 0, done.stderr
    for station in (v1, town):
        station.sync()
        assert WorkerService(station.store).details(worker)["notes"] == "村里的说法"
        assert not any(c.record_id == worker for c in station.runner().conflicts())
    again = admin_in_process(in_process_server.db_url, "conflicts", "resolve", str(entry["id"]))
    assert again.returncode == 2 and "已处理" in again.stderr


def test_duplicate_person_is_merged_only_when_decided(
    in_process_server: InProcessServer, in_process_stations: StationFactory
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    town = in_process_stations("town", TOWNSHIP)
    number = new_id_number()
    first = register_worker(v1.store, VILLAGE_1, "卫九", number)
    second = register_worker(v2.store, VILLAGE_2, "卫九", number)
    follow = add_follow_up(v2.store, second, VILLAGE_2, "走访")
    v1.sync()
    report = v2.sync()
    assert report.duplicate_people == 1
    town.sync()
    (dup,) = [
        c
        for c in town.runner().conflicts()
        if c.kind == "duplicate_person" and c.record_id == first
    ]
    assert dup.other_record_id == second
    done = admin_in_process(
        in_process_server.db_url, "conflicts", "resolve", str(dup.id), "--keep", "winner"
    )
    assert done.returncode == 0, done.stderr
    town.sync()
    v2.sync()
    kept = WorkerService(town.store).details(first)
    dropped = WorkerService(town.store).details(second)
    assert not kept["archived"] and dropped["archived"]
    # The dropped record's follow-up now belongs to the kept one (and to its village).
    from broker_app.services.listing import iter_records

    (moved,) = [r for r in iter_records(town.store, "follow-ups") if r["id"] == follow]
    assert moved["worker_id"] == first and moved["org_code"] == VILLAGE_1
