"""A large worker load leaves its derived-data triggers out and fills what they
derive in one pass at its end (``store.deferred_triggers``): the station ends the
same as when the same load runs with the triggers firing row by row — each worker's
latest status (``worker_status_latest``), its latest follow-up day on its row, the
monthly figures, the search results — and the triggers are back afterwards.

The load includes workers the station already knows something about: one whose
follow-ups arrived before it, one with an earlier status event (moved away and
back), and a roster already holding a worker."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.demo.data import _person, _villages_in_scope
from broker_app.services.settings.station import StationService
from broker_app.store import deferred_triggers
from broker_app.store.models.assistance import FollowUp
from broker_app.store.repositories import statistics
from broker_app.store.repositories import workers as repo
from broker_app.store.status_history import add_events, event_row
from broker_app.store.store import Store
from sync.ids import uuid7
from tests.conftest import fresh_store

TODAY = date(2026, 11, 28)
TOWNSHIP = "370883107000"
TERMS = ["王", "张", "丽", "li", "w", "zhang", "1", "138"]


def people(count: int) -> list[dict[str, Any]]:
    """``count`` demo people of the township, each with a fixed id (the same in both
    stations), a few of them with a job start before the load."""
    rng = random.Random(5)
    villages = _villages_in_scope(TOWNSHIP)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(rows) < count:
        person = _person(rng, villages, TODAY)
        if person["id_number"] not in seen:
            seen.add(person["id_number"])
            rows.append({**person, "id": uuid7()})
    return rows


def station(folder: Path, rows: list[dict[str, Any]], *, deferred: bool) -> Store:
    """A township station that held ``rows[0]`` and an earlier status event of
    ``rows[2]``, then loaded the other rows in one bulk load, after follow-ups of
    ``rows[1]``."""
    folder.mkdir()
    store = fresh_store(folder)
    StationService(store).configure(TOWNSHIP, operator_name="测试经纪人")
    store.now = lambda: datetime(2026, 11, 20, 9, 0)
    first, rest = rows[0], rows[1:]
    with store.write() as session:
        repo.bulk_create(store.writer(session), [first])
        moved = {**rest[1], "employment_status": "employed", "place_tier": "out_of_province"}
        add_events(session, [event_row(rest[1]["id"], moved, date(2026, 3, 1))])
    store.now = lambda: datetime(2026, 11, 27, 9, 0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deferred_triggers, "MIN_WORKERS", 1 if deferred else 10**9)
        rebuilt: list[int] = []
        rebuild = deferred_triggers._rebuild

        def counted(*args: Any) -> None:
            rebuilt.append(1)
            rebuild(*args)

        patch.setattr(deferred_triggers, "_rebuild", counted)
        with store.write() as session:
            # Follow-ups written before their worker in the load's transaction (the
            # foreign key checked at its commit).
            session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            follow_ups = [
                {"worker_id": rest[0]["id"], "org_code": rest[0]["org_code"], "date": day,
                 "kind": "visit", "content": "走访"}
                for day in (date(2026, 9, 2), date(2026, 10, 8))
            ]  # fmt: skip
            store.writer(session).bulk_create(FollowUp, follow_ups)
            repo.bulk_create(store.writer(session), rest)
    assert len(rebuilt) == (1 if deferred else 0)
    return store


def snapshot(store: Store) -> dict[str, Any]:
    """What the triggers derive, the figures read from it, the searches, and the
    triggers' own definitions."""
    with store.read() as session:
        conn = session.connection()
        latest = conn.exec_driver_sql("SELECT * FROM worker_status_latest ORDER BY worker_id")
        days = conn.exec_driver_sql("SELECT id, last_follow_up FROM worker ORDER BY id")
        triggers = conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        )
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        )
        out: dict[str, Any] = {
            "latest": latest.all(),
            "days": days.all(),
            "triggers": triggers.all(),
            "indexes": indexes.all(),
            "stock": [
                sorted(map(repr, statistics.stock_at(session, day, day)))
                for day in (date(2026, 2, 28), date(2026, 10, 31), date(2026, 11, 30))
            ],
        }
        id_of: dict[int, str] = dict(conn.exec_driver_sql("SELECT pk, id FROM worker").all())
        for term in TERMS:
            flt = RosterFilter(text=term, include_archived=True)
            found = repo.keys_at(session, flt, RosterSort(), 0, -1, today=TODAY)
            out[f"search {term}"] = [id_of[pk] for pk in found]
    return out


def test_a_large_load_ends_as_with_the_triggers(tmp_path: Path) -> None:
    rows = people(120)
    with_triggers = station(tmp_path / "triggers", rows, deferred=False)
    deferred = station(tmp_path / "deferred", rows, deferred=True)
    try:
        expected, got = snapshot(with_triggers), snapshot(deferred)
    finally:
        with_triggers.close()
        deferred.close()
    assert got == expected
    by_id = dict(got["days"])
    assert by_id[rows[1]["id"]] == "2026-10-08"  # its follow-ups came first
    first_day = {row[0]: row[3] for row in got["latest"]}
    assert first_day[rows[2]["id"]] <= "2026-03-01"  # its earlier event kept
    assert len(got["latest"]) == 120
    assert sum(len(v) for k, v in got.items() if k.startswith("search")) > 100


def test_it_defers_every_insert_trigger_of_the_loaded_tables(store: Store) -> None:
    """A trigger added later on ``worker`` or ``worker_status_event`` fails this until
    ``deferred_triggers`` rebuilds what it derives (or leaves it in place)."""
    marks = ", ".join("?" for _ in deferred_triggers.LOADED_TABLES)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks})",
            deferred_triggers.LOADED_TABLES,
        ).all()
    inserts = {name for name, sql in rows if " INSERT ON " in " ".join(sql.upper().split())}
    assert inserts == set(deferred_triggers.DEFERRED)
