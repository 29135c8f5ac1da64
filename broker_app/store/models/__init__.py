"""All tables; importing this package registers them on ``Base.metadata``."""

from broker_app.store.models.arrears import WageClue
from broker_app.store.models.assistance import FollowUp, Training
from broker_app.store.models.audit import AuditEntry
from broker_app.store.models.card import Project, RightsCard
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.models.inspection import Inspection, SiteProblem
from broker_app.store.models.job import JobPosting
from broker_app.store.models.local import (
    DepartedRecord,
    MovedOut,
    OrgUnit,
    OutboxEntry,
    Setting,
    Station,
)
from broker_app.store.models.match import Match
from broker_app.store.models.status_history import WorkerStatusEvent, WorkerStatusLatest
from broker_app.store.models.worker import Worker, WorkerSearchToken

#: Every synced record kind, by its wire name.
RECORD_TYPES = {
    cls.record_type: cls
    for cls in (
        Worker, JobPosting, Match, DispatchBatch, DispatchMember, Project, RightsCard,
        FollowUp, Training, WageClue, Inspection, SiteProblem,
    )
}  # fmt: skip

__all__ = [
    "RECORD_TYPES",
    "AuditEntry",
    "DepartedRecord",
    "DispatchBatch",
    "DispatchMember",
    "FollowUp",
    "Inspection",
    "JobPosting",
    "Match",
    "MovedOut",
    "OrgUnit",
    "OutboxEntry",
    "Project",
    "RightsCard",
    "Setting",
    "SiteProblem",
    "Station",
    "Training",
    "WageClue",
    "Worker",
    "WorkerSearchToken",
    "WorkerStatusEvent",
    "WorkerStatusLatest",
]
