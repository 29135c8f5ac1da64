"""The row of a match in lists (the 匹配 table): a typed row, so the window reads
``row.worker_name`` instead of indexing a tuple by a field-name map."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple


class MatchRow(NamedTuple):
    """One match in a list, with its worker's and posting's names. The fields are the
    columns of ``store.repositories.matches.ROW_COLUMNS``, in order (a test holds
    them equal)."""

    pk: int
    id: str
    status: str
    score: float
    worker_id: str
    worker_name: str
    worker_phone: str
    #: The worker's household village.
    worker_org: str
    job_id: str
    job_title: str
    employer_name: str
    job_kind: str
    #: ``[{"status", "date", "note"}, ...]``, oldest first.
    history: list[Any]
    notes: str
    archived: bool
    updated_at: datetime
