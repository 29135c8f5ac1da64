"""Queries on 项目检查 and 发现问题: the visits of a period, and the open problems."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.models.card import Project
from broker_app.store.models.inspection import Inspection, SiteProblem


def visits_between(session: Session, first: date, last: date) -> list[tuple[str, date, str]]:
    """(project id, day, org_code) of every unarchived visit from ``first`` to ``last``."""
    stmt = select(Inspection.project_id, Inspection.inspected_on, Inspection.org_code).where(
        Inspection.archived.is_(False),
        Inspection.inspected_on >= first,
        Inspection.inspected_on <= last,
    )
    return [(pid, day, org) for pid, day, org in session.execute(stmt)]


def last_visits(session: Session) -> dict[str, date]:
    """Project id -> the day of its latest unarchived visit."""
    stmt = (
        select(Inspection.project_id, func.max(Inspection.inspected_on))
        .where(Inspection.archived.is_(False))
        .group_by(Inspection.project_id)
    )
    return {pid: day for pid, day in session.execute(stmt)}


def active_projects(session: Session) -> list[Project]:
    """Unarchived projects by name."""
    stmt = select(Project).where(Project.archived.is_(False)).order_by(Project.name)
    return list(session.scalars(stmt))


def open_problems(session: Session) -> list[tuple[SiteProblem, str | None]]:
    """Unclosed, unarchived problems (earliest deadline first; none last) with their
    project's name."""
    stmt = (
        select(SiteProblem, Project.name)
        .outerjoin(Project, Project.id == SiteProblem.project_id)
        .where(SiteProblem.archived.is_(False), SiteProblem.closed_on.is_(None))
        .order_by(SiteProblem.deadline.is_(None), SiteProblem.deadline, SiteProblem.found_on)
    )
    return [(problem, name) for problem, name in session.execute(stmt)]


def problems_found_between(session: Session, first: date, last: date) -> list[tuple[str, str]]:
    """(org_code, id) of unarchived problems found from ``first`` to ``last``."""
    stmt = select(SiteProblem.org_code, SiteProblem.id).where(
        SiteProblem.archived.is_(False),
        SiteProblem.found_on >= first,
        SiteProblem.found_on <= last,
    )
    return [(org, pid) for org, pid in session.execute(stmt)]
