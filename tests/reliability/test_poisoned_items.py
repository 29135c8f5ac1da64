"""Poisoned items against the real server process: an outbox item the server always
rejects, a pulled record this program cannot store, and an item the server fails on
(500). Each is set aside with a Chinese reason the broker can see, and everything else
keeps flowing on this and later rounds without a new local write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from broker_app.cli.main import main as cli_main
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.models import Worker
from broker_app.ui.sync.labels import rejection_reason
from sync.client.errors import ServerError
from tests.reliability.faults import cn_name, raw_update, server_records, store_on_server
from tests.reliability.patched_server import FAIL_NAME
from tests.sync.conftest import FAR_VILLAGE, FAST, VILLAGE_1, StationFactory, station_factory
from tests.sync.records import edit_worker, register_worker, write_fields
from tests.sync.server_process import RunningServer, database_url, run_server

#: Pushing a worker with this name makes the patched server raise (a server bug).
SERVER_BUG = "服务器故障甲"
PATCHED = "tests.reliability.patched_server"


def _server(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, fail: str
) -> Iterator[RunningServer]:
    if backend == "postgres":
        request.applymarker(pytest.mark.postgres)
    folder = tmp_path / "server"
    folder.mkdir()
    with (
        database_url(backend, folder) as url,
        run_server(url, folder, module=PATCHED, env={FAIL_NAME: fail}) as running,
    ):
        yield running


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    """One patched server per module and database; each test works in its own village,
    so no test pulls another's records."""
    yield from _server(str(request.param), tmp_path_factory.mktemp("srv"), request, SERVER_BUG)


@pytest.fixture
def stations(server: RunningServer, tmp_path: Path) -> Iterator[StationFactory]:
    yield from station_factory(server, tmp_path)


def test_rejected_item_is_quarantined_and_the_rest_keep_flowing(
    stations: StationFactory, server: RunningServer, capsys: Any
) -> None:
    village = "370883107201"
    v1 = stations("v1", village)
    good = [register_worker(v1.store, village, cn_name("好人", i)) for i in range(3)]
    v1.sync()
    # Moving a worker to a village of another township: outside this station's scope,
    # refused by the server every time it is sent. Good writes before and after it.
    edit_worker(v1.store, good[0], phone="13900000001")
    write_fields(v1.store, Worker, good[1], org_code=FAR_VILLAGE)
    later = register_worker(v1.store, village, "后来者")

    report = v1.sync()
    assert (report.applied, report.rejected) == (2, 1)
    on_server = server_records(server)
    assert on_server[good[0]]["phone"] == "13900000001"
    assert on_server[later]["name"] == "后来者"
    assert on_server[good[1]]["org_code"] == village

    runner = v1.runner()
    [item] = runner.quarantined()
    assert (item.record_type, item.record_id, item.op) == ("worker", good[1], "update")
    # What the 同步 page's 被拒的修改 tab shows in its 原因 column:
    assert rejection_reason(item.reason).startswith("超出本驿站的管辖范围")
    status = runner.status()
    assert (status.pending, status.quarantined) == (0, 1)

    # Later rounds: nothing is resent or blocked, and new writes flow.
    again = v1.sync()
    assert (again.pushed, again.rejected) == (0, 0)
    edit_worker(v1.store, good[2], phone="13900000003")
    assert v1.sync().applied == 1
    assert server_records(server)[good[2]]["phone"] == "13900000003"

    assert cli_main(["--data-dir", str(v1.data_dir), "sync-status"]) == 0
    out = capsys.readouterr().out
    assert "被拒 1 条" in out and "超出本驿站的管辖范围" in out


def test_text_the_database_cannot_hold_is_rejected_not_a_server_error(
    stations: StationFactory, server: RunningServer
) -> None:
    """A lone surrogate in a pushed value used to fail the whole batch with 500."""
    village = "370883107202"
    v1 = stations("v1", village)
    worker = register_worker(v1.store, village, "赵一")
    v1.sync()
    for fields in ('{"name":"\\ud800"}', '{"skills":["\\udc80"]}', '{"note":{"\\ud800":1}}'):
        answer = raw_update(server, v1, "worker", worker, fields)
        assert answer.status_code == 200, answer.text
        [result] = answer.json()["results"]
        assert (result["status"], result["code"]) == ("rejected", "invalid")
        assert "无法识别的字符" in result["message"]
    assert server_records(server)[worker]["name"] == "赵一"


def test_pulled_record_this_program_cannot_store_is_parked_and_pull_goes_on(
    stations: StationFactory, server: RunningServer, capsys: Any
) -> None:
    village = "370883107203"
    v1 = stations("v1", village)
    peer = stations("peer", village)  # a second PC of the village, pulling
    bad = register_worker(v1.store, village, "钱二")
    fine = register_worker(v1.store, village, "孙三")
    v1.sync()
    peer.sync()
    # A buggy or newer station writes a value of the wrong kind, a name that is an
    # object: the server refuses it now, but one stored before it checked fields is
    # still handed out.
    buggy = stations("buggy", village)
    refused = raw_update(server, buggy, "worker", bad, '{"name":{"given":"二","family":"钱"}}')
    assert refused.json()["results"][0]["status"] == "rejected"
    store_on_server(server, bad, {"name": {"given": "二", "family": "钱"}})
    edit_worker(v1.store, fine, phone="13700000002")
    v1.sync()

    report = peer.sync()  # used to raise TypeError out of the round, on every round
    assert report.parked == 1
    names = {r["id"]: r["name"] for r in _workers(peer)}
    assert names[bad] == "钱二"  # the stored record is untouched
    assert {r["id"]: r["phone"] for r in _workers(peer)}[fine] == "13700000002"
    runner = peer.runner()
    [parked] = runner.parked()
    assert parked.record_id == bad and "数据有误" in parked.reason
    assert runner.status().parked == 1

    # Later rounds pull on; a corrected version releases the parked record.
    assert peer.sync().parked == 0
    edit_worker(v1.store, bad, name="钱二明")
    v1.sync()
    peer.sync()
    assert {r["id"]: r["name"] for r in _workers(peer)}[bad] == "钱二明"
    assert runner.parked() == []
    assert cli_main(["--data-dir", str(peer.data_dir), "sync-status"]) == 0
    assert "未写入" not in capsys.readouterr().out


def test_item_the_server_fails_on_is_isolated_by_halving_the_batch(
    stations: StationFactory, server: RunningServer
) -> None:
    village = "370883107204"
    v1 = stations("v1", village)
    ids = [register_worker(v1.store, village, cn_name("工人", i)) for i in range(11)]
    poison = register_worker(v1.store, village, SERVER_BUG)
    ids += [register_worker(v1.store, village, cn_name("工人", i)) for i in range(11, 20)]

    report = v1.sync()  # before: 500 on every round, nothing ever pushed again
    assert report.applied == 20 and report.rejected == 1
    on_server = server_records(server)
    assert set(ids) <= set(on_server) and poison not in on_server
    runner = v1.runner()
    [held] = runner.quarantined()
    assert held.record_id == poison
    assert rejection_reason(held.reason).startswith("服务器处理这条修改时出错（500）")
    assert "injected server fault" in server.log_text()

    # No new write needed for the next round; new writes go on flowing.
    assert v1.sync().pushed == 0
    edit_worker(v1.store, ids[0], phone="13600000000")
    assert v1.sync().applied == 1
    # 重试 while the server still fails: set aside again, the round still succeeds.
    assert runner.release_quarantined() == 1
    edit_worker(v1.store, ids[1], phone="13600000001")
    retry = v1.sync()
    assert (retry.applied, retry.rejected) == (1, 1)
    assert len(runner.quarantined()) == 1


def test_server_failing_on_everything_holds_nothing_back(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A server that fails on every push is broken, not poisoned: nothing is set aside,
    everything stays pending, and the broker sees the server's error."""
    for running in _server("sqlite", tmp_path, request, "*"):
        make = next(station_factory(running, tmp_path))
        v1 = make("v1", VILLAGE_1)
        for i in range(3):
            register_worker(v1.store, VILLAGE_1, cn_name("工人", i))
        report = SyncRunner(v1.store, policy=FAST).sync_once()
        assert isinstance(report.error, ServerError) and report.error.status == 500
        assert "服务器" in report.error.message
        status = v1.runner().status()
        assert (status.pending, status.quarantined) == (3, 0)
        v1.store.close()


def _workers(station: Any) -> list[dict[str, Any]]:
    from broker_app.services.listing import iter_records

    return list(iter_records(station.store, "workers", include_archived=True))
