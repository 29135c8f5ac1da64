"""Many lightweight stations against one channel server, and the check of what they saw.

Each station enrols for real (a one-time code issued by the county, then the HTTP
enrol call) and then speaks the protocol directly: it pushes batches of new workers
and pulls pages after its cursor, without a desktop store, so hundreds of them fit in
one process. Every station pushes and pulls at the same time as the others; at the
end each pulls once more and ``SwarmResult.problems`` lists every lost, duplicated,
skipped or out-of-order change. Records are only ever created, never changed, so a
record a station should hold but never received was skipped by its cursor.

Used by the multi-process server test and by ``benchmarks/sync_county_load.py``.
"""

from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from broker_app.domain.org.units import OrgDirectory, load_zoucheng
from broker_app.services.demo.data import _person
from broker_app.store.wire import to_wire
from sync.client.api import ChannelClient
from sync.client.http import RetryPolicy, make_session
from sync.hlc import HybridClock
from sync.ids import uuid7
from sync.protocol import Mutation
from sync.schema import WORKER
from sync.server.db import ServerDB
from sync.server.deps import utc_now
from sync.server.models import Record
from sync.server.stations import issue_code

POLICY = RetryPolicy(attempts=3, base_delay=0.2, max_delay=1.0, read_timeout=120)
PULL_LIMIT = 500


def county_units(directory: OrgDirectory | None = None) -> list[str]:
    """Every unit of 邹城 that runs a station: 714 villages, 16 townships, the county."""
    directory = directory or load_zoucheng()
    county = directory.county.code
    return [
        *directory.village_codes_in_scope(county),
        *(t.code for t in directory.townships()),
        county,
    ]


def a_village_of(directory: OrgDirectory, org_code: str) -> str:
    """Where a station's new workers live: itself for a village, else its first village."""
    return directory.village_codes_in_scope(org_code)[0]


@dataclass
class SimStation:
    org_code: str
    home: str  # the village its new workers belong to
    client: ChannelClient
    clock: HybridClock
    cursor: int = 0
    pulled: dict[str, int] = field(default_factory=dict)  # record id -> seq received at
    pushed: list[str] = field(default_factory=list)
    first_batch: list[Mutation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    push_seconds: list[float] = field(default_factory=list)
    pull_seconds: list[float] = field(default_factory=list)

    def push(self, people: Sequence[dict[str, Any]]) -> None:
        batch = [self._create(person) for person in people]
        started = time.perf_counter()
        results = self.client.push(batch)
        self.push_seconds.append(time.perf_counter() - started)
        for result in results:
            if result["status"] != "applied":
                self.problems.append(f"{self.org_code}: push answered {result}")
        self.pushed += [m["record_id"] for m in batch]
        if not self.first_batch:
            self.first_batch = batch

    def pull_all(self) -> None:
        """Pages after the cursor until the server has no more."""
        while True:
            started = time.perf_counter()
            page = self.client.pull(self.cursor, PULL_LIMIT)
            self.pull_seconds.append(time.perf_counter() - started)
            for record in page["records"]:
                if record["seq"] <= self.cursor:
                    self.problems.append(f"{self.org_code}: seq {record['seq']} not after cursor")
                if record["id"] in self.pulled:
                    self.problems.append(f"{self.org_code}: {record['id']} delivered twice")
                self.pulled[record["id"]] = record["seq"]
            if page["cursor"] < self.cursor:
                self.problems.append(f"{self.org_code}: cursor went back to {page['cursor']}")
            self.cursor = page["cursor"]
            if not page["has_more"]:
                return

    def _create(self, person: dict[str, Any]) -> Mutation:
        fields = {name: to_wire(value) for name, value in person.items()}
        fields.update(org_code=self.home, archived=False)
        return {
            "mutation_id": uuid7(),
            "record_type": WORKER,
            "record_id": uuid7(),
            "op": "create",
            "fields": fields,
            "hlc": self.clock.now(),
        }


@dataclass
class SwarmResult:
    stations: int
    records: int
    seconds: float
    push_requests: int
    pull_requests: int
    push_latencies: list[float]
    pull_latencies: list[float]
    problems: list[str]


def enrol_swarm(
    url: str, db_url: str, org_codes: Sequence[str], concurrency: int = 32
) -> list[SimStation]:
    """One station per unit: codes issued in one transaction, then enrolled over HTTP."""
    directory = load_zoucheng()
    db = ServerDB(db_url)
    try:
        with db.write() as session:
            codes = [issue_code(session, org, "", utc_now())[1] for org in org_codes]
    finally:
        db.dispose()

    def enrol(org: str, code: str) -> SimStation:
        node = uuid7()
        client = ChannelClient(url, make_session(), policy=POLICY)
        client.credential = client.enrol(code, node).credential
        return SimStation(org, a_village_of(directory, org), client, HybridClock(node))

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(enrol, org_codes, codes))


def unique_people(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Worker-shaped records with distinct ID numbers (the server flags shared ones)."""
    rng = random.Random(seed)
    villages = load_zoucheng().village_codes_in_scope("370883000000")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(out) < count:
        person = _person(rng, villages, date(2026, 11, 28))
        if person["id_number"] not in seen:
            seen.add(person["id_number"])
            out.append(person)
    return out


def run_swarm(
    stations: Sequence[SimStation],
    db_url: str,
    *,
    rounds: int,
    batch: int,
    concurrency: int,
    timeout: float,
    on_round: Callable[[], None] | None = None,
) -> SwarmResult:
    """Every station pushes ``rounds`` batches and pulls after each, all at once; then
    each pulls to the end and the result lists every broken promise."""
    people = unique_people(len(stations) * rounds * batch)
    start_line = threading.Barrier(min(concurrency, len(stations)), timeout=120)

    def work(n: int, station: SimStation) -> None:
        if n < concurrency:
            start_line.wait()  # the first wave starts together
        for r in range(rounds):
            first = (n * rounds + r) * batch
            station.push(people[first : first + batch])
            station.pull_all()
            if on_round is not None:
                on_round()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(work, n, s) for n, s in enumerate(stations)]
        done, not_done = wait(futures, timeout=timeout)
        if not_done:
            raise TimeoutError(f"{len(not_done)} stations still working after {timeout} s")
        for future in done:
            future.result()
    seconds = time.perf_counter() - started
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(SimStation.pull_all, stations))
    problems = [p for s in stations for p in s.problems]
    problems += _check(stations, db_url)
    return SwarmResult(
        stations=len(stations),
        records=sum(len(s.pushed) for s in stations),
        seconds=seconds,
        push_requests=sum(len(s.push_seconds) for s in stations),
        pull_requests=sum(len(s.pull_seconds) for s in stations),
        push_latencies=[t for s in stations for t in s.push_seconds],
        pull_latencies=[t for s in stations for t in s.pull_seconds],
        problems=problems,
    )


def _check(stations: Sequence[SimStation], db_url: str) -> list[str]:
    directory = load_zoucheng()
    problems: list[str] = []
    home_of = {rid: s.home for s in stations for rid in s.pushed}
    if len(home_of) != sum(len(s.pushed) for s in stations):
        problems.append("the same record id was pushed twice")
    db = ServerDB(db_url)
    try:
        with db.read() as session:
            stored = session.scalar(
                select(func.count()).select_from(Record).where(Record.record_type == WORKER)
            )
            distinct_seqs = session.scalar(select(func.count(func.distinct(Record.seq))))
            total = session.scalar(select(func.count()).select_from(Record))
    finally:
        db.dispose()
    if stored != len(home_of):
        problems.append(f"server holds {stored} workers, {len(home_of)} were pushed")
    if distinct_seqs != total:
        problems.append("two records share a change sequence")
    by_village: dict[str, set[str]] = defaultdict(set)
    for rid, home in home_of.items():
        by_village[home].add(rid)
    for station in stations:
        villages = directory.village_codes_in_scope(station.org_code)
        expected = set().union(*(by_village[v] for v in villages if v in by_village))
        missing = expected - station.pulled.keys()
        extra = station.pulled.keys() - expected
        if missing:
            problems.append(f"{station.org_code}: {len(missing)} changes never pulled (skipped)")
        if extra:
            problems.append(f"{station.org_code}: {len(extra)} records outside what was pushed")
    # A push repeated (a lost answer) changes nothing: every item is a duplicate.
    for station in stations[:: max(1, len(stations) // 20)]:
        again = station.client.push(station.first_batch)
        if any(r["status"] != "duplicate" for r in again):
            problems.append(f"{station.org_code}: a repeated push was not a duplicate")
    return problems
