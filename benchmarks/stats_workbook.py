"""The monthly statistics workbook (月度统计表, ``export-stats --month``) on a big station.

Usage: python benchmarks/stats_workbook.py [--data-dir DIR] [--workers 100000]
       [--org 370883000000] [--repeat 5]

Without --data-dir a station of ``--org`` (default the county) with ``--workers``
synthetic workers and everything the demo adds is built once in a temporary folder
(``stats_page.build_station``). Figures, medians over the runs, in this process:

- this month: the roster as it stands (``export-stats`` without --month);
- last month: the stock figures as of the month's end, from the status history;
- the counting alone (``monthly_statistics``) for each, so the share the workbook's
  writing takes is visible.

Target on a slow 2-core machine: under 1 s each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from stats_page import build_station  # the script's folder is on the path

COUNTY = "370883000000"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--org", default=COUNTY)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from broker_app.services.stats.export import StatsExportService
    from broker_app.services.stats.monthly import Month, monthly_statistics
    from broker_app.store.store import open_store

    with tempfile.TemporaryDirectory(prefix="stats-workbook-") as scratch:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(scratch) / "station"
            print(f"building a station of {args.org} with {args.workers} workers…", flush=True)
            build_station(data_dir, args.workers, args.org)
        store = open_store(data_dir)
        try:
            today = date.today()
            this = Month.of(today)
            last = Month(this.year - (this.month == 1), (this.month - 2) % 12 + 1)
            service = StatsExportService(store)
            times: dict[str, list[float]] = {}
            cpus: dict[str, list[float]] = {}  # CPU time: steadier on a loaded machine
            for _ in range(args.repeat):
                for name, month in (("this month", this), ("last month", last)):
                    begin, cpu = time.perf_counter(), time.process_time()
                    result = service.export(Path(scratch) / "stats.xlsx", month, today)
                    times.setdefault(f"workbook, {name}", []).append(time.perf_counter() - begin)
                    cpus.setdefault(f"workbook, {name}", []).append(time.process_time() - cpu)
                    begin, cpu = time.perf_counter(), time.process_time()
                    monthly_statistics(store, month, today)
                    times.setdefault(f"counting, {name}", []).append(time.perf_counter() - begin)
                    cpus.setdefault(f"counting, {name}", []).append(time.process_time() - cpu)
            workers = result.statistics.total.workers
        finally:
            store.close()
    print(
        f"runs: {args.repeat}; villages: {len(result.statistics.villages)}; "
        f"last month's workers: {workers}"
    )
    for name, values in times.items():
        print(
            f"{name:<24} {statistics.median(values):6.2f} s median (worst {max(values):.2f} s;"
            f" CPU {statistics.median(cpus[name]):.2f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
