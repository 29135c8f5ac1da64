"""Initial pull of a whole county to a new station (target: 400k workers in under 60 s).

    python benchmarks/sync_initial_pull.py [--workers 50000] [--db sqlite|postgres]
        [--keep FOLDER [--build-only]] [--random-ids] [--profile FILE]

``--keep FOLDER`` builds the server's database once and reuses it on later runs (SQLite:
the files in FOLDER; PostgreSQL: a database whose name FOLDER keeps, not dropped):
building 400k workers (bulk load and push) takes far longer than pulling them, so
measure a change to the pull against the same data. ``--profile FILE`` writes a
cProfile of the station's thread (where the applying goes). ``--random-ids`` builds the
server's records with random ids instead of the time-ordered ones stations make
(``sync_seed``): the worst case for the station's id indexes.

Besides the wall clock and the station's CPU, it prints where the round's time went:
applying pages on the station, waiting for the next page (the server assembling and
sending it, beyond what overlapped the applying), and the work deferred to the end of
the pull (indexes and search keys built once).

Set-up (not timed for the target, but reported): N synthetic workers with their
follow-ups, trainings, rights cards and the cards' projects are stored in the server's
database through the server's own push code (``sync_seed``: the same rows a county
station's push of them would store; pushing 400k over HTTP took over 20 minutes here),
and a real server process serves them. Timed: a new county
station enrols and runs one sync round that pulls everything (pages, per-field
merge, search keys, cursor per page), plus the statistics refresh after it. Besides
the station's CPU it prints the server process's CPU during the pull: the two share
the machine's 2 cores.
"""

from __future__ import annotations

import argparse
import cProfile
import resource
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sync_seed import seed
from sync_support import (
    PG_DSN,
    POLICY,
    database,
    enrolment_code,
    new_station,
    people,
    server,
    server_cpu,
)

from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.enrol import enrol
from broker_app.services.sync.replica import StoreReplica
from broker_app.services.sync.runner import SyncRunner
from broker_app.store.store import open_store
from sync.client.api import ChannelClient
from sync.server.db import ServerDB
from sync.server.models import Record

COUNTY = "370883000000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=50_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--keep", type=Path, help="build the server database once, keep it")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the station here")
    parser.add_argument(
        "--build-only", action="store_true", help="with --keep: build the server database, stop"
    )
    parser.add_argument(
        "--random-ids",
        action="store_true",
        help="build with random (v4) record ids, which no station makes: the worst case",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with (
            kept_database(args.db, args.keep) if args.keep else database(args.db, folder) as db_url,
            server(db_url, folder) as url,
        ):
            rows = people(args.workers, load_zoucheng().village_codes_in_scope(COUNTY))
            if args.keep is None or not (args.keep / "built").exists():
                build(args, db_url, url, folder, rows)
                if args.keep:
                    ids = "random" if args.random_ids else "time-ordered"
                    (args.keep / "built").write_text(f"{args.workers} workers, {ids} ids")
            if args.keep:
                print(f"server database kept in {args.keep}: {(args.keep / 'built').read_text()}")
            if args.build_only:
                return
            records = server_records(db_url)
            fresh = new_station(folder / "fresh", url, db_url, COUNTY)
            timer = Timer()
            # The process already holds the generated people (kept to check a search):
            # the pull's own memory is what the peak rises above this.
            before = resident_mib()
            profile = cProfile.Profile() if args.profile else None
            started = time.perf_counter()
            cpu = time.process_time()
            helped = children_cpu()
            served = server_cpu()
            with timer.installed():
                if profile:
                    profile.enable()
                report = SyncRunner(fresh, policy=POLICY).sync_once()
                if profile:
                    profile.disable()
            elapsed = time.perf_counter() - started
            # The station's own CPU time (all its threads): steadier than the wall
            # clock on a machine shared with other work.
            cpu = time.process_time() - cpu
            # The pull's helper process (pinyin and search keys beside the applying),
            # ended with the pull.
            helped = children_cpu() - helped
            served = server_cpu() - served
            if profile and args.profile:
                profile.dump_stats(args.profile)
            assert report.error is None, report.error
            assert report.written == records, (report, records)
            hits = WorkerService(fresh).search_keys(
                RosterFilter(text=rows[0]["name"]), RosterSort()
            )
            assert hits, "pulled workers are searchable"
            verdict = "OK" if elapsed * 400_000 / args.workers < 60 else "OVER TARGET"
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"initial pull: {report.pulled} records in {elapsed:.1f} s "
                f"({report.pulled / elapsed:.0f} records/s) [{args.db}] "
                f"target 400k < 60 s: {verdict}; station CPU {cpu:.1f} s "
                f"(and its helper process {helped:.1f} s); server CPU {served:.1f} s; "
                f"station peak memory {peak:.0f} MiB ({peak - before:.0f} MiB above the "
                f"{before:.0f} MiB the process held before the pull)"
            )
            print(timer.summary(elapsed))
            fresh.truncate_log()
            size = sum(p.stat().st_size for p in (folder / "fresh").glob("*.sqlite3*"))
            print(f"station database: {size / 2**20:.0f} MiB; {space(fresh)}")
            fresh.close()


class Timer:
    """Adds up the time of the round's steps by wrapping them for one run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    @contextmanager
    def installed(self) -> Iterator[None]:
        wrapped = [
            (ChannelClient, "pull", "fetch"),
            (StoreReplica, "apply_page", "apply"),
            (StoreReplica, "finish_pull", "deferred"),
        ]
        saved = []
        for owner, name, label in wrapped:
            original = getattr(owner, name, None)
            if original is None:
                continue
            saved.append((owner, name, original))
            setattr(owner, name, self._timed(original, label))
        try:
            yield
        finally:
            for owner, name, original in saved:
                setattr(owner, name, original)

    def _timed(self, function: Any, label: str) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started
                self.calls[label] = self.calls.get(label, 0) + 1

        return timed

    def summary(self, elapsed: float) -> str:
        apply = self.seconds.get("apply", 0.0)
        deferred = self.seconds.get("deferred", 0.0)
        return (
            f"where the time went: applying {self.calls.get('apply', 0)} pages {apply:.1f} s, "
            f"deferred indexes and search keys {deferred:.1f} s, the rest "
            f"(waiting for pages; the round's other requests) {elapsed - apply - deferred:.1f} s; "
            f"fetching pages in the background {self.seconds.get('fetch', 0.0):.1f} s"
        )


@contextmanager
def kept_database(kind: str, keep: Path) -> Iterator[str]:
    """The server database kept in ``keep``: SQLite files there, or a PostgreSQL
    database whose name is written there (created the first time, never dropped)."""
    keep.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        yield f"sqlite:///{keep / 'channel.sqlite3'}"
        return
    import psycopg

    named = keep / "pg_database"
    if not named.exists():
        name = f"labor_station_kept_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        named.write_text(name)
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{named.read_text().strip()}"


def resident_mib() -> float:
    """This process's resident memory now (Linux), or 0 where it cannot be read."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children_cpu() -> float:
    """CPU seconds of this process's ended child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def server_records(db_url: str) -> int:
    """Records the server holds (what the fresh county station pulls)."""
    db = ServerDB(db_url)
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(Record)) or 0
    finally:
        db.dispose()


def space(store: Any) -> str:
    """The biggest tables and indexes of the station database (what its bytes buy)."""
    with store.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT name, SUM(pgsize) AS size FROM dbstat GROUP BY name ORDER BY size DESC LIMIT 8"
        )
        return ", ".join(f"{name} {size / 2**20:.1f}" for name, size in rows) + " MiB"


def build(args: argparse.Namespace, db_url: str, url: str, folder: Path, rows: list[Any]) -> None:
    """The server's records, stored as a county station's push of them would store them
    (``sync_seed``: through the server's push code, without HTTP)."""
    folder.joinpath("source").mkdir(parents=True, exist_ok=True)
    source = open_store(folder / "source")
    enrolled = enrol(source, url, enrolment_code(db_url, COUNTY), policy=POLICY)
    counts = seed(db_url, enrolled.station_id, source.node_id, rows, random_ids=args.random_ids)
    print(f"set-up: {counts} stored through the server's push code [{args.db}]")
    source.close()


if __name__ == "__main__":
    main()
