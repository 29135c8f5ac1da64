"""The whole county at once against 1, 2 and 4 server processes on PostgreSQL.

    python benchmarks/sync_county_load.py [--processes 1 2 4] [--rounds 3] [--batch 10]
                                          [--concurrency 100] [--timeout 600]

Set-up, per process count: a fresh PostgreSQL database, ``serve --workers N`` on
127.0.0.1, and 730 stations enrolled for real with one-time codes: 714 villages, 16
townships and the county (the division data in resources/). The stations are light
(``tests/sync/station_swarm.py``: the protocol over HTTP, no desktop store).

Timed: every station pushes --rounds batches of --batch new workers and pulls to the
end of its scope after each batch, --concurrency stations at a time, all sharing the
server. Then every station pulls once more and the run checks: every push applied,
the server holds exactly the workers pushed (none lost, none twice), every station
holds exactly the workers in its scope (converged), and none was skipped by a cursor
that passed it before it committed. Reported: records pushed per second, requests
per second, push and pull p50/p95, and the CPU seconds the server processes and this
load generator used over the whole run (enrolment included; PostgreSQL's own are not
counted). Exits non-zero on any problem or after --timeout.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from sync_support import ROOT, database, median, percentile

from tests.sync.server_process import run_server
from tests.sync.station_swarm import county_units, enrol_swarm, run_swarm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    os.chdir(ROOT)
    units = county_units()
    print(
        f"{len(units)} stations, {args.rounds} rounds x {args.batch} workers, "
        f"{args.concurrency} at a time, {os.cpu_count()} CPUs"
    )
    failed = False
    for processes in args.processes:
        cpu_before = _cpu_seconds()
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            with (
                database("postgres", folder) as db_url,
                run_server(db_url, folder, ("--workers", str(processes))) as server,
            ):
                started = time.perf_counter()
                stations = enrol_swarm(server.url, db_url, units)
                enrolled = time.perf_counter() - started
                result = run_swarm(
                    stations,
                    db_url,
                    rounds=args.rounds,
                    batch=args.batch,
                    concurrency=args.concurrency,
                    timeout=args.timeout,
                )
        # The server (and its worker processes) have been waited for: their CPU is counted.
        server_cpu, own_cpu = (a - b for a, b in zip(_cpu_seconds(), cpu_before, strict=True))
        requests = result.push_requests + result.pull_requests
        push, pull = result.push_latencies, result.pull_latencies
        print(
            f"{processes} process(es): {result.stations} stations enrolled in {enrolled:.1f} s; "
            f"{result.records} workers pushed and pulled in {result.seconds:.1f} s = "
            f"{result.records / result.seconds:.0f} records/s, "
            f"{requests / result.seconds:.0f} requests/s ({result.push_requests} pushes, "
            f"{result.pull_requests} pulls); push p50 {median(push) * 1000:.0f} ms "
            f"p95 {percentile(push, 0.95) * 1000:.0f} ms; pull p50 {median(pull) * 1000:.0f} ms "
            f"p95 {percentile(pull, 0.95) * 1000:.0f} ms; "
            f"CPU: server {server_cpu:.0f} s, load generator {own_cpu:.0f} s; "
            f"problems: {len(result.problems)}"
        )
        for problem in result.problems[:20]:
            print("  ", problem)
        failed = failed or bool(result.problems)
    sys.exit(1 if failed else 0)


def _cpu_seconds() -> tuple[float, float]:
    """(waited-for child processes, this process): user + system CPU seconds."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    return children.ru_utime + children.ru_stime, own.ru_utime + own.ru_stime


if __name__ == "__main__":
    main()
