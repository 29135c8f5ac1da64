"""Roster workbook workloads: export of N workers and import of an M-row roster.

    python benchmarks/roster_excel.py [--workers 100000] [--import-rows 10000] [--repeat 3]

Export is compared, in the same run, with a bare openpyxl write-only loop that
writes the same cells (the rows are read and converted before its clock starts, so
the loop times openpyxl alone). Each measurement runs in a fresh subprocess so its
peak memory (RSS high-water mark) stands on its own. Import reads a roster workbook
made by our own export into an empty station (all rows new), through the same
service as the GUI and ``import-roster``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """This process's own high-water mark. Not ru_maxrss: on Linux a child started
    with fork+exec inherits the parent's ru_maxrss, which here holds 100k workers."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_export(data: Path, out: Path) -> dict[str, float]:
    from broker_app.services.roster.export import RosterExportService
    from broker_app.store.store import open_store

    store = open_store(data)
    start = time.perf_counter()
    count = RosterExportService(store).export(out)
    return {"seconds": time.perf_counter() - start, "rows": count, "rss_mb": peak_rss_mb()}


def phase_bare(data: Path, out: Path) -> dict[str, float]:
    import openpyxl

    # The same cells our export wrote, read back before the clock starts.
    from python_calamine import CalamineWorkbook

    from broker_app.services.excel.roster_columns import ROSTER_EXPORT_COLUMNS

    rows = CalamineWorkbook.from_path(str(data / "export-0.xlsx")).get_sheet_by_index(0).to_python()
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append([header for _, header in ROSTER_EXPORT_COLUMNS])
    for row in rows[1:]:
        sheet.append(row)
    book.save(out)
    return {
        "seconds": time.perf_counter() - start,
        "rows": len(rows) - 1,
        "rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
    }


def phase_import(data: Path, workbook: Path) -> dict[str, float]:
    from broker_app.services.roster.importing import RosterImportService
    from broker_app.services.settings.station import StationService
    from broker_app.store.store import open_store

    target = data / "import-target"
    target.mkdir(parents=True, exist_ok=True)
    store = open_store(target)
    StationService(store).configure("370883000000")
    start = time.perf_counter()
    result = RosterImportService(store).run(workbook)
    return {
        "seconds": time.perf_counter() - start,
        "rows": result.added,
        "rejected": len(result.rejected),
        "rss_mb": peak_rss_mb(),
    }


def run_phase(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--phase", nargs="+")
    args = parser.parse_args()
    if args.phase:
        kind, *rest = args.phase
        fn = {"export": phase_export, "bare": phase_bare, "import": phase_import}[kind]
        print(json.dumps(fn(*(Path(p) for p in rest))))
        return

    from broker_app.services.demo.data import DemoDataService
    from broker_app.services.roster.export import RosterExportService
    from broker_app.services.settings.station import StationService
    from broker_app.store.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "big"
        data.mkdir()
        store = open_store(data)
        StationService(store).configure("370883000000")
        DemoDataService(store).generate(args.workers, seed=3)
        small = Path(tmp) / "small"
        small.mkdir()
        small_store = open_store(small)
        StationService(small_store).configure("370883000000")
        DemoDataService(small_store).generate(args.import_rows, seed=4)
        roster = Path(tmp) / "roster.xlsx"
        # In full: a masked export is (rightly) refused by the import.
        RosterExportService(small_store).export(roster, full=True)
        store.close()
        small_store.close()

        ours, bare, imports = [], [], []
        for i in range(args.repeat):
            ours.append(run_phase("export", str(data), str(data / f"export-{i}.xlsx")))
            bare.append(run_phase("bare", str(data), str(data / f"bare-{i}.xlsx")))
            imports.append(run_phase("import", str(Path(tmp) / f"imp{i}"), str(roster)))
        ours_s = statistics.median(r["seconds"] for r in ours)
        bare_s = statistics.median(r["seconds"] for r in bare)
        print(f"export {args.workers} workers: ours {ours_s:.1f} s (peak RSS "
              f"{max(r['rss_mb'] for r in ours):.0f} MB), bare openpyxl write-only loop "
              f"{bare_s:.1f} s (peak RSS {max(r['rss_mb'] for r in bare):.0f} MB, of which "
              f"{max(r['rss_before_mb'] for r in bare):.0f} MB is its rows in memory); "
              f"ratio {ours_s / bare_s:.2f}")  # fmt: skip
        imp_s = statistics.median(r["seconds"] for r in imports)
        print(f"import {args.import_rows}-row roster into an empty station: {imp_s:.2f} s "
              f"(rows added {imports[0]['rows']:.0f}, rejected {imports[0]['rejected']:.0f}, "
              f"peak RSS {max(r['rss_mb'] for r in imports):.0f} MB)")  # fmt: skip


if __name__ == "__main__":
    main()
