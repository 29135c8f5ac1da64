"""A station joining with a big scope: progress of its first pull (records of the
total, time left) and resuming after the pull is killed at any point."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from broker_app.domain.people.name_pinyin import name_pinyin
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.demo.data import DemoDataService
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync import page_run
from broker_app.services.sync.apply import UNAPPLIABLE
from broker_app.services.sync.config import load_config, make_client
from broker_app.services.sync.replica import StoreReplica
from broker_app.store import pull_indexes
from broker_app.store.models import Worker
from broker_app.store.repositories import sync_state
from broker_app.store.store import Store, open_store
from broker_app.store.worker_search import FACET_FIELDS, facet_bits, worker_tokens
from sync.client.engine import SyncEngine
from sync.client.progress import PullMeter, time_left
from sync.protocol import PullPage
from tests.sync.conftest import (
    COUNTY,
    FAST,
    TOWNSHIP,
    VILLAGE_1,
    StationFactory,
    station_factory,
)
from tests.sync.records import snapshot
from tests.sync.server_process import RunningServer

ROOT = Path(__file__).resolve().parents[2]
#: Several pages of 1000 (workers with their follow-ups, trainings, cards, jobs).
WORKERS = 1200


@pytest.fixture(scope="module")
def township_data(
    shared_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[int]:
    """A township station with demo data pushed to the server (once per server);
    yields how many records its scope holds there."""
    make = station_factory(shared_server, tmp_path_factory.mktemp("township"))
    source = next(make)("source", TOWNSHIP)
    DemoDataService(source.store).generate(WORKERS, seed=18)
    assert source.sync().rejected == 0
    config = load_config(source.store)
    assert config is not None
    yield make_client(config, FAST).pull(0, 1, count=True)["remaining"]
    make.close()


def test_first_pull_says_records_of_the_total_and_time_left(
    shared_stations: StationFactory, township_data: int
) -> None:
    county = shared_stations("county", COUNTY)
    config = load_config(county.store)
    assert config is not None
    ticks = iter(range(0, 10_000, 3))  # a clock that advances 3 s per reading
    engine = SyncEngine(
        make_client(config, FAST),
        StoreReplica(county.store),
        pull_page=500,
        clock=lambda: float(next(ticks)),
    )
    said: list[tuple[float, str]] = []
    report = engine.run(progress=lambda f, m: said.append((f, m)))
    assert report.error is None and report.pulled == township_data
    pulling = [(f, m) for f, m in said if m.startswith("下载")]
    # Records done of the total the server counted, rising, then done.
    total = f"{report.pulled:,}"
    assert all(f"/{total} 条" in m for _f, m in pulling[:-1]), pulling
    assert [f for f, _m in pulling] == sorted(f for f, _m in pulling)
    assert pulling[-1][1] == f"下载 {total} 条，完成" and said[-1] == (1.0, "同步完成")
    assert any("约剩" in m for _f, m in pulling[:-1])
    # The indexes deferred during the pull were built once at its end, and said so.
    building = [i for i, (_f, m) in enumerate(said) if m.startswith("正在建立索引")]
    assert building and said.index(pulling[-1]) < building[0] < len(said) - 1
    assert indexes(county.store) == indexes_defined()
    # The time left counts that build too, and the build says its own time left.
    assert "约剩" in said[building[0]][1], said[building[0]]
    assert not staged_pinyin(county.store)  # the pinyin kept for the build is gone


def test_a_cancelled_pull_leaves_every_index_and_search_key_built(
    shared_stations: StationFactory, township_data: int
) -> None:
    """Deferred indexes are not left missing until the next round: a pull cancelled
    after its first page builds them before the round ends, and the next round goes on
    from the cursor (deferring again) to the same station as one pull."""
    county = shared_stations("cancelled", COUNTY)
    config = load_config(county.store)
    assert config is not None
    pages = iter(range(10_000))
    engine = SyncEngine(make_client(config, FAST), StoreReplica(county.store), pull_page=500)
    report = engine.run(cancel=lambda: next(pages) >= 2)  # two checks: push, one page
    assert report.cancelled and 0 < report.pulled < township_data
    assert indexes(county.store) == indexes_defined()
    with county.store.read() as session:
        assert pull_indexes.deferred_above(session) is None
        some = session.scalar(select(Worker.name).limit(1))
    assert WorkerService(county.store).search_keys(RosterFilter(text=some), RosterSort())
    rest = county.sync()
    assert report.pulled + rest.pulled == township_data
    assert indexes(county.store) == indexes_defined()
    assert_as_one_pull(shared_stations, county.store, "whole-for-cancelled")


def test_the_keys_built_at_the_end_are_each_workers_own(
    shared_stations: StationFactory, township_data: int
) -> None:
    """The deferred build makes the search keys once per distinct name, from the
    pinyin kept while applying: each worker ends with exactly the keys (and facets)
    that a worker saved on its own gets, no more, no fewer."""
    county = shared_stations("keys", COUNTY)
    assert county.sync().pulled == township_data
    with county.store.read() as session:
        flags = [getattr(Worker, name) for name in FACET_FIELDS]
        workers = session.execute(
            select(Worker.pk, Worker.name, Worker.id_number, Worker.phone, *flags)
        ).all()
        stored = session.execute(text("SELECT token, worker_pk, facets FROM worker_search"))
        held = {(token, pk, facets) for token, pk, facets in stored}
    names = {name for _pk, name, *_rest in workers}
    assert len(names) < len(workers)  # names shared by several workers
    expected = {
        (token, pk, facet_bits(*flagged))
        for pk, name, id_number, phone, *flagged in workers
        for token in worker_tokens(name, id_number, phone or "")
    }
    assert held == expected


def test_pages_of_a_large_pull_go_in_runs_that_commit_together(
    shared_stations: StationFactory, township_data: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a large pull defers its indexes, a page whose next page has arrived shares
    one transaction with it (what another connection sees moves by whole runs); the
    page that starts the deferral commits alone, and a run never waits open for a
    page still on the network. The station ends as one that pulled page by page."""
    # A run's time limit out of the way: a loaded machine must not end a run early.
    monkeypatch.setattr(page_run, "RUN_SECONDS", 3600.0)
    county = shared_stations("runs", COUNTY)
    pages = all_pages(county, 400)
    assert len(pages) >= 4
    replica = StoreReplica(county.store)
    for page in pages[:3]:
        replica.prepare(page)  # fetched ahead, as the engine fetches them
    replica.apply_page(pages[0])
    assert committed_cursor(county.store) == pages[0]["cursor"]  # the deferral, alone
    replica.apply_page(pages[1])
    assert committed_cursor(county.store) == pages[0]["cursor"]  # a run, open
    replica.apply_page(pages[2])  # the next page is not here yet: the run commits
    assert committed_cursor(county.store) == pages[2]["cursor"]
    for page in pages[3:]:
        replica.prepare(page)
        replica.apply_page(page)
    assert committed_cursor(county.store) == pages[-1]["cursor"]  # the last page ends it
    replica.finish_pull(lambda _message: None)
    assert_as_one_pull(shared_stations, county.store, "whole-for-runs")


def test_a_page_that_fails_inside_a_run_is_undone_alone(
    shared_stations: StationFactory, township_data: int
) -> None:
    """A page that cannot be applied as a whole (a record of another program's making)
    is undone to its savepoint and applied record by record: the pages before it in
    the run stand, the bad record is parked, every other record is stored."""
    county = shared_stations("failing-run", COUNTY)
    pages = all_pages(county, 400)
    bad = next(r for r in pages[2]["records"] if r["type"] == Worker.record_type)
    bad["fields"]["name"] = {"given": "二", "family": "钱"}  # an object, not a name
    replica = StoreReplica(county.store)
    for page in pages:
        replica.prepare(page)
    for page in pages:
        replica.apply_page(page)
    replica.finish_pull(lambda _message: None)
    assert committed_cursor(county.store) == pages[-1]["cursor"]
    with county.store.read() as session:
        parked = {p.record_id: p.missing_id for p in sync_state.parked_entries(session)}
    # The bad record, and its follow-ups waiting for it.
    assert parked.pop(bad["id"]) == UNAPPLIABLE
    assert set(parked.values()) <= {bad["id"]}
    whole = shared_stations("whole-for-failing-run", COUNTY)
    whole.sync()
    expected = {
        key: record
        for key, record in snapshot(whole.store).items()
        if key[1] != bad["id"] and key[1] not in parked
    }
    assert snapshot(county.store) == expected
    assert len(expected) == township_data - 1 - len(parked)


def test_an_edit_here_is_let_in_between_runs(
    shared_stations: StationFactory, township_data: int
) -> None:
    """A broker's edit during a county's first pull waits for the open run at most: the
    run commits once the edit waits for the write lock, and the next run lets it in
    first (SQLite would otherwise let the pull, which begins again at once, keep it
    waiting until it times out)."""
    county = shared_stations("edit-between-runs", COUNTY)
    pages = all_pages(county, 400)
    replica = StoreReplica(county.store)
    for page in pages:
        replica.prepare(page)
    replica.apply_page(pages[0])
    replica.apply_page(pages[1])  # a run is open
    with county.store.read() as session:
        worker_id = session.scalar(select(Worker.id).limit(1))
    assert worker_id is not None
    edit = threading.Thread(
        target=lambda: WorkerService(county.store).edit(worker_id, {"phone": "13912345678"})
    )
    edit.start()
    while not county.store.writers_waiting():
        time.sleep(0.01)
    replica.apply_page(pages[2])  # the run sees the edit waiting and commits
    replica.apply_page(pages[3])  # the next run begins once the edit has the lock
    edit.join(timeout=10)
    assert not edit.is_alive()
    for page in pages[4:]:
        replica.apply_page(page)
    replica.finish_pull(lambda _message: None)
    assert WorkerService(county.store).details(worker_id)["phone"] == "13912345678"
    assert committed_cursor(county.store) == pages[-1]["cursor"]


def test_a_village_is_told_only_its_own_records(
    shared_stations: StationFactory, township_data: int
) -> None:
    village = shared_stations("village", VILLAGE_1)
    config = load_config(village.store)
    assert config is not None
    page = make_client(config, FAST).pull(0, 1, count=True)
    with village.store.read() as session:
        assert sync_state.cursor(session) == 0
    report = village.sync()
    assert page["remaining"] == report.pulled < township_data
    # Not asked, not counted (every later page of a round).
    assert "remaining" not in make_client(config, FAST).pull(0, 1)


def test_a_pull_killed_at_any_point_resumes_and_converges(
    shared_server: RunningServer,
    shared_stations: StationFactory,
    township_data: int,
    tmp_path: Path,
) -> None:
    """The ``sync`` command is killed (SIGKILL) right after it printed its first
    progress line, mid-pull; the next ``sync`` goes on from the stored cursor and the
    station ends with exactly what a station that pulled in one go holds."""
    county = shared_stations("county", COUNTY)
    county.store.close()
    command = [sys.executable, "-m", "broker_app", "--data-dir", str(county.data_dir), "sync"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    first = process.stderr.readline()
    helpers = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert "下载" in first and "/" in first, first  # records done of the total
    # The helper process of the large pull (pinyin beside the applying) does not stay
    # behind on the PC when the program is killed.
    assert helpers, "a pull this large has a helper process"
    assert all_gone(helpers), [pid for pid in helpers if alive(pid)]

    store = open_store(county.data_dir)
    try:
        with store.read() as session:
            stopped_at = sync_state.cursor(session)
            half = session.scalar(select(func.count()).select_from(Worker))
            deferred = pull_indexes.deferred_above(session)
        assert stopped_at > 0 and half is not None and half < WORKERS  # really mid-pull
        # Killed while its indexes were deferred: the mark says so, and they are gone.
        assert deferred == 0 and indexes(store) < indexes_defined()
        # The pinyin of the workers pulled so far is kept for their search keys (with
        # the row it was computed for), in the pages' own transactions.
        with store.read() as session:
            pulled_workers = set(session.scalars(select(Worker.pk)))
        staged = staged_pinyin(store)
        assert staged and set(staged) == pulled_workers
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "完成" in done.stderr.splitlines()[-1]
        whole = shared_stations("whole", COUNTY)
        whole.sync()
        assert snapshot(store) == snapshot(whole.store)
        assert indexes(store) == indexes(whole.store) == indexes_defined()
        assert search_keys(store) == search_keys(whole.store)
        assert not staged_pinyin(store) and not staged_pinyin(whole.store)
        with store.read() as session:
            assert pull_indexes.deferred_above(session) is None
            assert session.scalar(select(func.count()).select_from(Worker)) == WORKERS
            some = session.scalar(select(Worker.name).limit(1))
        hits = WorkerService(store).search_keys(RosterFilter(text=some), RosterSort())
        assert hits, "pulled workers are searchable"
    finally:
        store.close()


def test_a_worker_renamed_during_a_deferred_pull_is_found_by_the_new_name(
    shared_stations: StationFactory, township_data: int
) -> None:
    """The pinyin kept while the pages are applied was computed for the name then:
    a worker renamed here before the build gets the new name's search keys (and not
    the old name's), like a station that pulled first and renamed after."""
    county = shared_stations("renamed", COUNTY)
    config = load_config(county.store)
    assert config is not None
    pages = iter(range(10_000))
    replica = StoreReplica(county.store)
    finish = replica.finish_pull
    replica.finish_pull = lambda say: None  # type: ignore[method-assign]
    engine = SyncEngine(make_client(config, FAST), replica, pull_page=500)
    engine.run(cancel=lambda: next(pages) >= 2)  # push, one page; build not run yet
    with county.store.read() as session:
        assert pull_indexes.deferred_above(session) is not None
        first = session.execute(select(Worker.pk, Worker.id, Worker.name)).first()
    assert first is not None
    pk, worker_id, old = first
    assert pk in staged_pinyin(county.store)
    service = WorkerService(county.store)
    service.edit(worker_id, {"name": "欧阳修远"})
    finish(lambda _message: None)
    assert not staged_pinyin(county.store)
    assert pk in service.search_keys(RosterFilter(text="ouyangxiuyuan"), RosterSort())
    assert pk in service.search_keys(RosterFilter(text="修远"), RosterSort())
    for gone in (old, name_pinyin(old).full[0]):  # neither the old name nor its pinyin
        assert pk not in service.search_keys(RosterFilter(text=gone), RosterSort()), gone


def test_time_left_reads_like_a_person_says_it() -> None:
    assert [time_left(s) for s in (0.2, 8, 59.4, 61, 3599, 3900)] == [
        "1 秒", "8 秒", "59 秒", "1 分钟", "1 小时", "1 小时 5 分钟",
    ]  # fmt: skip
    meter = PullMeter(total=400_000, started=0.0)
    meter.done = 100_000
    assert meter.progress(10.0) == (0.25, "下载 100,000/400,000 条，约剩 30 秒")
    # No estimate in the first seconds, none without a total, never past 99% early.
    assert meter.progress(1.0) == (0.25, "下载 100,000/400,000 条")
    assert PullMeter(total=None, started=0.0).progress(5.0) == (0.0, "下载 0 条")
    meter.done = 400_100
    assert meter.progress(20.0)[0] == 0.99
    # With the build after the pull (a share of the pull's time) in the estimate.
    building = PullMeter(total=400_000, started=0.0, done=100_000, finish_share=0.5)
    assert building.progress(10.0) == (0.25, "下载 100,000/400,000 条，约剩 50 秒")
    assert building.finish_seconds(40.0) == 20.0 and meter.finish_seconds(40.0) is None


def indexes(store: Store) -> set[str]:
    """Names of the indexes on the tables a pull writes (SQLite's own left out)."""
    tables = {table.name for table in pull_indexes.pulled_tables()}
    with store.read() as session:
        rows = session.execute(
            text("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql NOT NULL")
        )
        return {name for name, table in rows if table in tables}


def indexes_defined() -> set[str]:
    """The indexes the models define on those tables (each must exist after a pull)."""
    return {str(index.name) for table in pull_indexes.pulled_tables() for index in table.indexes}


def search_keys(store: Store) -> set[tuple[str, str]]:
    """Every search key as (token, worker id): the same people findable the same way."""
    with store.read() as session:
        rows = session.execute(
            text("SELECT s.token, w.id FROM worker_search s JOIN worker w ON w.pk = s.worker_pk")
        )
        return {(token, worker_id) for token, worker_id in rows}


def staged_pinyin(store: Store) -> dict[int, str]:
    """Row number -> name of the pinyin kept for a deferred build ({} when none)."""
    with store.read() as session:
        there = session.scalar(
            text("SELECT count(*) FROM sqlite_master WHERE name = :n"), {"n": pull_indexes.STAGE}
        )
        if not there:
            return {}
        rows = session.execute(text(f"SELECT pk, name FROM {pull_indexes.STAGE}"))
        return {pk: name for pk, name in rows}


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux: from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def all_gone(pids: list[int], within: float = 15.0) -> bool:
    deadline = time.monotonic() + within
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def all_pages(station: Any, size: int) -> list[PullPage]:
    """Every page of the station's first pull, fetched from the server (the first one
    says how many records are coming)."""
    config = load_config(station.store)
    assert config is not None
    client = make_client(config, FAST)
    pages = [client.pull(0, size, count=True)]
    while pages[-1]["has_more"]:
        pages.append(client.pull(pages[-1]["cursor"], size))
    return pages


def committed_cursor(store: Store) -> int:
    """The cursor another connection sees (what has been committed)."""
    with store.read() as session:
        return sync_state.cursor(session)


def assert_as_one_pull(shared_stations: StationFactory, store: Store, label: str) -> None:
    """``store`` holds what a county station that pulled in one go holds, and finds it
    the same way."""
    whole = shared_stations(label, COUNTY)
    whole.sync()
    assert snapshot(store) == snapshot(whole.store)
    assert search_keys(store) == search_keys(whole.store)
