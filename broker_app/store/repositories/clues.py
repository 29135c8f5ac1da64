"""Queries on 欠薪线索 (wage-arrears clues): the station's list and a month's clues.

A station holds the clues of its scope only (sync delivers nothing else), so "every
clue" is the village's, the township's or the county's as the station is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from broker_app.store.models.arrears import WageClue
from broker_app.store.models.card import Project


def with_projects(
    session: Session, *, statuses: Sequence[str] | None = None
) -> list[tuple[WageClue, str | None]]:
    """Unarchived clues (newest arrival first) with their project's name (None: no
    project, or one this station does not hold); ``statuses`` limits them."""
    stmt = (
        select(WageClue, Project.name)
        .outerjoin(Project, Project.id == WageClue.project_id)
        .where(WageClue.archived.is_(False))
        .order_by(WageClue.received_on.desc(), WageClue.pk.desc())
    )
    if statuses is not None:
        stmt = stmt.where(WageClue.status.in_(list(statuses)))
    return [(clue, name) for clue, name in session.execute(stmt)]


def of_period(session: Session, first: date, last: date) -> list[WageClue]:
    """Unarchived clues that were open at some time between ``first`` and ``last``
    (received by ``last`` and not finished before ``first``): everything a month's
    figures count."""
    stmt = select(WageClue).where(
        WageClue.archived.is_(False),
        WageClue.received_on <= last,
        or_(WageClue.closed_on.is_(None), WageClue.closed_on >= first),
    )
    return list(session.scalars(stmt))


def project_ids(session: Session) -> list[tuple[str, str, str]]:
    """(id, name, org_code) of every unarchived project this station holds, by name."""
    stmt = (
        select(Project.id, Project.name, Project.org_code)
        .where(Project.archived.is_(False))
        .order_by(Project.name)
    )
    return [(pid, name, org) for pid, name, org in session.execute(stmt)]
