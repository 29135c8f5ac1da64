"""Roster store workloads at scale: bulk load and every search kind.

    python benchmarks/roster_store.py [--workers 100000] [--repeat 30]

Bulk load: N synthetic workers written through the bulk path (rows, search tokens,
one outbox entry each, statistics refresh) in one transaction; generating the people
is not timed. Search: for each kind, the two queries the roster runs per keystroke
(first page of 50 rows + the count), and separately the full ordered key list the
table model holds; p50 and p95 over --repeat runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.services.demo.data import _person, _villages_in_scope
from broker_app.services.settings.station import StationService
from broker_app.store.repositories import workers as repo
from broker_app.store.store import open_store


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        StationService(store).configure("370883000000")  # county: all 714 villages
        rng = random.Random(7)
        villages = _villages_in_scope("370883000000")
        today = date(2026, 11, 28)
        people, seen = [], set()
        while len(people) < args.workers:
            person = _person(rng, villages, today)
            if person["id_number"] not in seen:
                seen.add(person["id_number"])
                people.append(person)
        start = time.perf_counter()
        with store.write() as session:
            repo.bulk_create(store.writer(session), people)
        load = time.perf_counter() - start
        print(f"bulk load {args.workers} workers (+tokens, outbox, ANALYZE): {load:.2f} s")

        sample = people[rng.randrange(len(people))]
        one = sample["name"][0]
        two = sample["name"][:2]
        cases = {
            "name, 1 char": RosterFilter(text=one),
            "name, 2 chars": RosterFilter(text=two),
            "name, full": RosterFilter(text=sample["name"]),
            "name, no match": RosterFilter(text="龘"),
            "pinyin initials (2)": RosterFilter(text="wz"),
            "pinyin full": RosterFilter(text="zhangwei"),
            "pinyin, no match": RosterFilter(text="qqqq"),
            "ID suffix (6)": RosterFilter(text=sample["id_number"][-6:]),
            "ID suffix (4)": RosterFilter(text=sample["id_number"][-4:]),
            "phone prefix (7)": RosterFilter(text=sample["phone"][:7]),
            "phone suffix (4)": RosterFilter(text=sample["phone"][-4:]),
            "digits, no match": RosterFilter(text="00000000"),
            "village + status": RosterFilter(
                org_code=sample["org_code"], status=EmploymentStatus.UNEMPLOYED
            ),
            "township + priority": RosterFilter(
                org_code=sample["org_code"][:9] + "000", priority=PriorityGroup.POVERTY_ALLEVIATED
            ),
            "name 1 char + 脱贫": RosterFilter(text=one, priority=PriorityGroup.POVERTY_ALLEVIATED),
            "大龄 45-65": RosterFilter(priority=PriorityGroup.OLDER),
            "status, sort by age": RosterFilter(status=EmploymentStatus.EMPLOYED),
            "everything": RosterFilter(),
        }
        print(f"\n{'search kind':24s} {'matches':>8s} {'page+count p50':>15s} {'p95':>8s}"
              f" {'key list p50':>13s} {'p95':>8s}")  # fmt: skip
        for label, flt in cases.items():
            sort = RosterSort(SortKey.AGE) if "age" in label else RosterSort()
            shown, keys = [], []
            total = 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                with store.read() as session:
                    repo.page(session, flt, sort, 0, 50, today=today)
                    total = repo.count(session, flt, today=today)
                t1 = time.perf_counter()
                with store.read() as session:
                    repo.search_pks(session, flt, sort, today=today)
                t2 = time.perf_counter()
                shown.append((t1 - t0) * 1000)
                keys.append((t2 - t1) * 1000)
            print(
                f"{label:24s} {total:8d} {statistics.median(shown):13.2f}ms "
                f"{percentile(shown, 0.95):6.2f}ms {statistics.median(keys):11.2f}ms "
                f"{percentile(keys, 0.95):6.2f}ms"
            )
        store.close()


if __name__ == "__main__":
    main()
