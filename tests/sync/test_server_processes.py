"""The channel server as several processes on one PostgreSQL database (issue 18).

Stations push and pull at the same time against ``serve --workers 2``; every change
arrives exactly once at every station whose scope holds it, and no pull moves a cursor
past a change that another process commits later (the change-sequence lock is a row
lock in the database, held to commit, so it orders the writers of every process).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_app.domain.org.units import load_zoucheng
from tests.sync.server_process import admin, run_server, throwaway_postgres
from tests.sync.station_swarm import enrol_swarm, run_swarm


@pytest.mark.postgres
def test_two_processes_on_postgres_lose_duplicate_and_skip_nothing(tmp_path: Path) -> None:
    directory = load_zoucheng()
    first, second = directory.townships()[:2]
    units = [
        *directory.village_codes_in_scope(first.code)[:9],
        *directory.village_codes_in_scope(second.code)[:8],
        first.code,
        second.code,
        directory.county.code,
    ]
    with throwaway_postgres() as db_url, run_server(db_url, tmp_path, ("--workers", "2")) as server:
        stations = enrol_swarm(server.url, db_url, units)
        result = run_swarm(stations, db_url, rounds=4, batch=5, concurrency=len(units), timeout=300)
        log = server.log_text()

    assert log.count("Started server process") == 2, log
    assert result.problems == []
    assert result.records == 20 * 4 * 5
    county = stations[-1]
    assert len(county.pulled) == result.records  # the county holds every village's workers
    # The first township: its 9 villages, its own pushes and the county's (all of them
    # into its first village).
    assert len(stations[-3].pulled) == (9 + 1 + 1) * 4 * 5
    assert len(stations[0].pulled) == 3 * 4 * 5  # that village


def test_several_processes_on_sqlite_are_refused(tmp_path: Path) -> None:
    answer = admin(f"sqlite:///{tmp_path / 'channel.sqlite3'}", "serve", "--workers", "2")
    assert answer.returncode == 2
    assert "PostgreSQL" in answer.stderr and "拒绝启动" in answer.stderr
