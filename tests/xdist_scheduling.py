"""How pytest-xdist shares the tests between its workers (registered by
tests/conftest.py when xdist runs).

Whole modules go to one worker, as ``--dist loadscope`` does, so a module-scoped
fixture (a server process, a built station) is made once. Two exceptions:

- the modules that read the session's big station form one unit, so one worker
  builds it (two workers building it at once would double a minute-long build);
- the sync simulation's seeds are shared out one by one: each worker makes its own
  world in seconds, and 60 seeds on one worker would be the last to finish.

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


class StationScheduling(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        if module in BIG_STATION_MODULES:
            return BIG_STATION_GROUP
        if module in SPLIT_MODULES:
            return nodeid
        return module


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> StationScheduling | None:
    if config.getvalue("dist") in ("load", "loadscope", "loadgroup"):
        return StationScheduling(config, log)
    return None  # each, loadfile, worksteal: as xdist does them
