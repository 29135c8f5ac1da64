"""A past month's stock figures read each worker's latest status event from
``worker_status_latest``, kept by triggers: they stay equal to the figures counted
from the whole history (the definition), whichever way workers and their statuses
are written: the worker service on many days (backdated job ends and starts, moves
between villages, archives, group changes), a pulled page, a worker who moved away,
a bulk load, a first pull with its indexes deferred."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import String, func, select, text, update
from sqlalchemy.orm import Session

from broker_app.services.roster.workers import WorkerService
from broker_app.services.stats.monthly import Month
from broker_app.services.sync.replica import StoreReplica
from broker_app.store import migrate, pull_indexes
from broker_app.store.models.status_history import WorkerStatusEvent, WorkerStatusLatest
from broker_app.store.models.worker import Worker
from broker_app.store.repositories import statistics
from broker_app.store.repositories.departures import Departure, remove_departed
from broker_app.store.repositories.statistics import StockRow
from broker_app.store.store import Store, open_store
from sync.hlc import Stamp
from sync.ids import uuid7
from sync.protocol import PulledRecord
from tests.conftest import valid_id
from tests.stats.builders import A1, A2

START = date(2025, 1, 6)
STATUSES = ("未就业", "已就业", "灵活就业", "自主创业", "务农", "无劳动能力")
WORKING = {"已就业", "灵活就业", "自主创业"}
TIERS = ("县内", "县外省内", "省外")


def on(store: Store, day: date) -> None:
    """Writes from now on happen on ``day``."""
    store.now = lambda: datetime(day.year, day.month, day.day, 10, 0)


def reference_stock_at(session: Session, day: date, as_of: date) -> list[StockRow]:
    """The definition, as it was counted before the table: each worker's latest event
    up to ``day`` from one pass over the whole history, its groups from its row."""
    event = WorkerStatusEvent
    key = func.max(event.day.cast(String) + func.printf("%012d", event.id))
    latest = (
        select(
            event.worker_id, key, event.org_code, event.employment_status,
            event.place_tier, event.archived,
        )
        .where(event.day <= day)
        .group_by(event.worker_id)
        .subquery()
    )  # fmt: skip
    stmt = (
        select(
            latest.c.org_code, latest.c.employment_status, latest.c.place_tier, func.count(),
            *statistics._group_sums(as_of),
        )
        .select_from(latest)
        .outerjoin(Worker, Worker.id == latest.c.worker_id)
        .where(latest.c.archived.is_(False))
        .group_by(latest.c.org_code, latest.c.employment_status, latest.c.place_tier)
    )  # fmt: skip
    return statistics._stock_rows(session.execute(stmt))


def figures(rows: list[StockRow]) -> list[tuple[Any, ...]]:
    return sorted(
        (r.org_code, r.employment_status, r.place_tier, r.people,
         tuple(sorted(r.groups.items())), r.poverty_or_monitored)
        for r in rows
    )  # fmt: skip


def month_ends(first: date, last: date) -> list[date]:
    ends = []
    month = Month.of(first)
    while month.first <= last:
        ends.append(month.last)
        month = Month.of(month.last + timedelta(days=1))
    return ends


def assert_same_figures(store: Store, first: date, last: date) -> None:
    """Every month end between ``first`` and ``last`` (and the days around one),
    counted both ways, with 大龄 judged on that day."""
    days = month_ends(first, last)
    days += [days[0] - timedelta(days=1), days[len(days) // 2] + timedelta(days=1)]
    with store.read() as session:
        for day in days:
            expected = figures(reference_stock_at(session, day, day))
            assert figures(statistics.stock_at(session, day, day)) == expected, day
    assert latest_rows(store) == recounted(store)


def latest_rows(store: Store) -> dict[str, tuple[Any, ...]]:
    table = WorkerStatusLatest
    with store.read() as session:
        rows = session.execute(
            select(
                table.worker_id, table.day, table.event_id, table.first_day, table.org_code,
                table.employment_status, table.place_tier, table.archived,
                table.poverty_alleviated, table.monitoring_type, table.low_income,
                table.disabled, table.birth_date,
            )
        )  # fmt: skip
        return {row[0]: tuple(row[1:]) for row in rows}


def recounted(store: Store) -> dict[str, tuple[Any, ...]]:
    """The same rows worked out in Python from the events and the worker rows."""
    out: dict[str, tuple[Any, ...]] = {}
    with store.read() as session:
        groups = {
            row[0]: tuple(row[1:])
            for row in session.execute(
                select(
                    Worker.id, Worker.poverty_alleviated, Worker.monitoring_type,
                    Worker.low_income, Worker.disabled, Worker.birth_date,
                )
            )
        }  # fmt: skip
        events = session.execute(
            select(
                WorkerStatusEvent.worker_id, WorkerStatusEvent.day, WorkerStatusEvent.id,
                WorkerStatusEvent.org_code, WorkerStatusEvent.employment_status,
                WorkerStatusEvent.place_tier, WorkerStatusEvent.archived,
            ).order_by(WorkerStatusEvent.day, WorkerStatusEvent.id)
        ).all()  # fmt: skip
    first: dict[str, date] = {}
    for worker_id, day, event_id, *fields in events:
        first.setdefault(worker_id, day)
        out[worker_id] = (
            day, event_id, first[worker_id], *fields,
            *groups.get(worker_id, (None,) * 5),
        )  # fmt: skip
    return out


def _edit(rng: random.Random, day: date) -> dict[str, Any]:
    """A random change of a worker on ``day``: status (with its tier, and a job start
    or end that may lie weeks back), village, or a priority group."""
    kind = rng.randrange(4)
    if kind == 0:
        status = rng.choice(STATUSES)
        values: dict[str, Any] = {
            "employment_status": status,
            "place_tier": rng.choice(TIERS) if status in WORKING else "",
        }
        back = (day - timedelta(days=rng.randrange(0, 70))).isoformat()
        if status in WORKING and rng.random() < 0.5:
            values["job_start"] = back
        if status == "未就业" and rng.random() < 0.5:
            values["job_start"] = (day - timedelta(days=200)).isoformat()
            values["job_end"] = back
        return values
    if kind == 1:
        return {"org_code": rng.choice((A1, A2))}
    if kind == 2:
        return {"poverty_alleviated": rng.choice(("是", "否"))}
    return {"low_income": rng.choice(("是", "否"))}


def generate(store: Store, steps: int, seed: int) -> tuple[list[str], date]:
    """A random history written through the worker service day after day; returns
    the workers and the last day written on."""
    rng = random.Random(seed)
    service = WorkerService(store)
    workers: list[str] = []
    day = START
    for step in range(steps):
        day += timedelta(days=rng.choice((0, 0, 1, 3, 9)))
        on(store, day)
        roll = rng.random()
        if roll < 0.2 or len(workers) < 3:
            n = len(workers)
            birth = "19750301" if n % 3 == 0 else "19950101"
            status = rng.choice(STATUSES)
            workers.append(
                service.register(
                    {
                        "name": "测试" + "甲乙丙丁戊己庚辛壬癸"[n % 10] + "甲乙丙丁戊"[n // 10 % 5],
                        "id_number": valid_id(birth, f"{100 + n:03d}"),
                        "phone": f"139{n:08d}",
                        "org_code": rng.choice((A1, A2)),
                        "employment_status": status,
                        "place_tier": rng.choice(TIERS) if status in WORKING else "",
                    },
                    today=day,
                ).record_ids[0]
            )
        elif roll < 0.27:
            worker = rng.choice(workers)
            if rng.random() < 0.5:
                service.archive(worker)
            else:
                service.restore(worker)
        else:
            service.edit(rng.choice(workers), _edit(rng, day), today=day)
        if step == 100:
            # A birth date corrected outright (大龄 moves with it).
            with store.write() as session:
                session.execute(
                    update(Worker)
                    .where(Worker.id == workers[1])
                    .values(birth_date=date(1970, 5, 5))
                )
    return workers, day


def test_generated_histories_give_the_same_figures(store: Store) -> None:
    workers, day = generate(store, 160, seed=14)
    assert_same_figures(store, START, day)

    # A worker who moved to another station: its row is deleted, its history stays
    # (it still counts where it was, with no group).
    on(store, day)
    with store.write() as session:
        gone = Departure("worker", workers[0], "370883001001", day)
        assert remove_departed(session, [gone], datetime(day.year, day.month, day.day)) == 1
    assert latest_rows(store)[workers[0]][-5:] == (None,) * 5
    assert_same_figures(store, START, day)


def _pulled_worker(record_id: str, millis: int, **extra: Any) -> PulledRecord:
    fields: dict[str, Any] = {
        "org_code": A1, "archived": False, "name": "欧阳修", "id_number": valid_id(seq="301"),
        "gender": "male", "birth_date": "1976-01-01", "phone": "13800000301",
        "employment_status": "unemployed", "place_tier": "none",
    }  # fmt: skip
    fields.update(extra)
    return {
        "type": "worker",
        "id": record_id,
        "seq": 0,
        "fields": fields,
        "versions": {"*": Stamp(millis, 0, "remote-node").encode()},
    }


def test_pulled_pages_keep_it(store: Store) -> None:
    """A worker arriving in a pulled page, then changed there in status, village and
    group; the table follows, and the figures stay those of the history."""
    replica = StoreReplica(store, now=lambda: datetime(2025, 2, 3, 9, 0))
    worker = uuid7()
    page = {"records": [_pulled_worker(worker, 10)], "cursor": 1, "has_more": False}
    assert replica.apply_page(page)  # type: ignore[arg-type]
    assert latest_rows(store)[worker][3:7] == (A1, "unemployed", "none", False)
    replica = StoreReplica(store, now=lambda: datetime(2025, 3, 9, 9, 0))
    changed = _pulled_worker(
        worker, 20, org_code=A2, employment_status="employed", place_tier="in_county",
        poverty_alleviated=True, monitoring_type="edge",
    )  # fmt: skip
    assert replica.apply_page({"records": [changed], "cursor": 2, "has_more": False})
    row = latest_rows(store)[worker]
    assert row[0] == date(2025, 3, 9) and row[2] == date(2025, 2, 3)
    assert row[3:9] == (A2, "employed", "in_county", False, True, "edge")
    assert_same_figures(store, date(2025, 1, 1), date(2025, 3, 31))

    # Moved to another station (the row deleted, the history kept), then back: the
    # row inserted again finds its events and gives them its groups.
    with store.write() as session:
        gone = Departure("worker", worker, "370883001001", date(2025, 3, 12))
        assert remove_departed(session, [gone], datetime(2025, 3, 12, 9, 0)) == 1
    assert latest_rows(store)[worker][-5:] == (None,) * 5
    assert_same_figures(store, date(2025, 1, 1), date(2025, 3, 31))
    replica = StoreReplica(store, now=lambda: datetime(2025, 4, 2, 9, 0))
    back = _pulled_worker(worker, 30, low_income=True)
    assert replica.apply_page({"records": [back], "cursor": 3, "has_more": False})
    row = latest_rows(store)[worker]
    assert row[0] == date(2025, 4, 2) and row[2] == date(2025, 2, 3)
    assert row[7:10] == (False, None, True)
    assert_same_figures(store, date(2025, 1, 1), date(2025, 4, 30))


def test_a_bulk_load_keeps_it(store: Store) -> None:
    on(store, date(2025, 4, 2))
    rows = [
        {
            "org_code": (A1, A2)[n % 2], "name": "批量" + "甲乙丙丁戊己庚辛壬癸"[n % 10],
            "id_number": valid_id("19780101", f"{400 + n:03d}"), "gender": "male",
            "birth_date": date(1978, 1, 1), "employment_status": "employed",
            "place_tier": "out_of_province", "disabled": n % 3 == 0,
        }
        for n in range(40)
    ]  # fmt: skip
    with store.write() as session:
        ids = store.writer(session).bulk_create(Worker, rows)
    latest = latest_rows(store)
    assert {latest[i][3:7] for i in ids} == {
        (A1, "employed", "out_of_province", False), (A2, "employed", "out_of_province", False),
    }  # fmt: skip
    assert sum(1 for i in ids if latest[i][10]) == 14  # disabled copied over
    assert_same_figures(store, date(2025, 3, 1), date(2025, 5, 31))


def test_a_first_pull_with_deferred_indexes_keeps_it(store: Store) -> None:
    """The triggers look workers up by id (a unique index, never deferred); the
    table's own indexes are deferred with the pull's and built at its end."""
    with store.write() as session:
        pull_indexes.defer(session)
    replica = StoreReplica(store, now=lambda: datetime(2025, 2, 3, 9, 0))
    workers = [uuid7() for _ in range(5)]
    records = [
        _pulled_worker(w, 10 + n, id_number=valid_id(seq=f"{310 + n}"), low_income=n % 2 == 0)
        for n, w in enumerate(workers)
    ]
    assert replica.apply_page({"records": records, "cursor": 1, "has_more": False})
    replica.finish_pull(lambda _message: None)
    with store.read() as session:
        assert pull_indexes.deferred_above(session) is None
        names = {
            row[0]
            for row in session.execute(
                text("SELECT name FROM sqlite_master WHERE tbl_name = 'worker_status_latest'")
            )
        }
    assert {"ix_worker_status_latest_stats", "ix_worker_status_latest_day"} <= names
    assert set(workers) <= set(latest_rows(store))
    assert_same_figures(store, date(2025, 1, 1), date(2025, 2, 28))


def test_the_upgrade_builds_it_for_an_existing_station(data_dir: Path) -> None:
    """A station with a history from before the table (revision 0013) gets the same
    rows from the upgrade as the triggers wrote."""
    store = open_store(data_dir)
    generate(store, 80, seed=15)
    written = latest_rows(store)
    with store.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0013")
    store.close()
    upgraded = open_store(data_dir)
    try:
        assert latest_rows(upgraded) == written == recounted(upgraded)
        assert_same_figures(upgraded, START, date(2025, 12, 31))
    finally:
        upgraded.close()


def test_the_triggers_are_there_at_head(store: Store) -> None:
    """A later migration that rebuilds ``worker`` or ``worker_status_event`` drops
    them; this notices."""
    with store.engine.connect() as conn:
        names = {
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'worker_status_latest_%'"
            )
        }
    assert names == {
        "worker_status_latest_event_insert",
        "worker_status_latest_event_update",
        "worker_status_latest_event_delete",
        "worker_status_latest_worker_insert",
        "worker_status_latest_worker_update",
        "worker_status_latest_worker_delete",
    }
