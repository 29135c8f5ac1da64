"""Does the window stay responsive while a big roster imports in the background?

Usage: python benchmarks/ui_import.py [--rows 10000]

Builds a workbook of ``--rows`` valid workers, imports it through the window's task
runner (the database lane, as the import wizard does) into a fresh station, and
meanwhile ticks a 10 ms timer on the GUI thread. Reported: the import's duration and
how late the timer fired (median, 95th percentile, worst): the pause a broker would
feel when clicking or typing during the import. Below ~100 ms feels immediate.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

VILLAGE = "370883107200"


def workbook(path: Path, rows: int) -> Path:
    import openpyxl

    from broker_app.domain.people.idcard import check_char

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["序号", "姓名", "性别", "身份证号", "手机号", "文化程度", "工种", "备注"])
    for n in range(rows):
        birth = f"{1960 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}"
        first17 = f"370883{birth}{n % 1000:03d}"
        number = first17 + check_char(first17)
        phone = f"138{n:08d}"
        sheet.append(
            [
                n + 1,
                "张" + "伟芳娜敏静丽强磊军洋"[n % 10] + "明华建国秀英"[n % 6],
                "",
                number,
                phone,
                "初中",
                "焊工",
                "",
            ]
        )
    book.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from broker_app.services.roster.importing import ImportResult, RosterImportService
    from broker_app.services.settings.station import StationService
    from broker_app.store.store import open_store
    from broker_app.ui.tasks import TaskRunner

    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="ui-import-") as scratch:
        folder = Path(scratch)
        path = workbook(folder / "roster.xlsx", args.rows)
        store = open_store(folder / "data")
        StationService(store).configure(VILLAGE, operator_name="测试")
        runner = TaskRunner()
        service = RosterImportService(store)
        results: list[ImportResult] = []
        lateness: list[float] = []
        clock = QElapsedTimer()
        timer = QTimer()
        timer.setInterval(10)
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            lateness.append(max(0.0, now - last[0] - 10))
            last[0] = now

        timer.timeout.connect(tick)
        clock.start()
        timer.start()
        started = time.perf_counter()
        runner.run_job(
            lambda progress, cancel: service.run(path, progress=progress, cancel=cancel),
            results.append,
            on_progress=lambda _f, _m: None,
        )
        while not results:
            app.processEvents()
            time.sleep(0.001)
        duration = time.perf_counter() - started
        timer.stop()
        runner.shutdown()
        store.close()
    result = results[0]
    lateness.sort()
    print(f"imported:            {result.added} added, {len(result.rejected)} rejected")
    print(f"import took:         {duration:.1f} s")
    print(f"GUI timer lateness:  median {statistics.median(lateness):.0f} ms, "
          f"95th percentile {lateness[int(len(lateness) * 0.95)]:.0f} ms, "
          f"worst {lateness[-1]:.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
