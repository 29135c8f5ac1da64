"""Making and reading records on a station under test."""

from __future__ import annotations

from datetime import date
from typing import Any

from broker_app.services.listing import KINDS, iter_records
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models import FollowUp, JobPosting, Match
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.store import Store
from tests.conftest import valid_id, worker_input

_serial = iter(range(100, 1000))


def new_id_number() -> str:
    return valid_id(birth="19850315", seq=f"{next(_serial):03d}")


def register_worker(store: Store, org_code: str, name: str, id_number: str | None = None) -> str:
    change = WorkerService(store).register(
        worker_input(name=name, id_number=id_number or new_id_number(), org_code=org_code)
    )
    return change.record_ids[0]


def edit_worker(store: Store, worker_id: str, **changes: Any) -> None:
    WorkerService(store).edit(worker_id, changes)


def write_fields(store: Store, cls: type[Any], record_id: str, **changes: Any) -> None:
    """A local edit through the writer (what any service does), for any record kind."""
    with store.write() as session:
        from sqlalchemy import select

        record = session.scalar(select(cls).where(cls.id == record_id))
        assert record is not None, f"{cls.record_type} {record_id} not on this station"
        if cls.record_type == "worker":
            worker_repo.update(store.writer(session), record, changes)
        else:
            store.writer(session).update(record, changes)


def publish_job(store: Store, org_code: str, title: str) -> str:
    with store.write() as session:
        job = store.writer(session).create(
            JobPosting,
            {
                "org_code": org_code,
                "title": title,
                "employer_name": "邹城市某某建筑有限公司",
                "kind": "full_time",
                "place_tier": "in_county",
                "status": "open",
                "headcount": 5,
            },
        )
        return job.id


def add_follow_up(store: Store, worker_id: str, org_code: str, content: str) -> str:
    with store.write() as session:
        record = store.writer(session).create(
            FollowUp,
            {
                "worker_id": worker_id,
                "org_code": org_code,
                "date": date(2026, 11, 1),
                "kind": "visit",
                "content": content,
            },
        )
        return record.id


def add_match(store: Store, worker_id: str, job_id: str, org_code: str) -> str:
    with store.write() as session:
        record = store.writer(session).create(
            Match,
            {
                "worker_id": worker_id,
                "job_id": job_id,
                "org_code": org_code,
                "status": "recommended",
                "score": 80.0,
            },
        )
        return record.id


def snapshot(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record of every kind (archived too) by (kind, id), in wire form."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for kind in KINDS:
        for record in iter_records(store, kind, include_archived=True):
            out[(KINDS[kind], record["id"])] = record
    return out


def visible_to(station_org: str, record_type: str, org_code: str) -> bool:
    """The scope rule, written out independently of the server's code."""
    county, township = station_org[:6] + "000000", station_org[:9] + "000"
    if station_org == county:
        return True
    if station_org == township:
        return org_code.startswith(station_org[:9]) or (record_type == "job" and org_code == county)
    if org_code == station_org:
        return True
    return record_type == "job" and org_code in (township, county)
