"""Initial pull of a whole county to a new station (target: 400k workers in under 60 s).

    python benchmarks/sync_initial_pull.py [--workers 50000] [--db sqlite|postgres]
        [--keep FOLDER]

``--keep FOLDER`` (SQLite server only) builds the server's database in FOLDER once and
reuses it on later runs: building 400k workers (bulk load and push) takes far longer
than pulling them, so measure a change to the pull against the same files.

Set-up (not timed for the target, but reported): a county station bulk-loads N
synthetic workers and pushes them to a real server process. Timed: a new county
station enrols and runs one sync round that pulls everything (pages, per-field
merge, search keys, cursor per page), plus the statistics refresh after it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from sync_support import POLICY, database, new_station, people, server

from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.repositories import workers as repo

COUNTY = "370883000000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=50_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--keep", type=Path, help="build the server database here once")
    args = parser.parse_args()
    if args.keep and args.db != "sqlite":
        parser.error("--keep works with --db sqlite")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kept = args.keep / "channel.sqlite3" if args.keep else None
        with (
            nullcontext(f"sqlite:///{kept}") if kept else database(args.db, folder) as db_url,
            server(db_url, folder) as url,
        ):
            rows = people(args.workers, load_zoucheng().village_codes_in_scope(COUNTY))
            if kept is None or not (args.keep / "built").exists():
                build(args, db_url, url, folder, rows)
                if args.keep:
                    (args.keep / "built").write_text(str(args.workers))
            fresh = new_station(folder / "fresh", url, db_url, COUNTY)
            started = time.perf_counter()
            cpu = time.process_time()
            report = SyncRunner(fresh, policy=POLICY).sync_once()
            elapsed = time.perf_counter() - started
            # The station's own CPU time (all its threads): steadier than the wall
            # clock on a machine shared with other work.
            cpu = time.process_time() - cpu
            assert report.error is None, report.error
            assert report.written == args.workers, report
            hits = WorkerService(fresh).search_keys(
                RosterFilter(text=rows[0]["name"]), RosterSort()
            )
            assert hits, "pulled workers are searchable"
            verdict = "OK" if elapsed * 400_000 / args.workers < 60 else "OVER TARGET"
            print(
                f"initial pull: {report.pulled} records in {elapsed:.1f} s "
                f"({report.pulled / elapsed:.0f} records/s) [{args.db}] "
                f"target 400k < 60 s: {verdict}; station CPU {cpu:.1f} s"
            )
            fresh.truncate_log()
            size = sum(p.stat().st_size for p in (folder / "fresh").glob("*.sqlite3*"))
            print(f"station database: {size / 2**20:.0f} MiB; {space(fresh)}")
            fresh.close()


def space(store: Any) -> str:
    """The biggest tables and indexes of the station database (what its bytes buy)."""
    with store.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT name, SUM(pgsize) AS size FROM dbstat GROUP BY name ORDER BY size DESC LIMIT 8"
        )
        return ", ".join(f"{name} {size / 2**20:.1f}" for name, size in rows) + " MiB"


def build(args: argparse.Namespace, db_url: str, url: str, folder: Path, rows: list[Any]) -> None:
    source = new_station(folder / "source", url, db_url, COUNTY)
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
    source.close()


if __name__ == "__main__":
    main()
