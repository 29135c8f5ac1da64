"""What the sync protocol knows about record kinds, and the schema version it speaks.

The fields of each kind are in ``sync.record_fields`` (the server checks pushes
against them; a test holds the desktop models equal to them); the protocol itself
only needs the structural facts below. A field name the receiver does not know is
carried by the server (bounded) and ignored by an older client, so adding a field
needs no version bump; renaming or re-typing one does.
"""

from __future__ import annotations

from typing import Final

#: Version of the record schema on the wire (kinds, their meaning, the parent links).
SCHEMA_VERSION: Final = 1

WORKER: Final = "worker"
JOB: Final = "job"
CARD: Final = "card"
PROJECT: Final = "project"

#: Every record kind that travels over sync, by wire name.
RECORD_TYPES: Final = frozenset(
    {
        WORKER,
        JOB,
        "match",
        "batch",
        "batch_member",
        PROJECT,
        CARD,
        "follow_up",
        "training",
        "wage_clue",
        "inspection",
        "site_problem",
    }
)

#: Kinds whose ``org_code`` is the publishing unit: a county or township posting
#: reaches every station below it. Every other kind's ``org_code`` is the household
#: village of the worker it belongs to.
FLOWS_DOWN: Final = frozenset({JOB})

#: The field of a child record that names its worker (used to repoint children when
#: a county officer merges two records of the same person).
WORKER_REF: Final = "worker_id"

#: The field of a card that names its project: a station holding the card may read
#: the project (the new village of a worker who moved, for one).
PROJECT_REF: Final = "project_id"

#: The worker field that identifies a person across stations.
ID_NUMBER: Final = "id_number"

#: Fields every record carries on the wire.
ORG_CODE: Final = "org_code"
ARCHIVED: Final = "archived"
