"""Queries on 工程项目 (projects): the list with its card counts."""

from __future__ import annotations

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
