"""The seeded sync simulation (``sync_sim.py``): many seeds, each with a fresh server
database and five stations, random operations and random faults, then the invariants.

    .venv/bin/pytest tests/reliability/test_sync_simulation.py
    SYNC_SIM_SEEDS=300 SYNC_SIM_START=1000 .venv/bin/pytest tests/reliability/test_sync_simulation.py
    .venv/bin/pytest 'tests/reliability/test_sync_simulation.py::test_seed[17]'
    SYNC_SIM_BACKEND=postgres ...   (the server on PostgreSQL at 127.0.0.1:5432)

A failing seed names itself and its files (server database and log, station folders).
Thousands of seeds: ``benchmarks/sync_simulation.py``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.sync_sim import World, run_seed, world
from tests.sync.server_process import postgres_or_skip

SEEDS = int(os.environ.get("SYNC_SIM_SEEDS", "60"))
START = int(os.environ.get("SYNC_SIM_START", "0"))
#: Station and server databases on tmpfs when there is one: the fsyncs of 60 seeds
#: cost more than the simulation (a SIGKILLed process loses nothing the page cache holds).
SHM = Path("/dev/shm")


@pytest.fixture(scope="module")
def sim_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    on_shm = SHM.is_dir() and os.access(SHM, os.W_OK)
    folder = Path(tempfile.mkdtemp(prefix="sync-sim-", dir=SHM if on_shm else None))
    backend = os.environ.get("SYNC_SIM_BACKEND", "sqlite")
    if backend == "postgres":
        postgres_or_skip()
    with world(folder, backend) as made:
        yield made
    if not any(folder.glob("seed-*")):  # failing seeds keep their files
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("seed", range(START, START + SEEDS))
def test_seed(sim_world: World, seed: int) -> None:
    result = run_seed(sim_world, seed)
    assert result.ok, "\n".join([f"seed {seed}:", *result.problems, "trace:", *result.trace])
