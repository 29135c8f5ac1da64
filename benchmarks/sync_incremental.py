"""One incremental sync round: 100 local and 100 remote changes (target: under 1 s).

    python benchmarks/sync_incremental.py [--workers 20000] [--rounds 7] [--db sqlite|postgres]

Set-up: two county stations share N workers through a real server. Each timed
round: the other station edits 100 workers and syncs; this station edits 100 other
workers; then this station's round is timed (push 100, pull 200 = the remote 100 and
its own 100 coming back, conflicts and card keys refreshed).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sync_support import POLICY, database, median, new_station, people, percentile, server

from broker_app.domain.org.units import load_zoucheng
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.repositories import workers as repo
from broker_app.store.store import Store

COUNTY = "370883000000"
CHANGES = 100


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with database(args.db, folder) as db_url, server(db_url, folder) as url:
            here = new_station(folder / "here", url, db_url, COUNTY)
            there = new_station(folder / "there", url, db_url, COUNTY)
            rows = people(args.workers, load_zoucheng().village_codes_in_scope(COUNTY))
            with here.write() as session:
                ids = repo.bulk_create(here.writer(session), rows)
            for station in (here, there, here):
                assert SyncRunner(station, policy=POLICY).sync_once().error is None
            times = []
            for n in range(args.rounds):
                base = n * 2 * CHANGES
                remote_ids = ids[base : base + CHANGES]
                local_ids = ids[base + CHANGES : base + 2 * CHANGES]
                _edit(there, remote_ids, f"远端第{n}轮")
                assert SyncRunner(there, policy=POLICY).sync_once().error is None
                _edit(here, local_ids, f"本地第{n}轮")
                started = time.perf_counter()
                report = SyncRunner(here, policy=POLICY).sync_once()
                times.append(time.perf_counter() - started)
                assert report.error is None and report.applied == CHANGES, report
                assert report.written == CHANGES, report
            verdict = "OK" if percentile(times, 0.95) < 1 else "OVER TARGET"
            print(
                f"incremental round ({CHANGES} local + {CHANGES} remote changes, "
                f"{args.workers} workers) [{args.db}]: median {median(times) * 1000:.0f} ms, "
                f"p95 {percentile(times, 0.95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
                f"target < 1 s: {verdict}"
            )
            here.close()
            there.close()


def _edit(store: Store, worker_ids: list[str], note: str) -> None:
    service = WorkerService(store)
    for worker_id in worker_ids:
        service.edit(worker_id, {"notes": note})


if __name__ == "__main__":
    main()
