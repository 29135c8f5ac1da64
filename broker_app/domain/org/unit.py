"""One org unit (county, township or village): the value the tree, its search and the
pickers pass around. On its own so the search index need not import the tree."""

from __future__ import annotations

from dataclasses import dataclass

from broker_app.domain.common.enums import OrgLevel


@dataclass(frozen=True)
class OrgUnit:
    code: str  # always 12 digits
    name: str
    level: OrgLevel
    parent_code: str | None
    short_name: str
