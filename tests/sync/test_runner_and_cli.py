"""The runner (offline, background) and the command lines of station and server."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from broker_app.cli.main import main as cli_main
from broker_app.services.settings.station import StationService
from broker_app.services.sync.config import CREDENTIAL, SERVER_URL
from broker_app.services.sync.runner import IDLE, NOT_ENROLLED, OFFLINE, SyncRunner
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import open_store
from sync.client.errors import NotEnrolled, ServerUnreachable
from tests.sync.conftest import FAST, VILLAGE_1, VILLAGE_2, StationFactory
from tests.sync.in_process import admin_in_process
from tests.sync.records import register_worker
from tests.sync.server_process import RunningServer, free_port


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
    done = admin_in_process(
        shared_server.db_url, "enrol-station", "--org", VILLAGE_2, "--name", "测试驿站"
    )
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
    listed = admin_in_process(shared_server.db_url, "list-stations", "--json")
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
