"""A worker who moves village moves: the old village's station deletes the person's
records and keeps one line; the new village receives the worker with their follow-ups,
trainings and cards. With the server in-process (tests/sync/in_process.py) and three
stations (two villages and their township), on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from broker_app.domain.org.place import place_name
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.roster.moved_out import moved_out_lines
from broker_app.services.sync.config import load_config
from broker_app.store.models import (
    DispatchBatch,
    DispatchMember,
    FollowUp,
    Project,
    RightsCard,
    Training,
    Worker,
)
from broker_app.store.models.local import OutboxEntry
from broker_app.store.store import Store
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PULL
from sync.schema import SCHEMA_VERSION
from tests.sync.conftest import (
    COUNTY,
    TOWNSHIP,
    VILLAGE_1,
    VILLAGE_2,
    Station,
    StationFactory,
)
from tests.sync.records import (
    add_follow_up,
    add_match,
    edit_worker,
    new_id_number,
    publish_job,
    register_worker,
    snapshot,
)

NAME = "颜真卿"
#: 钢山街道 孟庄社区 (a village of another township).
OTHER_TOWNSHIP_VILLAGE = "370883001004"
FOLLOW_UP_TEXT = "电话回访：愿意去济宁打工"
TRAINING_COURSE = "焊工初级培训班"


def _create(store: Store, cls: type[Any], **values: Any) -> str:
    with store.write() as session:
        return str(store.writer(session).create(cls, values).id)


def _ids(store: Store, cls: type[Any], worker_id: str) -> set[str]:
    column = cls.id if cls is Worker else cls.worker_id
    with store.read() as session:
        return set(session.scalars(select(cls.id).where(column == worker_id)))


def _outbox(store: Store, record_ids: set[str]) -> dict[str, int]:
    with store.read() as session:
        stmt = (
            select(OutboxEntry.state, func.count())
            .where(OutboxEntry.record_id.in_(record_ids))
            .group_by(OutboxEntry.state)
        )
        return {state: int(n) for state, n in session.execute(stmt)}


def test_worker_moved_by_the_township_leaves_the_old_village(
    fresh_in_process_stations: StationFactory,
) -> None:
    a = fresh_in_process_stations("a", VILLAGE_1)
    b = fresh_in_process_stations("b", VILLAGE_2)
    town = fresh_in_process_stations("town", TOWNSHIP)
    id_number = new_id_number()

    # Village A registers the person and works with them.
    worker = register_worker(a.store, VILLAGE_1, NAME, id_number)
    follow = add_follow_up(a.store, worker, VILLAGE_1, FOLLOW_UP_TEXT)
    training = _create(
        a.store, Training, worker_id=worker, org_code=VILLAGE_1, kind="vocational",
        course=TRAINING_COURSE, start_date=date(2026, 10, 8),
    )  # fmt: skip
    project = _create(a.store, Project, org_code=VILLAGE_1, name="城南安置房项目")
    card = _create(
        a.store, RightsCard, worker_id=worker, project_id=project, org_code=VILLAGE_1,
        serial=1, issue_date=date(2026, 11, 2), expiry_date=date(2027, 11, 2),
        key_id=CardKeyService(a.store).station_key().key_id_hex,
    )  # fmt: skip
    job = publish_job(town.store, TOWNSHIP, "太平镇蔬菜大棚")
    batch = _create(
        a.store, DispatchBatch, org_code=VILLAGE_1, name="十一月赴济宁", employer="某建筑公司",
        place_tier="in_province", status="preparing",
    )  # fmt: skip
    member = _create(a.store, DispatchMember, batch_id=batch, worker_id=worker, org_code=VILLAGE_1)
    for station in (town, a, b, town, a):
        station.sync()
    match = add_match(a.store, worker, job, VILLAGE_1)
    a.sync()
    town.sync()
    personal = {worker, follow, training, card, match, member}
    assert _ids(town.store, Worker, worker) == {worker}

    # The township records that the person now lives in village B.
    edit_worker(town.store, worker, org_code=VILLAGE_2)
    town.sync()
    # Meanwhile village A, offline, edits the person and adds a follow-up.
    edit_worker(a.store, worker, phone="13912345678")
    late_follow = add_follow_up(a.store, worker, VILLAGE_1, "上门走访")
    report = a.sync()
    # The server refused both (the person is no longer A's) and A deleted everything.
    assert report.rejected == 2 and report.departed >= len(personal)
    for cls in (Worker, FollowUp, Training, RightsCard, DispatchMember):
        assert _ids(a.store, cls, worker) == set(), cls.record_type
    assert {r for _k, r in snapshot(a.store)} & (personal | {late_follow}) == set()
    # Its outbox neither resurrects nor blocks: no entry of the person is left.
    assert _outbox(a.store, personal | {late_follow}) == {}
    status = a.runner().status()
    assert status.pending == 0 and status.quarantined == 0
    # What A keeps: one line, without the person's name.
    (line,) = moved_out_lines(a.store)
    assert line.worker_id == worker and line.moved_on == date.today()
    assert line.text.startswith("已迁出至 ") and "（" in line.text
    assert NAME not in line.text
    # A's own records stay: the batch, the project.
    assert {("batch", batch), ("project", project)} <= set(snapshot(a.store))

    # Village B receives the person with their follow-ups, trainings and cards.
    b.sync()
    with b.store.read() as session:
        got = session.scalar(select(Worker).where(Worker.id == worker))
        assert got is not None and got.name == NAME and got.org_code == VILLAGE_2
        assert got.id_number == id_number
    assert _ids(b.store, FollowUp, worker) == {follow}
    assert _ids(b.store, Training, worker) == {training}
    assert _ids(b.store, RightsCard, worker) == {card}
    held = snapshot(b.store)
    assert ("project", project) in held  # the card's project comes with it
    assert held[("follow_up", follow)]["org_code"] == VILLAGE_2
    assert held[("match", match)]["org_code"] == VILLAGE_2  # a posting of the township

    # The township sees every record of the person in village B.
    town.sync()
    seen = snapshot(town.store)
    for kind, record_id in (("worker", worker), ("follow_up", follow), ("card", card)):
        assert seen[(kind, record_id)]["org_code"] == VILLAGE_2

    # Syncing twice more changes nothing anywhere.
    before = {s.label: snapshot(s.store) for s in (a, b, town)}
    for _round in range(2):
        for station in (a, b, town):
            again = station.sync()
            assert (again.pushed, again.written, again.departed, again.parked) == (0, 0, 0, 0)
    assert {s.label: snapshot(s.store) for s in (a, b, town)} == before
    assert len(moved_out_lines(a.store)) == 1

    # The person's data is not in A's database file at all.
    _assert_forgotten(a, [NAME, id_number, FOLLOW_UP_TEXT, TRAINING_COURSE, "13912345678"])


def _assert_forgotten(station: Station, texts: list[str]) -> None:
    """Neither in the database file nor in its write-ahead log, while the program runs
    and after it closes."""
    for closed in (False, True):
        if closed:
            station.store.close()
        files = [
            p
            for p in station.store.path.parent.iterdir()
            if p.name.startswith(station.store.path.name)
        ]
        for path in files:
            data = path.read_bytes()
            for text in texts:
                assert text.encode() not in data, (path.name, text, closed)


def _pull(station: Station, after: int, protocol: int) -> dict[str, Any]:
    config = load_config(station.store)
    assert config is not None
    headers = {
        HEADER_PROTOCOL: str(protocol),
        HEADER_SCHEMA: str(SCHEMA_VERSION),
        "Authorization": f"Bearer {config.credential}",
    }
    server = station.server
    assert server is not None
    with server.session() as session:
        answer = session.get(
            server.url + PULL,
            params={"after": after, "limit": 1},
            headers=headers,
            timeout=10,
        )
    assert answer.status_code == 200, answer.text
    page: dict[str, Any] = answer.json()
    return page


def test_a_move_to_another_township_is_reported_once_in_cursor_order(
    in_process_stations: StationFactory,
) -> None:
    """The county moves a worker to a village of another township: the village and the
    township both lose the person. Pulled one record per page, each exit comes exactly
    once, in cursor order; a protocol-1 client is not told (and works as before)."""
    a = in_process_stations("a", VILLAGE_1)
    town = in_process_stations("town", TOWNSHIP)
    county = in_process_stations("county", COUNTY)
    worker = register_worker(a.store, VILLAGE_1, NAME)
    follow = add_follow_up(a.store, worker, VILLAGE_1, FOLLOW_UP_TEXT)
    for station in (a, town, county):
        station.sync()
    edit_worker(county.store, worker, org_code=OTHER_TOWNSHIP_VILLAGE)
    county.sync()

    seen: list[tuple[str, str]] = []
    cursor, pages = 0, 0
    while True:
        page = _pull(a, cursor, protocol=2)
        pages += 1
        assert page["cursor"] >= cursor and pages < 1000
        assert worker not in {r["id"] for r in page["records"]}
        seen += [(e["type"], e["id"]) for e in page["exits"]]
        if page["exits"]:
            assert page["cursor"] == max(e["seq"] for e in page["exits"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert sorted(seen) == sorted([("worker", worker), ("follow_up", follow)])
    assert _pull(a, cursor, protocol=2)["exits"] == []
    assert "exits" not in _pull(a, 0, protocol=1)

    for station in (town, a):
        report = station.sync()
        assert report.departed == 2, station.label
        assert _ids(station.store, Worker, worker) == set()
        assert _ids(station.store, FollowUp, worker) == set()
        (line,) = moved_out_lines(station.store)
        assert line.worker_id == worker and line.to_place == place_name(
            OTHER_TOWNSHIP_VILLAGE
        ).replace(" / ", " ")
    assert snapshot(county.store)[("follow_up", follow)]["org_code"] == OTHER_TOWNSHIP_VILLAGE
    again = town.sync()
    assert (again.departed, again.written) == (0, 0)

    # Moved back: the village holds the person and their follow-up again, and the
    # moved-out line goes.
    edit_worker(county.store, worker, org_code=VILLAGE_1)
    county.sync()
    a.sync()
    assert _ids(a.store, Worker, worker) == {worker}
    assert _ids(a.store, FollowUp, worker) == {follow}
    assert moved_out_lines(a.store) == []
