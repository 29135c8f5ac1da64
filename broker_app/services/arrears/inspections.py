"""项目检查 and 发现问题 at the station: record a visit (with the problems found, in
one transaction), close a problem, and the two lists (双清单): projects not visited
this month, problems not yet rectified.

Inspections and problems belong to their project's unit, as clues do, so the
project's township and the county see them after sync.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from broker_app.domain.arrears.inspections import (
    InvalidInspection,
    clean_closing,
    clean_inspection,
    clean_problem,
    month_of,
    not_visited,
    problem_overdue,
)
from broker_app.domain.common.errors import FieldError, UserError
from broker_app.domain.org.units import load_zoucheng
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.store.models.card import Project
from broker_app.store.models.inspection import Inspection, SiteProblem
from broker_app.store.repositories import inspections as inspection_repo
from broker_app.store.repositories.records import by_id
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProjectToVisit:
    """A project nobody visited this month (包保项目清单)."""

    id: str
    name: str
    org_code: str
    responsible_unit: str
    responsible_person: str
    last_visit: date | None


@dataclass(frozen=True)
class OpenProblem:
    """A problem not yet rectified (发现问题清单)."""

    id: str
    project_id: str
    project_name: str | None
    description: str
    found_on: date
    deadline: date | None
    overdue: bool


class InspectionService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- the two lists -------------------------------------------------------------------
    def projects_to_visit(self, today: date | None = None) -> list[ProjectToVisit]:
        today = today or date.today()
        first, last = month_of(today)
        with self.store.read() as session:
            projects = inspection_repo.active_projects(session)
            visits = inspection_repo.visits_between(session, first, last)
            latest = inspection_repo.last_visits(session)
            wanted = set(
                not_visited([p.id for p in projects], [(pid, on) for pid, on, _ in visits], today)
            )
            directory = load_zoucheng()
            rows = []
            for project in projects:
                if project.id not in wanted:
                    continue
                unit = directory.find(project.responsible_org) if project.responsible_org else None
                rows.append(
                    ProjectToVisit(
                        project.id,
                        project.name,
                        project.org_code,
                        unit.name if unit else (project.responsible_org or ""),
                        project.responsible_person,
                        latest.get(project.id),
                    )
                )
            return rows

    def open_problems(self, today: date | None = None) -> list[OpenProblem]:
        today = today or date.today()
        with self.store.read() as session:
            return [
                OpenProblem(
                    problem.id,
                    problem.project_id,
                    name,
                    problem.description,
                    problem.found_on,
                    problem.deadline,
                    problem_overdue(problem.deadline, problem.closed_on, today),
                )
                for problem, name in inspection_repo.open_problems(session)
            ]

    # -- writes --------------------------------------------------------------------------
    def record(
        self,
        project_id: str,
        raw: Mapping[str, Any],
        problems: Sequence[Mapping[str, Any]] = (),
        today: date | None = None,
    ) -> list[Change]:
        """One visit and the problems found on it, in one transaction (all or none)."""
        today = today or date.today()
        values = clean_inspection(raw, today)
        found = [
            clean_problem({**problem, "found_on": values["inspected_on"]}, today)
            for problem in problems
        ]
        with self.store.write() as session:
            project = _project(session, project_id)
            writer = self.store.writer(session)
            base = {"project_id": project.id, "org_code": project.org_code}
            inspection = writer.create(Inspection, {**values, **base})
            created = [
                writer.create(SiteProblem, {**problem, **base, "inspection_id": inspection.id}).id
                for problem in found
            ]
            inspection_id = inspection.id
        log.info("inspection %s of project %s, %d problems", inspection_id, project_id, len(found))
        changes = [Change(RecordKind.INSPECTION, Op.CREATE, (inspection_id,))]
        if created:
            changes.append(Change(RecordKind.SITE_PROBLEM, Op.CREATE, tuple(created)))
        return changes

    def add_problem(
        self, project_id: str, raw: Mapping[str, Any], today: date | None = None
    ) -> Change:
        """A problem found outside a recorded visit (a call, a township's check)."""
        values = clean_problem(raw, today or date.today())
        with self.store.write() as session:
            project = _project(session, project_id)
            problem = self.store.writer(session).create(
                SiteProblem, {**values, "project_id": project.id, "org_code": project.org_code}
            )
            problem_id = problem.id
        return Change(RecordKind.SITE_PROBLEM, Op.CREATE, (problem_id,))

    def close_problem(self, problem_id: str, note: Any, today: date | None = None) -> Change:
        """Rectified: the day and what was done (required)."""
        text = clean_closing(note)
        with self.store.write() as session:
            problem = by_id(session, SiteProblem, problem_id)
            if problem is None or problem.archived:
                raise UserError(f"找不到这个问题（{problem_id}）", f"no site problem {problem_id}")
            if problem.closed_on is not None:
                raise UserError("这个问题已经整改销号", f"site problem {problem_id} already closed")
            changed = self.store.writer(session).update(
                problem, {"closed_on": today or date.today(), "closing_note": text}
            )
        return Change(RecordKind.SITE_PROBLEM, Op.UPDATE, (problem_id,), frozenset(changed))


def _project(session: Transaction, project_id: str) -> Project:
    project = by_id(session, Project, project_id)
    if project is None or project.archived:
        raise InvalidInspection(
            [FieldError("project_id", "请从本驿站的工程项目中选择", "unknown project")]
        )
    return project
