"""Which records a station may read and write, enforced by the server.

A village reads and writes only its own village; a township its villages; the county
everything. Job postings (``FLOWS_DOWN``) published by the county or a township also
reach, read-only, every station below the publisher.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, aliased

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.org.codes import COUNTY_CODE, level_of, scope_prefix
from sync.schema import CARD, FLOWS_DOWN, PROJECT
from sync.server.models import Record, ScopeExit

_Column = ColumnElement[str] | InstrumentedAttribute[str]


def is_org_code(value: object) -> bool:
    return isinstance(value, str) and len(value) == 12 and value.isascii() and value.isdigit()


def ancestors_of(code: str) -> tuple[str, ...]:
    """The township and the county above a unit (nearest first)."""
    level = level_of(code)
    if level is OrgLevel.VILLAGE:
        return (code[:9] + "000", COUNTY_CODE)
    if level is OrgLevel.TOWNSHIP:
        return (COUNTY_CODE,)
    return ()


def common_unit(a: str, b: str) -> str:
    """The lowest unit holding both codes (a village, a township or the county)."""
    if a == b:
        return a
    if a[:9] == b[:9]:
        return a[:9] + "000"
    return COUNTY_CODE


@dataclass(frozen=True)
class Scope:
    org_code: str

    @property
    def prefix(self) -> str:
        return scope_prefix(self.org_code)

    @property
    def everything(self) -> bool:
        """True for the county: every record of the server lies within it."""
        return len(self.prefix) == 6

    def contains(self, code: str) -> bool:
        return is_org_code(code) and code.startswith(self.prefix)

    def can_write(self, code: str) -> bool:
        return self.contains(code)

    def can_read(self, record_type: str, code: str) -> bool:
        if self.contains(code):
            return True
        return record_type in FLOWS_DOWN and code in ancestors_of(self.org_code)

    def readable(self) -> ColumnElement[bool]:
        """SQL condition: records this station may pull (those of its units, postings
        from above, and the projects named by the cards it holds)."""
        own = self.covers(Record.org_code, Record.record_type)
        return or_(own, and_(Record.record_type == PROJECT, Record.id.in_(self.held_projects())))

    def held_projects(self) -> Select[str | None]:
        """Ids of the projects named by cards that moved into this station's units
        (with a worker who moved village): the card's project stays with the old unit,
        and the station now holding the card may read it. Driven from the exit log,
        which is small, so a pull does not scan every card of its scope."""
        card = aliased(Record)
        return (
            select(card.project_id)
            .join(ScopeExit, ScopeExit.record_id == card.id)
            .where(
                ScopeExit.record_type == CARD,
                card.project_id.is_not(None),
                self.covers(card.org_code, card.record_type),
            )
        )

    def covers(self, org: _Column, kind: _Column) -> ColumnElement[bool]:
        """SQL condition: a record of kind ``kind`` in unit ``org`` is this station's to
        read (its own units, or a posting published above it)."""
        prefix = self.prefix
        if len(prefix) == 12:
            own: ColumnElement[bool] = org == prefix
        else:
            own = and_(org >= prefix, org < prefix + ":")
        above = ancestors_of(self.org_code)
        if not above:
            return own
        return or_(own, and_(kind.in_(FLOWS_DOWN), org.in_(above)))
