"""The server enforces scope per item and deduplicates re-pushed mutations (the server
in-process: tests/sync/in_process.py)."""

from __future__ import annotations

from sqlalchemy import select, update

from broker_app.store.models import JobPosting, Worker
from broker_app.store.models.local import OutboxEntry
from broker_app.store.repositories import workers as worker_repo
from sync.server.db import ServerDB
from sync.server.models import Record, ScopeRefusal
from tests.conftest import worker_input
from tests.sync.conftest import (
    COUNTY,
    FAR_VILLAGE,
    VILLAGE_1,
    VILLAGE_2,
    StationFactory,
    station_client,
)
from tests.sync.in_process import InProcessServer
from tests.sync.records import new_id_number, publish_job, register_worker, write_fields


def _server_record(server: InProcessServer, record_id: str) -> Record | None:
    db = ServerDB(server.db_url)
    try:
        with db.read() as session:
            return session.get(Record, record_id)
    finally:
        db.dispose()


def test_village_cannot_write_another_village(
    in_process_stations: StationFactory, in_process_server: InProcessServer
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    own = register_worker(v1.store, VILLAGE_1, "赵一")
    # A worker of another village, written past the service's checks.
    with v1.store.write() as session:
        from broker_app.domain.people.rules import clean_worker

        values = clean_worker(worker_input(id_number=new_id_number(), org_code=VILLAGE_2)).values
        foreign = worker_repo.create(v1.store.writer(session), values).id
    report = v1.sync()
    assert report.applied == 1 and report.rejected == 1
    (rejection,) = report.rejections
    assert rejection.record_id == foreign and rejection.code == "scope"
    assert "管辖范围" in rejection.message
    # Quarantined with the reason; the good item went through; the sync carried on.
    with v1.store.read() as session:
        entry = session.scalar(select(OutboxEntry).where(OutboxEntry.record_id == foreign))
        assert entry is not None and entry.state == "quarantined" and "scope" in entry.error
    assert v1.runner().status().quarantined == 1
    assert _server_record(in_process_server, own) is not None
    assert _server_record(in_process_server, foreign) is None
    # Every refusal is logged (table and server log).
    db = ServerDB(in_process_server.db_url)
    with db.read() as session:
        refused = session.scalars(select(ScopeRefusal).where(ScopeRefusal.record_id == foreign))
        assert [r.org_code for r in refused] == [VILLAGE_2]
    db.dispose()
    assert "scope refusal: station" in in_process_server.log_text()
    # Moving one's own worker out of one's scope is refused too.
    write_fields(v1.store, Worker, own, org_code=FAR_VILLAGE)
    report = v1.sync()
    assert [r.code for r in report.rejections] == ["scope"]


def test_village_cannot_see_another_village_or_edit_county_postings(
    in_process_stations: StationFactory,
) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    county = in_process_stations("county", COUNTY)
    theirs = register_worker(v2.store, VILLAGE_2, "钱二")
    job = publish_job(county.store, COUNTY, "县里的岗位")
    v2.sync()
    county.sync()
    v1.sync()
    with v1.store.read() as session:
        assert session.scalar(select(Worker).where(Worker.id == theirs)) is None
        assert session.scalar(select(JobPosting.id).where(JobPosting.id == job)) == job
    # A county posting reaches the village read-only.
    write_fields(v1.store, JobPosting, job, title="村里改的标题")
    report = v1.sync()
    assert [r.code for r in report.rejections] == ["scope"]


def test_repush_is_idempotent(in_process_stations: StationFactory) -> None:
    v1 = in_process_stations("v1", VILLAGE_1)
    worker = register_worker(v1.store, VILLAGE_1, "孙三")
    write_fields(v1.store, Worker, worker, notes="第一次")
    first = v1.sync()
    assert first.applied == 2
    # As if the answers had been lost (a crash before they were recorded): send again.
    with v1.store.write() as session:
        session.execute(update(OutboxEntry).values(state="pending"))
    again = v1.sync()
    assert again.pushed == 2 and again.duplicates == 2 and again.applied == 0
    assert again.written == 0 and again.pulled == 0  # nothing changed on the server


def test_child_records_may_only_hang_on_workers_in_scope(
    in_process_stations: StationFactory,
) -> None:
    from sync.ids import uuid7

    v1 = in_process_stations("v1", VILLAGE_1)
    v2 = in_process_stations("v2", VILLAGE_2)
    theirs = register_worker(v2.store, VILLAGE_2, "李十")
    v2.sync()
    fields = {"org_code": VILLAGE_1, "worker_id": theirs, "date": "2026-11-01", "kind": "visit"}
    mutation = {
        "mutation_id": uuid7(),
        "record_type": "follow_up",
        "record_id": uuid7(),
        "op": "create",
        "fields": fields,
        "hlc": v1.store.clock.now(),
    }
    (result,) = station_client(v1).push([mutation])  # type: ignore[list-item]
    assert result["status"] == "rejected" and result["code"] == "scope"
