"""劳务输出 workbook workloads against a bare openpyxl write-only loop.

    python benchmarks/dispatch_export.py [--workers 100000] [--repeat 3]

Workloads, each through the same service as the window and the command line:

- ``list``: one batch of 10,000 members as one workbook (summary sheet + the list);
- ``many``: 200 batches of 50 at once as one workbook (summary + 200 sheets);
- ``folder``: the same 200 batches as a folder of 200 workbooks;
- ``ledger``: the 就业帮扶台账 of 100,000 people.

Each is compared, in the same run, with a bare openpyxl write-only loop that writes
the same cells: our output is read back with python-calamine before the bare loop's
clock starts, so that loop times openpyxl alone (no database, no styles, no print
setup). Every measurement runs in a fresh subprocess so its peak RSS (high-water
mark) stands on its own; "adds" is the growth over the process's size just before
the export started, which is what "flat memory" is about (the bare loop holds all its
rows in memory beforehand, so its figure before writing is reported too).

Set-up (not timed): a county station with ``--workers`` demo workers, every one
marked 脱贫 so the ledger has exactly that many rows (a direct UPDATE: the set-up
is not an edit anyone would sync), and the batches with members inserted in bulk.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIST_SIZE = 10_000
MANY_BATCHES = 200
MANY_SIZE = 50
WORKLOADS = ("list", "many", "folder", "ledger")


def peak_rss_mb() -> float:
    """This process's RSS high-water mark. On Linux from /proc: ``ru_maxrss`` keeps
    the parent's figure across fork and exec, so a child would report the set-up's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- set-up ------------------------------------------------------------------------------


def build_station(data: Path, workers: int) -> dict[str, list[str]]:
    from sqlalchemy import select, update

    from broker_app.services.demo import data as demo_data
    from broker_app.services.demo.data import DemoDataService
    from broker_app.services.dispatch.batches import DispatchService
    from broker_app.services.settings.station import StationService
    from broker_app.store.models.dispatch import DispatchMember
    from broker_app.store.models.worker import Worker
    from broker_app.store.store import open_store

    store = open_store(data)
    StationService(store).configure("370883000000")
    demo_data.EXTRA_STEPS.clear()  # workers, follow-ups and trainings only
    DemoDataService(store).generate(workers, seed=11)
    with store.write() as session:
        session.execute(update(Worker).values(poverty_alleviated=True))
        ids = list(session.scalars(select(Worker.id).order_by(Worker.pk)))
    service = DispatchService(store)
    start = date(2025, 1, 1)

    def batch(n: int, members: list[str]) -> str:
        batch_id = service.create_batch(
            {
                "employer": f"江苏苏州精密电子有限公司{n}厂",
                "destination": "江苏苏州工业园区",
                "departure_date": start + timedelta(days=n % 300),
                "leader_name": "王建国",
                "leader_phone": "13812345678",
                "transport": "包车",
            }
        ).record_ids[0]
        with store.write() as session:
            store.writer(session).bulk_create(
                DispatchMember,
                [
                    {"batch_id": batch_id, "worker_id": w, "match_id": None,
                     "work_type": "电子装配", "notes": "", "org_code": "370883000000"}
                    for w in members
                ],
            )  # fmt: skip
        return batch_id

    big = batch(0, ids[:LIST_SIZE])
    many = [
        batch(n + 1, ids[LIST_SIZE + n * MANY_SIZE : LIST_SIZE + (n + 1) * MANY_SIZE])
        for n in range(MANY_BATCHES)
    ]
    store.close()
    return {"list": [big], "many": many}


# -- measured phases (each in a fresh process) -----------------------------------------------


def phase_ours(kind: str, data: Path, out: Path, ids_file: Path) -> dict[str, float]:
    from broker_app.domain.dispatch.query import BatchFilter
    from broker_app.services.assistance.ledger import LedgerExportService
    from broker_app.services.dispatch.export import DispatchExportService
    from broker_app.store.store import open_store

    ids = json.loads(ids_file.read_text())
    store = open_store(data)
    gc.collect()
    before = peak_rss_mb()
    start = time.perf_counter()
    if kind == "ledger":
        rows = LedgerExportService(store).export(out).people
    else:
        chosen = ids["list"] if kind == "list" else ids["many"]
        result = DispatchExportService(store).export(out, BatchFilter(batch_ids=tuple(chosen)))
        rows = result.people
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "rows": rows,
        "rss_mb": peak_rss_mb(),
        "adds_mb": peak_rss_mb() - before,
    }


def phase_bare(kind: str, source: Path, out: Path) -> dict[str, float]:
    import openpyxl
    from python_calamine import CalamineWorkbook

    files = sorted(source.iterdir()) if source.is_dir() else [source]
    books: list[list[tuple[str, list[list[Any]]]]] = []
    for path in files:
        book = CalamineWorkbook.from_path(str(path))
        books.append([(n, book.get_sheet_by_name(n).to_python()) for n in book.sheet_names])
    gc.collect()
    before = peak_rss_mb()
    start = time.perf_counter()
    if kind == "folder":
        out.mkdir()
    for n, sheets in enumerate(books):
        target = out / f"{n}.xlsx" if kind == "folder" else out
        workbook = openpyxl.Workbook(write_only=True)
        for title, rows in sheets:
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(row)
        workbook.save(target)
    seconds = time.perf_counter() - start
    rows = sum(len(rows) for sheets in books for _, rows in sheets)
    return {
        "seconds": seconds,
        "rows": rows,
        "rss_mb": peak_rss_mb(),
        "adds_mb": peak_rss_mb() - before,
        "rss_before_mb": before,
    }


def run_phase(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=WORKLOADS, action="append")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        who, kind, *paths = args.phase
        if who == "setup":
            ids = build_station(Path(paths[0]), int(kind))
            Path(paths[1]).write_text(json.dumps(ids))
            print(json.dumps({"ok": 1}))
        elif who == "ours":
            print(json.dumps(phase_ours(kind, *(Path(p) for p in paths))))
        else:
            print(json.dumps(phase_bare(kind, *(Path(p) for p in paths))))
        return

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "station"
        data.mkdir()
        started = time.perf_counter()
        ids_file = Path(tmp) / "ids.json"
        # In its own process, so this one stays small for the measured children.
        run_phase("setup", str(args.workers), str(data), str(ids_file))
        print(
            f"set-up: {args.workers} workers, batches made in {time.perf_counter() - started:.0f} s"
        )
        for kind in args.only or WORKLOADS:
            ours, bare = [], []
            for i in range(args.repeat):
                target = Path(tmp) / f"{kind}-{i}{'' if kind == 'folder' else '.xlsx'}"
                copy = Path(tmp) / f"bare-{kind}-{i}{'' if kind == 'folder' else '.xlsx'}"
                # The bare loop copies the cells of the file just written.
                first = run_phase("ours", kind, str(data), str(target), str(ids_file))
                second = run_phase("bare", kind, str(target), str(copy))
                ours.append(first)
                bare.append(second)
            ours_s = statistics.median(r["seconds"] for r in ours)
            bare_s = statistics.median(r["seconds"] for r in bare)
            # Each pair ran back to back, so on a shared machine its ratio is steadier.
            paired = statistics.median(
                o["seconds"] / b["seconds"] for o, b in zip(ours, bare, strict=True)
            )
            print(
                f"{kind:6s}: {ours[0]['rows']:.0f} people; ours median {ours_s:.2f} s "
                f"(peak RSS {max(r['rss_mb'] for r in ours):.0f} MB, export adds "
                f"{max(r['adds_mb'] for r in ours):.0f} MB); bare openpyxl {bare_s:.2f} s "
                f"(peak RSS {max(r['rss_mb'] for r in bare):.0f} MB, of which "
                f"{max(r['rss_before_mb'] for r in bare):.0f} MB its rows in memory); "
                f"ratio {ours_s / bare_s:.2f} (median of the back-to-back pairs {paired:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
