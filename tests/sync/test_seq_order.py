"""No pull skips a change committed out of order, across server processes.

The classic gap: push A takes change sequence 10, push B takes 11 and commits first, a
pull reads 11 and moves the station's cursor past 10 before A commits, and A's change
is never pulled. Here push A is held open just before its commit (``held_server``) in
a two-process server on PostgreSQL while B pushes and the county pulls. The real
server's lock makes B wait for A; the same scenario with the lock taken away shows
that the check catches the skip.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest

from broker_app.domain.org.units import load_zoucheng
from tests.sync.held_server import HOLD_DIR, HOLD_NAME, UNLOCKED_SEQ
from tests.sync.server_process import run_server, throwaway_postgres
from tests.sync.station_swarm import SimStation, enrol_swarm, unique_people

MODULE = "tests.sync.held_server"


def wait_for(path: Path) -> None:
    done = threading.Event()
    for _ in range(3000):  # up to a minute
        if path.exists():
            return
        done.wait(0.02)
    raise TimeoutError(f"{path.name} never appeared")


def pushing(station: SimStation, people: list[dict[str, Any]]) -> threading.Thread:
    thread = threading.Thread(target=station.push, args=(people,), daemon=True)
    thread.start()
    return thread


@pytest.mark.postgres
@pytest.mark.parametrize("locked", [True, False], ids=["real-server", "without-the-lock"])
def test_a_pull_never_passes_a_change_that_commits_later(tmp_path: Path, locked: bool) -> None:
    directory = load_zoucheng()
    first, second = directory.village_codes_in_scope(directory.county.code)[:2]
    people = unique_people(2)
    people[0]["name"] = HOLD_NAME
    hold = tmp_path / "hold"
    hold.mkdir()
    env = {HOLD_DIR: str(hold), UNLOCKED_SEQ: "" if locked else "1"}
    with throwaway_postgres() as db_url:
        with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
            conn.execute("CREATE SEQUENCE test_unlocked_seq START 1000")
        with run_server(db_url, tmp_path, ("--workers", "2"), module=MODULE, env=env) as server:
            a, b, county = enrol_swarm(server.url, db_url, [first, second, directory.county.code])
            held = pushing(a, people[:1])
            wait_for(hold / "held")  # A holds its change sequence number, uncommitted
            later = pushing(b, people[1:])
            if not locked:
                later.join(60)  # without the lock B commits at once, after A's number
            county.pull_all()
            seen_while_held = set(county.pulled)
            (hold / "release").touch()
            held.join(60)
            later.join(60)
            county.pull_all()

    assert not held.is_alive() and not later.is_alive()
    assert a.problems == [] and b.problems == []
    a_id, b_id = a.pushed[0], b.pushed[0]
    if locked:
        assert seen_while_held == set()  # B waited for A: nothing to pull yet
        assert set(county.pulled) == {a_id, b_id}
        assert county.pulled[a_id] < county.pulled[b_id]
    else:
        assert seen_while_held == {b_id}
        assert a_id not in county.pulled  # the skip the lock prevents
