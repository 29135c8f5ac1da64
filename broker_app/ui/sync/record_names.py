"""How the sync page names a record: a worker by name, a job by title, anything else
by the end of its id (enough to tell rows apart and to quote on the phone)."""

from __future__ import annotations

from broker_app.services.jobs.postings import JobNotFound, JobPostingService
from broker_app.services.roster.workers import WorkerNotFound, WorkerService
from broker_app.services.station_data import Store

_SHORT_ID = 8


def record_name(store: Store, record_type: str, record_id: str) -> str:
    try:
        if record_type == "worker":
            return str(WorkerService(store).details(record_id)["name"])
        if record_type == "job":
            return str(JobPostingService(store).details(record_id)["title"])
    except (WorkerNotFound, JobNotFound):
        pass
    return "…" + record_id[-_SHORT_ID:]
