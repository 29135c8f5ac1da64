"""How pytest-xdist shares the tests between its workers (registered by
tests/conftest.py when xdist runs).

Whole modules go to one worker, as ``--dist loadscope`` does, so a module-scoped
fixture (a server process, a built station) is made once. Two exceptions:

- the modules that read the session's big station form one unit, so one worker
  builds it (two workers building it at once would double a minute-long build);
- the sync simulation's seeds are shared out one by one: each worker makes its own
  world in seconds, and 60 seeds on one worker would be the last to finish.

Units are handed out longest first (``LONG_SCOPES``, then the rest by number of tests,
the seeds last), so the longest ones start at once on different workers and the short
ones fill the end: the build of the app or the big station started last would keep
one worker busy for half a minute after the other has finished.

The workers report only test ids to the scheduler (it sees no fixtures or marks),
so the modules are named here; tests/conftest.py fails the run when a test outside
``BIG_STATION_MODULES`` asks for the big station.

(``--dist loadgroup`` with ``xdist_group`` marks would say the same per test, but
xdist 3.8 sets the group on a node attribute that pytest 9 no longer reads.)
"""

from __future__ import annotations

from typing import Any

import pytest
from xdist.scheduler import LoadScopeScheduling

BIG_STATION_GROUP = "big_station"
BIG_STATION_MODULES = frozenset({"tests/stats/test_page.py", "tests/ui/test_main_window.py"})
SPLIT_MODULES = frozenset({"tests/reliability/test_sync_simulation.py"})
#: The longest units, longest first (``--durations``, summed per unit, on a 2-core
#: machine); a unit not named here follows them, the largest first.
LONG_SCOPES = (
    "tests/packaging/test_build.py",  # a PyInstaller build, ~35 s
    BIG_STATION_GROUP,  # the 100k-worker station, ~35 s, and its pages
    "tests/sync/test_initial_pull.py",
    "tests/reliability/test_server_fuzz.py",
    "tests/sync/test_reenrol_and_secrets.py",
    "tests/sync/test_server_trust.py",
    "tests/sync/test_trust_keys.py",
    "tests/reliability/test_killed_processes.py",
    "tests/reliability/test_trust_attacks.py",
    "tests/sync/test_conflicts.py",
    "tests/sync/test_runner_and_cli.py",
    "tests/ui/test_small_screen.py",
    "tests/sync/test_e2e.py",
    "tests/reliability/test_poisoned_items.py",
    "tests/cards/test_scan_forms.py",
    "tests/cardservice/test_browser_e2e.py",
    "tests/sync/test_seq_order.py",
)


class StationScheduling(LoadScopeScheduling):
    _long_first = False

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        if module in BIG_STATION_MODULES:
            return BIG_STATION_GROUP
        if module in SPLIT_MODULES:
            return nodeid
        return module

    def _assign_work_unit(self, node: Any) -> None:
        if not self._long_first:
            # The queue is complete when the first unit is handed out.
            self._long_first = True
            for scope in reversed(LONG_SCOPES):
                if scope in self.workqueue:
                    self.workqueue.move_to_end(scope, last=False)
        super()._assign_work_unit(node)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> StationScheduling | None:
    if config.getvalue("dist") in ("load", "loadscope", "loadgroup"):
        return StationScheduling(config, log)
    return None  # each, loadfile, worksteal: as xdist does them
