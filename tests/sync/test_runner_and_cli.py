"""The runner (offline, background) and the command lines of station and server."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from broker_app.cli.main import main as cli_main
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.services.sync.config import CREDENTIAL, SERVER_URL
from broker_app.services.sync.runner import IDLE, NOT_ENROLLED, OFFLINE, SyncRunner
from broker_app.store.models import Worker
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import open_store
from sync.client.errors import NotEnrolled, ServerUnreachable
from tests.sync.conftest import FAST, TOWNSHIP, VILLAGE_1, VILLAGE_2, StationFactory
from tests.sync.records import add_follow_up, new_id_number, register_worker, write_fields
from tests.sync.server_process import RunningServer, admin, free_port


def test_server_down_keeps_the_outbox_and_says_so(
    shared_stations: StationFactory, capsys: Any
) -> None:
    station = shared_stations("v1", VILLAGE_1)
    with station.store.write() as session:
        put_setting(session, SERVER_URL, f"http://127.0.0.1:{free_port()}")
    register_worker(station.store, VILLAGE_1, "吴五")
    runner = SyncRunner(station.store, policy=FAST)
    report = runner.sync_once()
    assert isinstance(report.error, ServerUnreachable)
    status = runner.status()
    assert status.state == OFFLINE and status.pending == 1 and not status.connected
    assert status.last_error and "无法连接" in status.last_error
    code = cli_main(["--data-dir", str(station.data_dir), "sync"])
    assert code == 3
    assert "无法连接服务器" in capsys.readouterr().err
    assert SyncRunner(station.store).status().pending == 1  # nothing lost


def test_not_enrolled(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    try:
        report = SyncRunner(store).sync_once()
        assert isinstance(report.error, NotEnrolled)
        assert SyncRunner(store).status().state == NOT_ENROLLED
    finally:
        store.close()


def test_cli_enrol_on_a_new_data_dir_then_sync(
    shared_server: RunningServer, tmp_path: Path, capsys: Any
) -> None:
    done = admin(shared_server.db_url, "enrol-station", "--org", VILLAGE_2, "--name", "测试驿站")
    assert done.returncode == 0, done.stderr
    code = done.stdout.strip().splitlines()[-1]  # the code is on the last line
    data = tmp_path / "fresh"
    args = ["--data-dir", str(data)]
    assert cli_main([*args, "enrol", "--server", shared_server.url, "--code", code]) == 0
    assert "已注册：测试驿站" in capsys.readouterr().out
    store = open_store(data)
    try:
        assert StationService(store).info().org_code == VILLAGE_2  # no init-station needed
        with store.read() as session:
            # Kept outside the database (here a 0600 file: no OS keyring on this PC).
            assert get_setting(session, CREDENTIAL) is None
        assert store.secrets.get(CREDENTIAL)
        register_worker(store, VILLAGE_2, "郑六")
    finally:
        store.close()
    assert cli_main([*args, "sync"]) == 0
    out = capsys.readouterr().out
    assert "上传 1 条：已应用 1" in out and "被拒 0" in out
    # The code was spent.
    assert cli_main([*args, "enrol", "--server", shared_server.url, "--code", code]) == 2
    assert cli_main([*args, "sync-status"]) == 0
    assert "待上传 0 条" in capsys.readouterr().out
    listed = admin(shared_server.db_url, "list-stations", "--json")
    assert any(
        s["name"] == "测试驿站" and s["status"] == "active" for s in json.loads(listed.stdout)
    )


def test_background_runner_does_not_block(shared_stations: StationFactory) -> None:
    station = shared_stations("v1", VILLAGE_1)
    register_worker(station.store, VILLAGE_1, "冯七")
    finished: list[Any] = []
    runner = SyncRunner(station.store, interval=3600, policy=FAST, on_finished=finished.append)
    started = time.monotonic()
    runner.start()
    assert time.monotonic() - started < 0.5  # returns at once; the round runs behind
    deadline = time.monotonic() + 30
    while not finished and time.monotonic() < deadline:
        time.sleep(0.05)
    runner.request()
    while len(finished) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    runner.stop()
    assert len(finished) >= 2 and all(r.error is None for r in finished)
    status = runner.status()
    assert status.state == IDLE and status.pending == 0 and status.last_success is not None


def test_conflicts_listed_and_resolved_from_the_server_command_line(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    v1 = shared_stations("v1", VILLAGE_1)
    town = shared_stations("town", TOWNSHIP)
    worker = register_worker(v1.store, VILLAGE_1, "褚八")
    v1.sync()
    town.sync()
    write_fields(v1.store, Worker, worker, notes="村里的说法")
    write_fields(town.store, Worker, worker, notes="镇里的说法")
    v1.sync()
    report = town.sync()
    assert report.conflicts == 1
    listed = admin(shared_server.db_url, "conflicts", "--json")
    (entry,) = [c for c in json.loads(listed.stdout) if c["record_id"] == worker]
    assert entry["kind"] == "field" and entry["field"] == "notes"
    assert entry["winner"]["value"] == "镇里的说法" and entry["loser"]["value"] == "村里的说法"
    # Both stations know about it locally.
    v1.sync()
    assert any(c.record_id == worker for c in v1.runner().conflicts())
    # The county keeps the loser: it is written again and wins everywhere.
    done = admin(shared_server.db_url, "conflicts", "resolve", str(entry["id"]), "--keep", "loser")
    assert done.returncode == 0, done.stderr
    for station in (v1, town):
        station.sync()
        assert WorkerService(station.store).details(worker)["notes"] == "村里的说法"
        assert not any(c.record_id == worker for c in station.runner().conflicts())
    again = admin(shared_server.db_url, "conflicts", "resolve", str(entry["id"]))
    assert again.returncode == 2 and "已处理" in again.stderr


def test_duplicate_person_is_merged_only_when_decided(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    v1 = shared_stations("v1", VILLAGE_1)
    v2 = shared_stations("v2", VILLAGE_2)
    town = shared_stations("town", TOWNSHIP)
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
    done = admin(shared_server.db_url, "conflicts", "resolve", str(dup.id), "--keep", "winner")
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
