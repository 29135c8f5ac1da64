"""Workbook exports (劳务输出, 台账, 月度统计) against bare openpyxl write-only loops.

    python benchmarks/dispatch_export.py [--workers 100000] [--repeat 3]
        [--only list|many|folder|ledger|stats ...] [--before DIR]

Workloads, each through the same service as the window and the command line:

- ``list``: one batch of 10,000 members as one workbook (summary sheet + the list);
- ``many``: 200 batches of 50 at once as one workbook (the 汇总 summary + 200 sheets);
- ``folder``: the same 200 batches as a folder of 200 workbooks;
- ``ledger``: the 就业帮扶台账 of every worker (three sheets);
- ``stats``: the monthly statistics workbook (月度统计表, 2025-03) of the station.

Each is compared, in the same run, with two bare openpyxl write-only loops that
copy our output, read back before their clock starts (so they time openpyxl alone:
no database, no masking, no measuring of text):

- ``bare`` (the floor the target is measured against): the same cells with the same
  formatting the printed page needs: every cell our file styles (text and date
  formats, wrapped long text, the bold header, title and 合计 rows) is a
  ``WriteOnlyCell`` given a named style registered once per workbook (openpyxl's
  cheapest public way to style many cells), the same row heights, column widths,
  merged title rows, frozen header, auto-filter and page setup;
- ``plain``: the values alone, unstyled (the floor of the earlier rows of
  BENCHMARKS.md, kept to compare with them).

``--before DIR`` adds the export as the code in DIR (a checkout of an earlier
commit) does it, on the same station, alternated with the others. Every
measurement runs in a fresh subprocess, and the order of the variants rotates from
one repeat to the next, so none always runs on the warmer or the busier machine;
each repeat's ratio (ours / bare of the same repeat, run back to back) is reported
beside the ratio of the medians. Every child's peak RSS (high-water mark) stands on
its own; "adds" is the growth over the process's size just before the export
started, which is what "flat memory" is about.

Set-up (not timed): a county station with ``--workers`` demo workers, every one
marked 脱贫 so the ledger has exactly that many rows (a direct UPDATE: the set-up
is not an edit anyone would sync), and the batches with members inserted in bulk.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from copy import copy
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIST_SIZE = 10_000
MANY_BATCHES = 200
MANY_SIZE = 50
WORKLOADS = ("list", "many", "folder", "ledger", "stats")
STATS_MONTH = (2025, 3)


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


def phase_ours(
    kind: str, data: Path, out: Path, ids_file: Path, code: Path | None = None
) -> dict[str, float]:
    if code is not None:
        sys.path.insert(0, str(code))  # the code to compare with, ahead of this tree
    from broker_app.domain.dispatch.query import BatchFilter
    from broker_app.services.assistance.ledger import LedgerExportService
    from broker_app.services.dispatch.export import DispatchExportService
    from broker_app.services.stats.export import StatsExportService
    from broker_app.services.stats.monthly import Month
    from broker_app.store.store import open_store

    ids = json.loads(ids_file.read_text())
    store = open_store(data)
    gc.collect()
    before = peak_rss_mb()
    start = time.perf_counter()
    if kind == "ledger":
        rows = LedgerExportService(store).export(out).people
    elif kind == "stats":
        stats = StatsExportService(store).export(out, Month(*STATS_MONTH)).statistics
        rows = len(stats.villages)
    else:
        chosen = ids["list"] if kind == "list" else ids["many"]
        exported = DispatchExportService(store).export(out, BatchFilter(batch_ids=tuple(chosen)))
        rows = exported.people
    seconds = time.perf_counter() - start
    result: dict[str, float] = {
        "seconds": seconds,
        "rows": rows,
        "rss_mb": peak_rss_mb(),
        "adds_mb": peak_rss_mb() - before,
    }
    if kind == "stats":
        # The figures' share (their SQL, services/stats/monthly.py, is not the
        # workbook's): computed once more, as the export computed them.
        from broker_app.services.stats.monthly import monthly_statistics

        start = time.perf_counter()
        monthly_statistics(store, Month(*STATS_MONTH), date.today())
        result["figures"] = time.perf_counter() - start
    return result


# What the styled floor copies of each sheet: (title, rows of (value, style name or
# None), row heights, column widths, merged ranges, sheet settings).
SheetCopy = tuple[str, list[list[tuple[Any, str | None]]], dict[int, float], dict[str, float],
                  list[str], dict[str, Any]]  # fmt: skip


def read_styled(path: Path, named: dict[tuple[Any, ...], Any]) -> list[SheetCopy]:
    """Our workbook's cells, formats and page setup, each distinct cell format turned
    into one ``NamedStyle`` (shared through ``named``)."""
    from openpyxl import load_workbook
    from openpyxl.styles import NamedStyle

    book = load_workbook(path)
    sheets: list[SheetCopy] = []
    for ws in book.worksheets:
        rows: list[list[tuple[Any, str | None]]] = []
        for row in ws.iter_rows():
            out: list[tuple[Any, str | None]] = []
            for cell in row:
                style = None
                if cell.has_style and cell.style_id:
                    parts = (copy(cell.font), copy(cell.fill), copy(cell.border),
                             copy(cell.alignment))  # fmt: skip
                    key = (*parts, cell.number_format)
                    if key not in named:
                        font, fill, border, alignment = parts
                        named[key] = NamedStyle(
                            name=f"s{len(named)}", font=font, fill=fill, border=border,
                            alignment=alignment, number_format=cell.number_format,
                        )  # fmt: skip
                    style = named[key].name
                out.append((cell.value, style))
            rows.append(out)
        heights = {n: d.height for n, d in ws.row_dimensions.items() if d.height}
        widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
        settings = {
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "titles": ws.print_title_rows,
            "orientation": ws.page_setup.orientation,
            "paper": ws.page_setup.paperSize,
            "fit": ws.sheet_properties.pageSetUpPr.fitToPage
            if ws.sheet_properties.pageSetUpPr
            else None,
            "fit_width": ws.page_setup.fitToWidth,
            "fit_height": ws.page_setup.fitToHeight,
            "footer": ws.oddFooter.center.text,
            "grid": ws.print_options.gridLines,
            "margins": copy(ws.page_margins),
        }
        merged = [str(r) for r in ws.merged_cells.ranges]
        sheets.append((ws.title, rows, heights, widths, merged, settings))
    return sheets


def write_styled(sheets: list[SheetCopy], styles: list[Any], target: Path) -> None:
    """The styled floor: openpyxl write-only, named styles registered once."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    workbook = openpyxl.Workbook(write_only=True)
    for style in styles:
        workbook.add_named_style(copy(style))
    for title, rows, heights, widths, merged, settings in sheets:
        ws = workbook.create_sheet(title)
        for letter, width in widths.items():
            ws.column_dimensions[letter].width = width
        ws.freeze_panes = settings["freeze"]
        ws.page_setup.orientation = settings["orientation"]
        ws.page_setup.paperSize = settings["paper"]
        if settings["fit"]:
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.page_setup.fitToWidth = settings["fit_width"]
            ws.page_setup.fitToHeight = settings["fit_height"]
        if settings["titles"]:
            ws.print_title_rows = settings["titles"]
        ws.oddFooter.center.text = settings["footer"]
        ws.print_options.gridLines = settings["grid"]
        ws.page_margins = settings["margins"]
        for ref in merged:
            ws.merged_cells.add(ref)
        for number, row in enumerate(rows, start=1):
            height = heights.get(number)
            if height:
                ws.row_dimensions[number].height = height
            values: list[Any] = []
            for value, style in row:
                if style is None:
                    values.append(value)
                else:
                    cell = WriteOnlyCell(ws, value)
                    cell.style = style
                    values.append(cell)
            ws.append(values)
        if settings["filter"]:
            ws.auto_filter.ref = settings["filter"]
    workbook.save(target)


def phase_bare(kind: str, source: Path, out: Path) -> dict[str, float]:
    # Reading a workbook with its formats takes longer than writing it: the first
    # repeat keeps what it read for the next ones.
    kept = source.parent / f"{source.name}.pickle"
    if kept.exists():
        books, styles = pickle.loads(kept.read_bytes())
    else:
        files = sorted(source.iterdir()) if source.is_dir() else [source]
        named: dict[tuple[Any, ...], Any] = {}
        books = [read_styled(path, named) for path in files]
        styles = list(named.values())
        kept.write_bytes(pickle.dumps((books, styles)))
    gc.collect()
    before = peak_rss_mb()
    start = time.perf_counter()
    if kind == "folder":
        out.mkdir()
    for n, sheets in enumerate(books):
        write_styled(sheets, styles, out / f"{n}.xlsx" if kind == "folder" else out)
    seconds = time.perf_counter() - start
    rows = sum(len(rows) for sheets in books for _, rows, *_ in sheets)
    return {
        "seconds": seconds,
        "rows": rows,
        "rss_mb": peak_rss_mb(),
        "adds_mb": peak_rss_mb() - before,
        "rss_before_mb": before,
    }


def phase_plain(kind: str, source: Path, out: Path) -> dict[str, float]:
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
    written = sum(len(rows) for sheets in books for _, rows in sheets)
    return {
        "seconds": seconds,
        "rows": written,
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
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        who, kind, *paths = args.phase
        if who == "setup":
            ids = build_station(Path(paths[0]), int(kind))
            Path(paths[1]).write_text(json.dumps(ids))
            print(json.dumps({"ok": 1}))
        elif who in ("ours", "before"):
            print(json.dumps(phase_ours(kind, *(Path(p) for p in paths))))
        elif who == "bare":
            print(json.dumps(phase_bare(kind, *(Path(p) for p in paths))))
        else:
            print(json.dumps(phase_plain(kind, *(Path(p) for p in paths))))
        return

    variants = ["ours", *(["before"] if args.before else []), "bare", "plain"]
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
            suffix = "" if kind == "folder" else ".xlsx"
            source = Path(tmp) / f"{kind}-source{suffix}"
            runs: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
            for i in range(args.repeat):
                # Rotated, with ours first in the first repeat: the floors copy its file.
                order = variants[i % len(variants) :] + variants[: i % len(variants)]
                for variant in order:
                    target = Path(tmp) / f"{kind}-{variant}-{i}{suffix}"
                    if variant in ("ours", "before"):
                        out = source if variant == "ours" and i == 0 else target
                        extra = [str(args.before)] if variant == "before" else []
                        result = run_phase(
                            variant, kind, str(data), str(out), str(ids_file), *extra
                        )
                    else:
                        result = run_phase(variant, kind, str(source), str(target))
                    runs[variant].append(result)
            report(kind, runs)


def report(kind: str, runs: dict[str, list[dict[str, float]]]) -> None:
    median = {v: statistics.median(r["seconds"] for r in rs) for v, rs in runs.items()}

    def ratio(a: str, b: str) -> str:
        # Each repeat's pair ran within seconds of each other: steadier on a shared machine.
        paired = statistics.median(
            x["seconds"] / y["seconds"] for x, y in zip(runs[a], runs[b], strict=True)
        )
        return f"{median[a] / median[b]:.2f} (per repeat {paired:.2f})"

    times = ", ".join(
        f"{v} {median[v]:.2f} s [" + " ".join(f"{r['seconds']:.2f}" for r in rs) + "]"
        for v, rs in runs.items()
    )
    print(f"{kind}: {runs['ours'][0]['rows']:.0f} rows; medians {times}", flush=True)
    print(f"  ours/bare {ratio('ours', 'bare')}; ours/plain {ratio('ours', 'plain')}", flush=True)
    if "figures" in runs["ours"][0]:
        figures = statistics.median(r["figures"] for r in runs["ours"])
        writing = statistics.median(r["seconds"] - r["figures"] for r in runs["ours"])
        print(
            f"  of ours: the figures {figures:.2f} s, the workbook {writing:.2f} s "
            f"({writing / median['bare']:.2f} of bare)",
            flush=True,
        )
    if "before" in runs:
        print(
            f"  before/bare {ratio('before', 'bare')}; ours/before {ratio('ours', 'before')}",
            flush=True,
        )
    print(
        f"  peak RSS: ours {max(r['rss_mb'] for r in runs['ours']):.0f} MB (export adds "
        f"{max(r['adds_mb'] for r in runs['ours']):.0f} MB); bare "
        f"{max(r['rss_mb'] for r in runs['bare']):.0f} MB, of which "
        f"{max(r['rss_before_mb'] for r in runs['bare']):.0f} MB the copied rows",
        flush=True,
    )


if __name__ == "__main__":
    main()
