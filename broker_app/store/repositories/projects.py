"""Queries on 工程项目 (projects): the list with its card counts, by id, by name."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.models.card import Project, RightsCard


def with_active_cards(session: Session, *, include_archived: bool) -> list[tuple[Project, int]]:
    """Every project (newest first) with its count of unrevoked, unarchived cards."""
    counts = (
        select(RightsCard.project_id, func.count().label("n"))
        .where(RightsCard.revoked.is_(False), RightsCard.archived.is_(False))
        .group_by(RightsCard.project_id)
        .subquery()
    )
    stmt = (
        select(Project, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.project_id == Project.id)
        .order_by(Project.pk.desc())
    )
    if not include_archived:
        stmt = stmt.where(Project.archived.is_(False))
    return [(project, int(n)) for project, n in session.execute(stmt)]


def by_ids(session: Session, ids: Iterable[str]) -> dict[str, Project]:
    """The projects with these ids (archived ones too), by id."""
    stmt = select(Project).where(Project.id.in_(sorted(set(ids))))
    return {p.id: p for p in session.scalars(stmt)}


def id_named(session: Session, name: str) -> str | None:
    """The id of the one unarchived project called ``name`` (None: none, or several)."""
    if not name.strip():
        return None
    stmt = select(Project.id).where(Project.name == name.strip(), Project.archived.is_(False))
    found = list(session.scalars(stmt.limit(2)))
    return found[0] if len(found) == 1 else None
