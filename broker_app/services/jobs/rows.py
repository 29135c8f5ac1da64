"""The row of a posting in lists (the 岗位 table, ``list jobs``): a typed row, so the
window reads ``row.title`` instead of indexing a tuple by a field-name map."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple


class JobRow(NamedTuple):
    """One posting in a list. The fields are the columns of
    ``store.repositories.jobs.ROW_COLUMNS``, in order (a test holds them equal)."""

    pk: int
    id: str
    title: str
    employer_name: str
    kind: str
    work_type: str
    place_org_code: str | None
    place_tier: str
    place_text: str
    headcount: int
    #: 录用 + 已上岗 matches of the posting.
    filled: int
    wage_min: int | None
    wage_max: int | None
    wage_unit: str
    age_min: int | None
    age_max: int | None
    deadline: date | None
    status: str
    #: The publishing unit.
    org_code: str
    archived: bool
    updated_at: datetime
