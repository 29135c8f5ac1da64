"""The command line killed with SIGKILL in the middle of its work: importing a big
roster, exporting the roster, printing cards to PDF, backing up, and syncing.

Afterwards the database passes ``PRAGMA integrity_check`` and holds all of the
operation or none of it (row counts before and after), and an output file is either
absent or complete under its final name (files are written to a temporary name and
renamed). Each operation is killed at several moments: after a fixed time, and when
its temporary file or its write-ahead log appears.
"""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from broker_app.services.backups import backup_now
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.roster.importing import RosterImportService
from broker_app.store.models import Project, Worker
from broker_app.store.store import open_store
from sync.server.db import ServerDB
from sync.server.models import AppliedMutation
from tests.conftest import valid_id
from tests.reliability.faults import integrity, server_records, table_counts
from tests.reliability.wb import HEADER
from tests.sync.conftest import VILLAGE_1, station_factory
from tests.sync.server_process import RunningServer, database_url, run_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARCHIVE = ROOT / "tests" / "data" / "archive" / "station-0001.sqlite.gz"
DB = "station.sqlite3"
#: Rows of the big roster.
ROSTER_ROWS = 3000
Trigger = Callable[[], bool]


@dataclass(frozen=True)
class Outcome:
    #: "killed" (while running) or "finished" (it completed before the trigger).
    how: str
    #: Seconds from start to the kill or the end.
    after: float


def run_and_kill(data: Path, args: list[str], trigger: Trigger, limit: float = 60) -> Outcome:
    """Start ``python -m broker_app --data-dir DATA ARGS`` and SIGKILL it as soon as
    ``trigger()`` is true (polled every 2 ms)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "broker_app", "--data-dir", str(data), *args]
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while time.monotonic() - started < limit:
            if process.poll() is not None:
                return Outcome("finished", time.monotonic() - started)
            if trigger():
                process.send_signal(signal.SIGKILL)
                process.wait(10)
                return Outcome("killed", time.monotonic() - started)
            time.sleep(0.002)
        raise AssertionError(f"{args} still running after {limit} s")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def after(seconds: float) -> Trigger:
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() >= deadline


def appears(folder: Path, pattern: str) -> Trigger:
    return lambda: any(folder.glob(pattern))


def grown(folder: Path, pattern: str, size: int) -> Trigger:
    """True once a file matching ``pattern`` holds more than ``size`` bytes."""

    def check() -> bool:
        for path in folder.glob(pattern):
            try:
                if path.stat().st_size > size:
                    return True
            except FileNotFoundError:  # renamed or removed meanwhile
                pass
        return False

    return check


def wal_over(data: Path, size: int) -> Trigger:
    return grown(data, f"{DB}-wal", size)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archived station database (every record kind), migrated to head."""
    data = tmp_path_factory.mktemp("base") / "data"
    data.mkdir()
    with gzip.open(ARCHIVE) as packed, (data / DB).open("wb") as out:
        shutil.copyfileobj(packed, out)
    open_store(data).close()
    shutil.rmtree(data / "backups")
    return data


@pytest.fixture(scope="module")
def roster(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_roster(tmp_path_factory.mktemp("roster") / "big.xlsx", ROSTER_ROWS)


@pytest.fixture
def fresh(base: Path, tmp_path: Path) -> Callable[[str], Path]:
    def copy(label: str) -> Path:
        return Path(shutil.copytree(base, tmp_path / label))

    return copy


def big_roster(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(HEADER)
    born = date(1970, 1, 1)
    for i in range(rows):
        birth = (born + timedelta(days=i)).strftime("%Y%m%d")
        name = "孟" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅卯辰巳午未申酉戌亥"[i // 10 % 12]
        sheet.append([name, valid_id(birth=birth, seq="531"), f"138{i:08d}", "庄里村", ""])
    book.save(path)
    return path


def assert_intact(data: Path) -> dict[str, int]:
    assert integrity(data / DB) == "ok"
    return table_counts(data / DB)


def test_import_roster_killed_keeps_all_or_nothing(
    fresh: Callable[[str], Path], roster: Path
) -> None:
    outcomes = []
    for label, trigger_of in (
        # Reading and checking the workbook (the database not yet written)...
        ("reading", lambda _data: after(3.0)),
        # ...and while the one transaction is being written out.
        ("writing", lambda data: wal_over(data, 64 * 1024)),
    ):
        data = fresh(label)
        before = table_counts(data / DB)
        outcome = run_and_kill(data, ["import-roster", str(roster)], trigger_of(data))
        outcomes.append(outcome)
        counts = assert_intact(data)
        added = counts["worker"] - before["worker"]
        assert added in (0, ROSTER_ROWS), (label, outcome, added)
        assert counts["outbox"] - before["outbox"] == added
    assert any(o.how == "killed" for o in outcomes)


def test_export_roster_killed_leaves_no_half_file(
    fresh: Callable[[str], Path], tmp_path: Path
) -> None:
    outcomes = []
    for label, trigger_of in (
        ("created", lambda out: appears(out, ".花名册.xlsx.*.part")),
        ("writing", lambda out: grown(out, ".花名册.xlsx.*.part", 4096)),
    ):
        data = fresh(label)
        out = tmp_path / f"out-{label}"
        out.mkdir()
        target = out / "花名册.xlsx"
        before = table_counts(data / DB)
        outcomes.append(run_and_kill(data, ["export-roster", str(target)], trigger_of(out)))
        counts = assert_intact(data)
        assert counts["worker"] == before["worker"] and counts["outbox"] == before["outbox"]
        if target.exists():  # the export finished before the kill: the whole roster
            book = openpyxl.load_workbook(target, read_only=True)
            # Counted: a streamed sheet need not state its size (``max_row`` is then None).
            rows = sum(1 for _row in book.worksheets[0].iter_rows(values_only=True))
            assert rows > before["worker"] // 2
            book.close()
        leftovers = [p.name for p in out.iterdir() if p != target]
        # A killed process cannot remove its scratch file; it never has the final name.
        assert all(name.endswith(".part") for name in leftovers), leftovers
    assert any(o.how == "killed" for o in outcomes)


def test_cards_pdf_killed_issues_all_or_none_and_leaves_no_half_pdf(
    fresh: Callable[[str], Path], tmp_path: Path
) -> None:
    probe = fresh("probe")
    store = open_store(probe)
    with store.read() as session:
        project = session.scalars(select(Project.id).order_by(Project.pk)).first()
        workers = list(
            session.scalars(select(Worker.id).where(~Worker.archived).order_by(Worker.pk))
        )[:150]
    assert project is not None
    before_probe = table_counts(probe / DB)
    plan = CardPrintService(store).prepare(
        CardSelection(project_id=project, worker_ids=tuple(workers), issue=True)
    )
    store.close()
    issued = table_counts(probe / DB)["rights_card"] - before_probe["rights_card"]
    assert issued > 0 and plan.faces

    outcomes = []
    for label, trigger_of in (
        ("issuing", lambda data, _out: wal_over(data, 32 * 1024)),
        ("writing", lambda _data, out: grown(out, ".cards.pdf.*.part", 16 * 1024)),
    ):
        data = fresh(label)
        out = tmp_path / f"pdf-{label}"
        out.mkdir()
        target = out / "cards.pdf"
        before = table_counts(data / DB)
        args = ["cards-pdf", "--project", project, "--workers", *workers, str(target)]
        outcomes.append(run_and_kill(data, args, trigger_of(data, out)))
        counts = assert_intact(data)
        assert counts["rights_card"] - before["rights_card"] in (0, issued), label
        # Issuing writes one outbox entry per new card, in the same transaction.
        assert counts["rights_card"] - before["rights_card"] == counts["outbox"] - before["outbox"]
        if target.exists():
            content = target.read_bytes()
            assert content.startswith(b"%PDF") and content.rstrip().endswith(b"%%EOF")
        assert all(p.name.endswith(".part") for p in out.iterdir() if p != target)
    assert any(o.how == "killed" for o in outcomes)


def test_backup_killed_leaves_no_half_backup(fresh: Callable[[str], Path], tmp_path: Path) -> None:
    outcomes = []
    for label, trigger_of in (
        ("created", lambda out: appears(out, ".*.part")),
        ("copying", lambda out: grown(out, ".*.part", 64 * 1024)),
    ):
        data = fresh(label)
        out = tmp_path / f"bak-{label}"
        out.mkdir()
        target = out / "station-backup.sqlite3"
        before = table_counts(data / DB)
        outcomes.append(run_and_kill(data, ["backup", str(target)], trigger_of(out)))
        assert assert_intact(data) == before
        if target.exists():
            assert integrity(target) == "ok"
            assert table_counts(target) == before
        leftovers = [p.name for p in out.iterdir() if p != target]
        assert all(n.startswith(f".{target.name}.") for n in leftovers), leftovers
        # The next backup to the same name is whole, whatever the killed one left.
        backup_now(data, target)
        assert integrity(target) == "ok" and table_counts(target) == before
    assert any(o.how == "killed" for o in outcomes)


@pytest.fixture
def sync_server(tmp_path: Path) -> Iterator[RunningServer]:
    folder = tmp_path / "server"
    folder.mkdir()
    with database_url("sqlite", folder) as url, run_server(url, folder) as running:
        yield running


def test_sync_killed_loses_and_duplicates_nothing(
    sync_server: RunningServer, roster: Path, tmp_path: Path
) -> None:
    factory = station_factory(sync_server, tmp_path)
    station = next(factory)("v1", VILLAGE_1)
    RosterImportService(station.store).run(roster)
    station.store.close()
    data = station.data_dir

    outcomes = []
    for size in (16 * 1024, 512 * 1024):  # the first answers recorded; later on
        outcomes.append(run_and_kill(data, ["sync"], wal_over(data, size)))
        assert integrity(data / DB) == "ok"
        _assert_acked_means_applied(data, sync_server)
    assert any(o.how == "killed" for o in outcomes)

    # The next round finishes the job: everything once on the server, nothing pending.
    station.store = open_store(data)
    report = station.sync()
    assert station.runner().status().pending == 0
    _assert_acked_means_applied(data, sync_server)
    with station.store.read() as session:
        local = set(session.scalars(select(Worker.id)))
    on_server = {i for i, f in server_records(sync_server).items() if "id_number" in f}
    assert local == on_server and len(local) == ROSTER_ROWS
    assert report.error is None
    next(factory, None)


def _assert_acked_means_applied(data: Path, server: RunningServer) -> None:
    """Every outbox entry marked sent was applied by the server (never the reverse of
    a commit), and no entry is half-written."""
    conn = sqlite3.connect(f"file:{data / DB}?mode=ro", uri=True)
    try:
        acked = {r[0] for r in conn.execute("SELECT mutation_id FROM outbox WHERE state='acked'")}
        states = {r[0] for r in conn.execute("SELECT DISTINCT state FROM outbox")}
    finally:
        conn.close()
    assert states <= {"pending", "acked"}
    db = ServerDB(server.db_url)
    try:
        with db.read() as session:
            applied = set(session.scalars(select(AppliedMutation.mutation_id)))
    finally:
        db.dispose()
    assert acked <= applied
