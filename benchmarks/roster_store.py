"""Roster store workloads at scale: bulk load and every search kind.

    python benchmarks/roster_store.py [--workers 100000] [--repeat 30] [--data-dir DIR]

Bulk load: N synthetic workers written through the bulk path (rows, search tokens,
one outbox entry each, statistics refresh) in one transaction; generating the people
is not timed. Search: for each kind, the first page of 50 rows + the count, and
separately what the roster table reads per search: the count and the first keys
in order (``FIRST_KEYS``, 200) (before the chunked keys: the full ordered key list); p50 and p95
over --repeat runs, of the wall clock and of the CPU time of the thread.

``--data-dir DIR`` keeps the county station in DIR: the first run builds and times
the load, later runs reuse it (the sample worker is then read from the database), so
two builds of the code can be compared on one station.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.services.demo.data import _person, _villages_in_scope
from broker_app.services.roster import workers as roster_service
from broker_app.services.settings.station import StationService
from broker_app.store.repositories import workers as repo
from broker_app.store.store import open_store


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


@contextmanager
def timed(into: list[tuple[float, float]]) -> Iterator[None]:
    """Append (wall ms, this thread's CPU ms): on a shared machine the wall clock
    also counts the time other jobs held the core; the CPU time is the work done."""
    wall, cpu = time.perf_counter(), time.thread_time()
    yield
    into.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))


FIRST_KEYS = getattr(roster_service, "FIRST_KEYS", 0)


def table_search(session: Any, flt: RosterFilter, sort: RosterSort, today: date) -> None:
    """What the roster table reads for one search."""
    keys_at = getattr(repo, "keys_at", None)
    if keys_at is None:  # before the chunked keys: the whole ordered list
        repo.search_pks(session, flt, sort, today=today)
        return
    total = repo.count(session, flt, today=today)
    keys_at(session, flt, sort, 0, min(FIRST_KEYS, total), today=today)


def build(store: Any, workers: int, rng: random.Random, today: date) -> Any:
    """A county station with ``workers`` synthetic workers; returns a sample row."""
    StationService(store).configure("370883000000")  # county: all 714 villages
    villages = _villages_in_scope("370883000000")
    people: list[Any] = []
    seen: set[Any] = set()
    while len(people) < workers:
        person = _person(rng, villages, today)
        if person["id_number"] not in seen:
            seen.add(person["id_number"])
            people.append(person)
    start, cpu = time.perf_counter(), time.process_time()
    with store.write() as session:
        repo.bulk_create(store.writer(session), people)
    load, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"bulk load {workers} workers (+tokens, outbox, ANALYZE): {load:.2f} s, CPU {cpu:.2f} s")
    picked = people[rng.randrange(len(people))]
    with store.read() as session:
        found = repo.find_by_id_number(session, picked["id_number"])
        assert found is not None
        (row,) = repo.rows_by_pks(session, [found.pk]).values()
    return SimpleNamespace(**dict(zip(repo.ROW_FIELDS, row, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--data-dir", type=Path, help="build once into DIR, reuse later")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data_dir or Path(tmp)
        store = open_store(folder)
        rng = random.Random(7)
        today = date(2026, 11, 28)
        with store.read() as session:
            built = repo.any_exist(session)
        if built:
            with store.read() as session:
                total = repo.count(session, RosterFilter(include_archived=True))
                (row,) = repo.rows_by_pks(session, [rng.randrange(total) + 1]).values()
            sample = SimpleNamespace(**dict(zip(repo.ROW_FIELDS, row, strict=True)))
            print(f"reusing the station in {folder}: {total} workers")
        else:
            sample = build(store, args.workers, rng, today)

        one = sample.name[0]
        two = sample.name[:2]
        cases = {
            "name, 1 char": RosterFilter(text=one),
            "name, 2 chars": RosterFilter(text=two),
            "name, full": RosterFilter(text=sample.name),
            "name, no match": RosterFilter(text="龘"),
            "pinyin initials (2)": RosterFilter(text="wz"),
            "pinyin full": RosterFilter(text="zhangwei"),
            "pinyin, no match": RosterFilter(text="qqqq"),
            "pinyin li": RosterFilter(text="li"),
            "pinyin l": RosterFilter(text="l"),
            "pinyin wang": RosterFilter(text="wang"),
            "pinyin zhang": RosterFilter(text="zhang"),
            "ID suffix (6)": RosterFilter(text=sample.id_number[-6:]),
            "ID suffix (4)": RosterFilter(text=sample.id_number[-4:]),
            "phone prefix (7)": RosterFilter(text=sample.phone[:7]),
            "phone suffix (4)": RosterFilter(text=sample.phone[-4:]),
            "digits, no match": RosterFilter(text="00000000"),
            "village + status": RosterFilter(
                org_code=sample.org_code, status=EmploymentStatus.UNEMPLOYED
            ),
            "township + priority": RosterFilter(
                org_code=sample.org_code[:9] + "000", priority=PriorityGroup.POVERTY_ALLEVIATED
            ),
            "name 1 char + 脱贫": RosterFilter(text=one, priority=PriorityGroup.POVERTY_ALLEVIATED),
            "王 + 脱贫": RosterFilter(text="王", priority=PriorityGroup.POVERTY_ALLEVIATED),
            "大龄 45-65": RosterFilter(priority=PriorityGroup.OLDER),
            "status, sort by age": RosterFilter(status=EmploymentStatus.EMPLOYED),
            "everything": RosterFilter(),
        }
        print(f"\n{'search kind':22s} {'matches':>7s} {'page+count p50':>14s} {'p95':>7s}"
              f" {'CPU p50':>8s} {'p95':>7s} {'table p50':>10s} {'p95':>7s}"
              f" {'CPU p50':>8s} {'p95':>7s}")  # fmt: skip
        for label, flt in cases.items():
            sort = RosterSort(SortKey.AGE) if "age" in label else RosterSort()
            shown: list[tuple[float, float]] = []
            keys: list[tuple[float, float]] = []
            total = 0
            for _ in range(args.repeat):
                with timed(shown), store.read() as session:
                    repo.page(session, flt, sort, 0, 50, today=today)
                    total = repo.count(session, flt, today=today)
                with timed(keys), store.read() as session:
                    table_search(session, flt, sort, today)
            figures = "".join(
                f" {statistics.median(t[i] for t in runs):7.2f}ms "
                f"{percentile([t[i] for t in runs], 0.95):6.2f}ms"
                for runs in (shown, keys)
                for i in (0, 1)
            )
            print(f"{label:22s} {total:7d}{figures}")
        store.close()


if __name__ == "__main__":
    main()
