"""One row of the roster as the table, the pickers and the exports receive it.

A ``NamedTuple``: as small as the bare tuple it replaces (the table caches up to
20,000 of them) and still indexable, while readers name the field they want
(``row.birth_date``) instead of looking its position up in a field-order constant.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple


class RosterRow(NamedTuple):
    pk: int
    id: str
    name: str
    gender: str
    birth_date: date
    id_number: str
    phone: str
    org_code: str
    employment_status: str
    place_tier: str
    employer: str
    poverty_alleviated: bool
    monitoring_type: str | None
    low_income: bool
    disabled: bool
    labor_brand: str
    skills: list[Any]
    archived: bool
    updated_at: datetime
