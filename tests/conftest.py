"""Fixtures shared by every test: a fresh data folder and store per test.

A fresh store is a copy of a station database migrated once per session (per xdist
worker): copying it takes about a tenth of running the migrations for every test.
The tests of migrations themselves open empty or archived databases with
``open_store`` and so still run every migration.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import delete

from broker_app import paths
from broker_app.services.demo.data import DemoDataService
from broker_app.services.settings.station import StationService
from broker_app.store.models.local import Station
from broker_app.store.store import Store, open_store

#: Test folders (``tmp_path``, ``tmp_path_factory``) on tmpfs when there is one: every
#: write transaction of a station or server database is fsynced (``synchronous=FULL``),
#: and on a disk those waits were a third of the time of the store-heavy tests. The
#: tests that kill processes lose nothing by it (a SIGKILLed process loses nothing the
#: page cache holds); pytest keeps only the last run's folders (pyproject.toml).
#: ``PYTEST_DEBUG_TEMPROOT`` set by the caller (or ``--basetemp``) wins; pytest reads it
#: when it makes the run's folder, after the conftest files are loaded.
#: A full run holds about 1 GB there (the big station is 300 MB): a small tmpfs (a
#: container's 64 MB /dev/shm) is left alone.
TMPFS = Path("/dev/shm")
TMPFS_NEEDED = 4 << 30
if (
    "PYTEST_DEBUG_TEMPROOT" not in os.environ
    and TMPFS.is_dir()
    and os.access(TMPFS, os.W_OK)
    and shutil.disk_usage(TMPFS).free >= TMPFS_NEEDED
):
    os.environ["PYTEST_DEBUG_TEMPROOT"] = str(TMPFS)

#: A village of 太平镇, and its township.
VILLAGE = "370883107200"
OTHER_VILLAGE = "370883107201"
TOWNSHIP = "370883107000"
#: Workers of the big station.
BIG_ROSTER = 100_000


@pytest.fixture(autouse=True)
def _one_run_language() -> Iterator[None]:
    """``--lang`` run in-process sets the language for the rest of the process; it must
    not reach the next test (or a subprocess it starts) on the same xdist worker."""
    before = os.environ.get("LABOR_STATION_LANG")
    yield
    if before is None:
        os.environ.pop("LABOR_STATION_LANG", None)
    else:
        os.environ["LABOR_STATION_LANG"] = before


@pytest.fixture(autouse=True)
def _user_settings(tmp_path: Path) -> None:
    """The user's own Qt settings (the folders file dialogs remember) go to the test's
    folder, never to the real user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path / "user_settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


_template: list[Path] = []


@pytest.fixture(autouse=True, scope="session")
def _station_template(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A station database at the newest migration, holding the county's divisions and
    no station identity (each copy makes its own node id when first opened)."""
    folder = tmp_path_factory.mktemp("station-template")
    template = open_store(folder)
    with template.write() as session:
        session.execute(delete(Station))
    template.close()  # the last connection folds the write-ahead log into the file
    _template[:] = [paths.database_path(folder)]


def fresh_store(data: Path) -> Store:
    """A new, migrated, unconfigured station in ``data`` (created if missing)."""
    data.mkdir(parents=True, exist_ok=True)
    target = paths.database_path(data)
    if _template and not target.exists():
        shutil.copyfile(_template[0], target)
    return open_store(data)


@pytest.fixture(scope="session")
def big_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A township station with 100k demo workers and everything the demo adds
    (matches, batches, trainings): about a minute to build, so built once per session
    and shared by the roster and the 统计 tests, which only read it."""
    data = tmp_path_factory.mktemp("big_station")
    store = fresh_store(data)
    try:
        StationService(store).configure(TOWNSHIP, operator_name="测试经纪人")
        DemoDataService(store).generate(BIG_ROSTER, seed=7)
    finally:
        store.close()
    return data


#: Fixtures that start the real channel server as a process.
SERVER_FIXTURES = frozenset({"server", "shared_server"})


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.hasplugin("xdist"):
        from tests import xdist_scheduling

        config.pluginmanager.register(xdist_scheduling, "station-scheduling")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks the slow tier, so a quick local run can leave it out (``-m "not slow and
    not server_process"``; CI runs everything): the tests of the big station, and those
    that start the real server (through a fixture or ``run_server`` in their module)."""
    from tests.xdist_scheduling import BIG_STATION_MODULES

    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        module = getattr(item, "module", None)
        if fixtures & SERVER_FIXTURES or hasattr(module, "run_server"):
            item.add_marker(pytest.mark.server_process)
        if "big_station" in fixtures:
            item.add_marker(pytest.mark.slow)
            if item.nodeid.split("::", 1)[0] not in BIG_STATION_MODULES:
                raise pytest.UsageError(
                    f"{item.nodeid} reads the big station: add its module to "
                    "BIG_STATION_MODULES in tests/xdist_scheduling.py (one worker builds it)"
                )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = fresh_store(data_dir)
    StationService(opened).configure(VILLAGE, operator_name="测试经纪人")
    yield opened
    opened.close()


def valid_id(birth: str = "19800101", seq: str = "123", area: str = "370883") -> str:
    """A GB 11643-valid ID number for the given birth date and sequence code."""
    from broker_app.domain.people.idcard import check_char

    first17 = f"{area}{birth}{seq}"
    return first17 + check_char(first17)


def worker_input(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": "张三丰",
        "id_number": valid_id(),
        "phone": "13812345678",
        "org_code": VILLAGE,
        "employment_status": "未就业",
        "skills": "焊工、电工",
    }
    values.update(overrides)
    return values
