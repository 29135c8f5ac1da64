"""Writing the employment-status history (``models.status_history``).

Called by the two write paths, ``writer`` (this station's edits, imports, dispatch)
and ``sync_apply`` (records from other stations), whenever a worker is created or
one of ``TRACKED`` changes. The day of an event is the day of the write, except
that a status that comes with its own date takes that date: 已就业 from the job's
start, 未就业 from the job's end (a broker who records on the 5th that someone started
on the 20th of last month makes last month's figures right).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from broker_app.store.base import table_of
from broker_app.store.bulk import insert_rows
from broker_app.store.models.status_history import WorkerStatusEvent
from broker_app.store.models.worker import Worker

#: Worker fields whose change is an event.
TRACKED: Final = frozenset({"employment_status", "place_tier", "org_code", "archived"})
_UNEMPLOYED: Final = "unemployed"
_WORKING: Final = frozenset({"employed", "flexible", "self_employed"})


def effective_day(values: Mapping[str, Any], written: date) -> date:
    """The day a status in ``values`` (a worker's fields) took effect."""
    status = values.get("employment_status")
    start, end = values.get("job_start"), values.get("job_end")
    if status in _WORKING and isinstance(start, date) and start <= written:
        return start
    if status == _UNEMPLOYED and isinstance(end, date) and end <= written:
        return end
    return written


def event_row(worker_id: str, values: Mapping[str, Any], written: date) -> dict[str, Any]:
    return {
        "worker_id": worker_id,
        "day": effective_day(values, written),
        "employment_status": values.get("employment_status") or _UNEMPLOYED,
        "place_tier": values.get("place_tier") or "none",
        "org_code": values.get("org_code") or "",
        "archived": bool(values.get("archived") or False),
    }


def add_events(session: Session, rows: Iterable[Mapping[str, Any]]) -> None:
    batch = list(rows)
    if len(batch) >= _DRIVER_BATCH:
        # The driver's own executemany: the ORM's bulk insert spent ~1 s binding the
        # events of a 100k-worker load (as the pull's ``add_arrivals`` found before).
        insert_rows(session, table_of(WorkerStatusEvent), batch)
    elif batch:
        session.execute(insert(WorkerStatusEvent), batch)


#: From this many events on, ``add_events`` hands them to the driver directly.
_DRIVER_BATCH: Final = 1000


def record_current(session: Session, worker_ids: Iterable[str], written: date) -> None:
    """An event for each of ``worker_ids`` with what its row holds now."""
    ids = list(worker_ids)
    if not ids:
        return
    stmt = select(
        Worker.id, Worker.employment_status, Worker.place_tier, Worker.org_code,
        Worker.archived, Worker.job_start, Worker.job_end,
    ).where(Worker.id.in_(ids))  # fmt: skip
    add_events(
        session,
        (event_row(row.id, dict(row._mapping), written) for row in session.execute(stmt)),
    )
