"""A station clock years behind. Found by the sync simulation
(tests/reliability/sync_sim.py): the station refused to move its clock to
the stamps it pulled (more than 24 h ahead of its own wrong clock), so an edit made
after seeing a value was stamped years before it. The server kept the old value (and
logged the edit as lost) while the station kept its own: the two differed for good."""

from __future__ import annotations

import time

from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.store import Store, open_store
from sync.hlc import MAX_DRIFT_MS, HybridClock, Stamp
from tests.sync.conftest import FAST, TOWNSHIP, VILLAGE_1, Station, StationFactory
from tests.sync.records import edit_worker, register_worker

YEARS_4 = 4 * 365 * 86_400_000


def _wall() -> int:
    return time.time_ns() // 1_000_000 - YEARS_4


def test_a_stamp_vouched_for_by_the_server_is_adopted_whatever_the_wall_clock() -> None:
    clock = HybridClock("slow", wall_ms=lambda: 1_000)
    seen = Stamp(1_000 + 10 * MAX_DRIFT_MS, 3, "other").encode()
    clock.observe_trusted(seen)
    assert clock.now() > seen
    # Later remote stamps are judged against the time the server vouched for.
    assert clock.observe(Stamp(1_000 + 10 * MAX_DRIFT_MS + 5, 0, "other").encode())


def _sync(store: Store) -> None:
    report = SyncRunner(store, policy=FAST).sync_once()
    assert report.error is None, report.error.message_en


def _edit_and_check(village: Station, slow: Store, worker: str, notes: str) -> None:
    edit_worker(slow, worker, notes=notes)
    _sync(slow)
    _sync(slow)
    village.sync()
    assert WorkerService(village.store).details(worker)["notes"] == notes
    assert WorkerService(slow).details(worker)["notes"] == notes


def test_an_edit_on_a_station_years_behind_is_stamped_after_what_it_saw(
    shared_stations: StationFactory,
) -> None:
    village = shared_stations("village", VILLAGE_1)
    town = shared_stations("town", TOWNSHIP)
    town.store.clock = HybridClock(town.store.node_id, wall_ms=_wall)
    worker = register_worker(village.store, VILLAGE_1, "孟庆云")
    village.sync()
    town.sync()
    _edit_and_check(village, town.store, worker, "镇上核实过")
    # The program starts again and edits before its next sync: the clock resumes from
    # what this database has seen, not from the wrong wall clock.
    town.store.close()
    again = open_store(town.data_dir)
    try:
        again.clock = HybridClock(again.node_id, wall_ms=_wall)
        again._resume_clock()
        _edit_and_check(village, again, worker, "镇上又核实了一次")
    finally:
        again.close()
