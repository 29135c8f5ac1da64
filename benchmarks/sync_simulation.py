"""The seeded sync simulation (tests/reliability/sync_sim.py) over many seeds.

    .venv/bin/python benchmarks/sync_simulation.py --seeds 1000 [--start 0] [--ops 22]
        [--postgres] [--trace] [--keep DIR]

Each seed: a fresh server database, three villages of one township, the township and
the county, random edits and syncs under random faults (lost requests and responses,
duplicated and held-back pushes, server SIGKILLs and restarts, station processes
SIGKILLed mid-push and mid-pull, station clocks years off), then the invariants.
A failing seed prints its problems and the command that runs it alone.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.sync_sim import SimConfig, run_seed, world  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--ops", type=int, default=SimConfig.ops, help="operations per seed")
    parser.add_argument("--trace", action="store_true", help="print every seed's operations")
    parser.add_argument(
        "--skewed", type=int, default=1, help="up to this many stations with a clock years off"
    )
    parser.add_argument(
        "--moves",
        type=float,
        default=0.0,
        help="weight of moving a worker to another village (a known gap: see RELIABILITY.md)",
    )
    parser.add_argument("--keep", help="folder for the run's files (default: a temporary one)")
    parser.add_argument(
        "--postgres", action="store_true", help="server on PostgreSQL at 127.0.0.1:5432"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    # Killed with SIGTERM: unwind, so the seed's server process is killed too.
    signal.signal(signal.SIGTERM, lambda _sig, _frame: sys.exit(143))
    config = SimConfig(ops=args.ops, moves=args.moves, skewed_stations=args.skewed)
    # tmpfs when there is one: the fsyncs of the station databases cost more than the
    # simulation (a SIGKILLed process loses nothing the page cache holds).
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    folder = Path(args.keep or tempfile.mkdtemp(prefix="sync-sim-", dir=shm))
    failures = 0
    started = time.perf_counter()
    with world(folder, "postgres" if args.postgres else "sqlite") as w:
        for seed in range(args.start, args.start + args.seeds):
            result = run_seed(w, seed, config)
            if args.trace or not result.ok:
                print(f"--- seed {seed} ({result.seconds:.1f} s)")
                print("\n".join(result.trace))
            if not result.ok:
                failures += 1
                print(f"FAIL seed {seed}:")
                for problem in result.problems:
                    print(f"  {problem}")
            sys.stdout.flush()
    elapsed = time.perf_counter() - started
    if not failures and not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    print(
        f"{args.seeds} seeds ({args.start}..{args.start + args.seeds - 1}), {failures} failed,"
        f" {elapsed:.1f} s, {args.seeds / elapsed:.2f} seeds/s, {args.seeds * 60 / elapsed:.0f}"
        f" seeds/min, nproc {os.cpu_count()}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
