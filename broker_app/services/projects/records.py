"""工程项目 use cases: list, create, edit, archive. Blank complaint phones, minimum wage
and pay day of a new project are filled from this station's local defaults."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from broker_app.domain.common.errors import FieldError, InvalidInput, UserError
from broker_app.domain.projects.rules import clean_project
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.projects.defaults import (
    DEFAULT_FIELDS,
    ProjectDefaults,
    read_defaults,
    with_defaults,
)
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.store.models.card import Project
from broker_app.store.repositories import projects as project_repo
from broker_app.store.repositories import records
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)


class InvalidProject(InvalidInput):
    """The input breaks one or more rules; ``errors`` says which, field by field."""


class ProjectNotFound(UserError, LookupError):
    def __init__(self, project_id: str) -> None:
        super().__init__(f"找不到该工程项目（{project_id}）", f"no project {project_id}")
        self.project_id = project_id


class ProjectService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def projects(self, *, include_archived: bool = False) -> list[dict[str, Any]]:
        """Every project (newest first) with ``active_cards``: its unrevoked card count."""
        with self.store.read() as session:
            found = project_repo.with_active_cards(session, include_archived=include_archived)
            return [{**project_fields(project), "active_cards": n} for project, n in found]

    def details(self, project_id: str) -> dict[str, Any]:
        with self.store.read() as session:
            return project_fields(get_project(session, project_id))

    def defaults(self) -> ProjectDefaults:
        with self.store.read() as session:
            return read_defaults(session)

    # -- writes ------------------------------------------------------------------
    def save_defaults(self, raw: Mapping[str, Any]) -> ProjectDefaults:
        """Validate the default fields present in ``raw`` with the project rules, store them."""
        wanted = {name: value for name, value in raw.items() if name in DEFAULT_FIELDS}
        cleaned = clean_project(wanted, partial=True)
        if not cleaned.ok:
            raise InvalidProject(cleaned.errors)
        save_settings(self.store, with_defaults(load_settings(self.store), cleaned.values))
        return self.defaults()

    def create(self, raw: Mapping[str, Any]) -> Change:
        cleaned = clean_project(raw)
        if not cleaned.ok:
            raise InvalidProject(cleaned.errors)
        with self.store.write() as session:
            values = read_defaults(session).fill(cleaned.values)
            org_code = get_station(session).org_code
            if org_code is None:
                raise LookupError("station not configured")
            project = self.store.writer(session).create(Project, {**values, "org_code": org_code})
            project_id = project.id
        log.info("created project %s", project_id)
        return Change(RecordKind.PROJECT, Op.CREATE, (project_id,))

    def edit(self, project_id: str, raw: Mapping[str, Any]) -> Change:
        """Change the fields present in ``raw``; the rest stay as they are.

        Cards already issued keep the facts they were signed with; the card list
        marks them as out of date so the broker can reissue.
        """
        cleaned = clean_project(raw, partial=True)
        if not cleaned.ok:
            raise InvalidProject(cleaned.errors)
        with self.store.write() as session:
            project = get_project(session, project_id)
            merged = {**project_fields(project), **cleaned.values}
            start, end = merged.get("start_date"), merged.get("end_date")
            if isinstance(start, date) and isinstance(end, date) and end < start:
                raise InvalidProject(
                    [FieldError("end_date", "竣工日期早于开工日期", "end_date before start_date")]
                )
            changed = self.store.writer(session).update(project, cleaned.values)
        return Change(RecordKind.PROJECT, Op.UPDATE, (project_id,), frozenset(changed))

    def archive(self, project_id: str) -> Change:
        with self.store.write() as session:
            self.store.writer(session).archive(get_project(session, project_id))
        return Change(RecordKind.PROJECT, Op.ARCHIVE, (project_id,), frozenset({"archived"}))


def get_project(session: Transaction, project_id: str) -> Project:
    project = records.by_id(session, Project, project_id)
    if project is None:
        raise ProjectNotFound(project_id)
    return project


def project_fields(project: Project) -> dict[str, Any]:
    """Every synced field of ``project`` as Python values, plus ``id``."""
    return {"id": project.id, **{name: getattr(project, name) for name in Project.sync_fields}}
