"""The 统计 page on a big station: from opening the page to every chart drawn.

Usage: python benchmarks/stats_page.py [--data-dir DIR] [--workers 100000] [--repeat 5]
       [--org 370883107000] [--build-only DIR] [--watch-tab]

Without --data-dir a station of ``--org`` (default a township; 370883000000 is the
county) with ``--workers`` synthetic workers and
everything the demo adds (postings, matches, batches, trainings, follow-ups) is
built once in a temporary folder (about a minute for 100k). Each run is a fresh
process with the real background runner, rendering offscreen at 1366x728.
Figures, medians over the runs:

- first chart: from the click on 统计 in the window (the page's module imported,
  the page built) to the first chart drawn with figures (it shows what it has);
- all charts: to every chart drawn with the figures of the count (those below
  the fold drawn into an image, as they would be when scrolled to);
- watch list: to the 帮扶预警 list loaded as well (on the runner's read lane: after the
  charts while they are shown; with ``--watch-tab`` the broker opens its tab right
  after the click on 统计, and it is counted beside the charts); at a township or
  the county that is the summary by village, and then the first village is opened
  (its own list);
- recount: 刷新 on the open page, to every chart redrawn;
- the service calls alone, in the same process after the page.

Beside each wall-clock figure, the CPU time the process spent (all its threads): on
a loaded machine it is the steadier figure.

Target on a slow 2-core machine: all charts < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TOWNSHIP = "370883107000"


def build_station(folder: Path, workers: int, org: str = TOWNSHIP) -> None:
    from broker_app.services.demo.data import DemoDataService
    from broker_app.services.settings.station import StationService
    from broker_app.store.store import open_store

    store = open_store(folder)
    try:
        StationService(store).configure(org, operator_name="测试经纪人")
        DemoDataService(store).generate(workers, seed=7)
    finally:
        store.close()


def child(data_dir: Path, watch_tab: bool = False) -> dict[str, object]:
    """One run, in its own process: the window open on the roster, then 统计 (and at
    once its 帮扶预警 tab, with ``watch_tab``)."""
    from PySide6.QtWidgets import QApplication

    from broker_app.store.store import open_store
    from broker_app.ui.application import create_application
    from broker_app.ui.context import AppContext
    from broker_app.ui.main_window import MainWindow
    from broker_app.ui.tasks import TaskRunner

    app = create_application([])
    store = open_store(data_dir)
    ctx = AppContext(store, data_dir, TaskRunner())
    window = MainWindow(ctx)
    window.resize(1366, 728)
    window.show_page("roster")
    window.show()
    for _ in range(20):
        QApplication.processEvents()
    ctx.runner.wait()

    # The broker clicks 统计 in the navigation.
    started = time.perf_counter()
    cpu_started = time.process_time()
    page: Any = window.show_page("stats")  # the page module is imported by this click
    if watch_tab:
        page.tabs.setCurrentWidget(page.watch)
    charts = page.charts.charts()
    first = everything = watch = 0.0
    charts_cpu = watch_cpu = 0.0
    watch_loaded: list[int] = []
    page.watch.loaded.connect(watch_loaded.append)
    drawn: set[int] = set()
    while not (everything and watch):
        app.processEvents()
        for n, chart in enumerate(charts):
            if n not in drawn and chart.chart_data() is not None:
                # Charts below the fold are drawn too (into an image), as when
                # the broker scrolls down to them.
                chart.grab()
                drawn.add(n)
        now = time.perf_counter() - started
        if not first and drawn:
            first = now
        if not everything and not page.loading and len(drawn) == len(charts):
            everything = now
            charts_cpu = time.process_time() - cpu_started
        if not watch and watch_loaded:
            watch = now
            watch_cpu = time.process_time() - cpu_started
        time.sleep(0.001)

    # A township or the county: the villages ranked, then the first one opened.
    villages = page.watch.village_model.rowCount()
    drill = 0.0
    if page.watch.showing_summary() and villages:
        opened: list[int] = []
        page.watch.village_loaded.connect(lambda _code, people: opened.append(people))
        begin = time.perf_counter()
        page.watch.drill_into(page.watch.village_model.village_code(0))
        while not opened:
            app.processEvents()
            time.sleep(0.001)
        drill = time.perf_counter() - begin

    generation = page.generation
    begin = time.perf_counter()
    page.reload()
    while page.loading or page.generation != generation + 1:
        app.processEvents()
        time.sleep(0.001)
    for chart in charts:
        chart.grab()
    recount = time.perf_counter() - begin
    ctx.runner.wait()
    app.processEvents()

    services, services_cpu = time_services(store)
    ctx.runner.shutdown()
    store.close()
    return {
        "first_s": first,
        "charts_s": everything,
        "charts_cpu_s": charts_cpu,
        "watch_s": watch,
        "watch_cpu_s": watch_cpu,
        "recount_s": recount,
        "watch_rows": watch_loaded[-1] if watch_loaded else 0,
        "watch_villages": villages,
        "drill_s": drill,
        "services_ms": services,
        "services_cpu_ms": services_cpu,
    }


def time_services(store: object) -> tuple[dict[str, float], dict[str, float]]:
    """Each service call's wall-clock and CPU time (ms): on a loaded machine the CPU
    time is the steadier figure."""
    from datetime import date

    from broker_app.services.assistance.watch_list import WatchRules, watch_list
    from broker_app.services.assistance.watch_summary import watch_summary
    from broker_app.services.stats.overview import load_overview
    from broker_app.services.stats.training import training_progress
    from broker_app.services.stats.trends import (
        exports_by_month,
        match_moves_by_month,
        recent_months,
    )

    today = date.today()
    months = recent_months(today)
    calls = {
        "overview": lambda: load_overview(store, today),  # type: ignore[arg-type]
        "exports": lambda: exports_by_month(store, months),  # type: ignore[arg-type]
        "matches": lambda: match_moves_by_month(store, months),  # type: ignore[arg-type]
        "training": lambda: training_progress(store, today.year),  # type: ignore[arg-type]
        "watch sum": lambda: watch_summary(store, WatchRules(), today=today),  # type: ignore[arg-type]
    }
    summary = watch_summary(store, WatchRules(), today=today)  # type: ignore[arg-type]
    if summary.villages:
        code = summary.villages[0].code
        calls["watch vil"] = lambda: watch_list(store, WatchRules(), today=today, village=code)  # type: ignore[arg-type]
    out, cpu = {}, {}
    for name, call in calls.items():
        begin, cpu_begin = time.perf_counter(), time.process_time()
        call()
        out[name] = (time.perf_counter() - begin) * 1000
        cpu[name] = (time.process_time() - cpu_begin) * 1000
    return out, cpu


def run_once(data_dir: Path, watch_tab: bool) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(data_dir)]
        + (["--watch-tab"] if watch_tab else []),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--org", default=TOWNSHIP)
    parser.add_argument(
        "--build-only", type=Path, help="build the station into this folder and stop"
    )
    parser.add_argument(
        "--watch-tab", action="store_true", help="open the 帮扶预警 tab right after the click"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.watch_tab)))
        return 0
    if args.build_only:
        build_station(args.build_only, args.workers, args.org)
        return 0
    with tempfile.TemporaryDirectory(prefix="stats-page-") as scratch:
        data_dir = args.data_dir
        if data_dir is None:
            data_dir = Path(scratch)
            print(f"building a station with {args.workers} workers…", flush=True)
            build_station(data_dir, args.workers, args.org)
        runs = [run_once(data_dir, args.watch_tab) for _ in range(args.repeat)]

    def median(key: str) -> float:
        return statistics.median(float(str(r[key])) for r in runs)

    print(f"runs:                  {len(runs)}")
    print(f"first chart drawn:     {median('first_s'):.2f} s median")
    print(
        f"all charts drawn:      {median('charts_s'):.2f} s median "
        f"(worst {max(float(str(r['charts_s'])) for r in runs):.2f} s;"
        f" CPU {median('charts_cpu_s'):.2f} s)"
        "  target < 1 s"
    )
    print(
        f"watch list loaded:     {median('watch_s'):.2f} s median ({runs[0]['watch_rows']} people"
        f", {runs[0].get('watch_villages', 0)} village rows; CPU {median('watch_cpu_s'):.2f} s)"
    )
    if runs[0].get("drill_s"):
        print(f"a village opened:      {median('drill_s'):.2f} s median")
    print(f"recount (刷新):        {median('recount_s'):.2f} s median")
    names = list(runs[0]["services_ms"])  # type: ignore[call-overload]
    for name in names:
        value = statistics.median(float(r["services_ms"][name]) for r in runs)  # type: ignore[index]
        cpu = statistics.median(float(r["services_cpu_ms"][name]) for r in runs)  # type: ignore[index]
        print(f"  service {name:<10} {value:6.0f} ms median (CPU {cpu:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
