"""What a roster search asks for: free text, filters and an order. Plain values, so the
GUI, the command line and the repository share one vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup


class SortKey:
    """Columns the roster can be ordered by."""

    NAME = "name"
    AGE = "age"
    VILLAGE = "village"
    STATUS = "status"
    UPDATED = "updated"
    ALL = (NAME, AGE, VILLAGE, STATUS, UPDATED)


@dataclass(frozen=True)
class RosterFilter:
    text: str = ""
    #: A village, township or county code: the worker's household must lie within it.
    org_code: str | None = None
    status: EmploymentStatus | None = None
    priority: PriorityGroup | None = None
    labor_brand: str | None = None
    include_archived: bool = False


@dataclass(frozen=True)
class RosterSort:
    key: str = SortKey.NAME
    descending: bool = False
