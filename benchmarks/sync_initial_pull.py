"""Initial pull of a whole county to a new station (target: 50k workers in under 30 s).

    python benchmarks/sync_initial_pull.py [--workers 50000] [--db sqlite|postgres]

Set-up (not timed for the target, but reported): a county station bulk-loads N
synthetic workers and pushes them to a real server process. Timed: a new county
station enrols and runs one sync round that pulls everything (pages, per-field
merge, search keys, cursor per page), plus the statistics refresh after it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sync_support import POLICY, database, new_station, people, server

from broker_app.domain.orgunits import load_zoucheng
from broker_app.domain.roster_query import RosterFilter, RosterSort
from broker_app.services.sync_runner import SyncRunner
from broker_app.services.workers import WorkerService
from broker_app.store.repositories import workers as repo

COUNTY = "370883000000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=50_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with database(args.db, folder) as db_url, server(db_url, folder) as url:
            source = new_station(folder / "source", url, db_url, COUNTY)
            villages = load_zoucheng().village_codes_in_scope(COUNTY)
            rows = people(args.workers, villages)
            started = time.perf_counter()
            with source.write() as session:
                repo.bulk_create(source.writer(session), rows)
            loaded = time.perf_counter() - started
            started = time.perf_counter()
            pushed = SyncRunner(source, policy=POLICY).sync_once()
            push_time = time.perf_counter() - started
            assert pushed.error is None and pushed.applied == args.workers, pushed
            print(
                f"set-up: bulk load {args.workers} workers {loaded:.1f} s; push "
                f"{push_time:.1f} s ({args.workers / push_time:.0f} mutations/s) [{args.db}]"
            )

            fresh = new_station(folder / "fresh", url, db_url, COUNTY)
            started = time.perf_counter()
            report = SyncRunner(fresh, policy=POLICY).sync_once()
            elapsed = time.perf_counter() - started
            assert report.error is None, report.error
            assert report.written == args.workers, report
            hits = WorkerService(fresh).search_keys(
                RosterFilter(text=rows[0]["name"]), RosterSort()
            )
            assert hits, "pulled workers are searchable"
            verdict = "OK" if elapsed < 30 else "OVER TARGET"
            print(
                f"initial pull: {report.pulled} records in {elapsed:.1f} s "
                f"({report.pulled / elapsed:.0f} records/s) [{args.db}] target < 30 s: {verdict}"
            )
            source.close()
            fresh.close()


if __name__ == "__main__":
    main()
