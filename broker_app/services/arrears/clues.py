"""欠薪线索 (wage-arrears clues) at the station: list them with their next deadline,
register one taken by phone or at the station, and take it through its steps.

Each write is one transaction through the record writer, so the clue and its outbox
entry are committed together and the change reaches the project's township and the
county at the next sync. A clue belongs to the unit of its project (the station that
holds the project handles it); one with no project belongs to this station's unit.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from broker_app.domain.arrears.clues import ClueDeadlines, ClueSource, ClueStatus, new_query_code
from broker_app.domain.arrears.deadlines import OPEN_STATUSES, is_overdue, next_step_due
from broker_app.domain.arrears.report import (
    InvalidClue,
    check_step,
    clean_report,
    clean_text,
)
from broker_app.domain.common.errors import FieldError, UserError
from broker_app.domain.org.codes import code_in_scope
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.settings.schema import ArrearsSettings
from broker_app.services.settings.storage import read_section
from broker_app.store.models.arrears import WageClue
from broker_app.store.models.card import Project
from broker_app.store.repositories import clues as clue_repo
from broker_app.store.repositories.records import by_id
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)


class ClueFilter(StrEnum):
    """Which clues the list shows."""

    OPEN = "open"
    OVERDUE = "overdue"
    ALL = "all"


class ClueNotFound(UserError, LookupError):
    def __init__(self, clue_id: str) -> None:
        super().__init__(f"找不到这条欠薪线索（{clue_id}）", f"no wage clue {clue_id}")


@dataclass(frozen=True)
class ClueRow:
    """One clue as the list and the command line show it."""

    id: str
    org_code: str
    project_id: str | None
    project_name: str | None
    source: str
    status: str
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    reporter_name: str | None
    reporter_phone: str
    amount_owed: int | None
    months_owed: int | None
    description: str
    reject_reason: str
    public_note: str
    query_code: str
    #: When the next step is due (None: closed or refused), and whether it is late.
    due_on: date | None
    overdue: bool

    @property
    def source_label(self) -> str:
        member = ClueSource.from_value(self.source)
        return member.label if member is not None else self.source

    @property
    def status_label(self) -> str:
        member = ClueStatus.from_value(self.status)
        return member.label if member is not None else self.status


def deadlines_of(session: Transaction) -> ClueDeadlines:
    """The deadlines this station works to (settings ``arrears.*``)."""
    section = read_section(session, ArrearsSettings, None)
    return ClueDeadlines(section.receive_days, section.accept_days, section.resolve_days)


class ClueService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def deadlines(self) -> ClueDeadlines:
        with self.store.read() as session:
            return deadlines_of(session)

    def clues(
        self, which: ClueFilter = ClueFilter.OPEN, today: date | None = None
    ) -> list[ClueRow]:
        """The station's clues (its scope's, at a township or the county), newest first."""
        today = today or date.today()
        statuses = None if which is ClueFilter.ALL else sorted(OPEN_STATUSES)
        with self.store.read() as session:
            deadlines = deadlines_of(session)
            rows = [
                _row(clue, name, deadlines, today)
                for clue, name in clue_repo.with_projects(session, statuses=statuses)
            ]
        if which is ClueFilter.OVERDUE:
            rows = [row for row in rows if row.overdue]
        return rows

    def clue(self, clue_id: str, today: date | None = None) -> ClueRow:
        with self.store.read() as session:
            clue = _get(session, clue_id)
            project = by_id(session, Project, clue.project_id) if clue.project_id else None
            return _row(
                clue,
                project.name if project else None,
                deadlines_of(session),
                today or date.today(),
            )

    def projects(self) -> list[tuple[str, str]]:
        """(id, name) of the projects a clue may name: this station's."""
        with self.store.read() as session:
            return [(pid, name) for pid, name, _org in clue_repo.project_ids(session)]

    # -- writes ------------------------------------------------------------------
    def register(self, raw: Mapping[str, Any], today: date | None = None) -> Change:
        """A clue taken by phone (``source`` phone) or at the station (visit)."""
        values = clean_report(raw, today or date.today())
        project_id = str(raw.get("project_id") or "").strip() or None
        with self.store.write() as session:
            station = get_station(session)
            org_code = station.org_code
            if project_id is not None:
                project = by_id(session, Project, project_id)
                if project is None or project.archived:
                    raise InvalidClue(
                        [FieldError("project_id", "请从本驿站的工程项目中选择", "unknown project")]
                    )
                if org_code is not None and code_in_scope(org_code, project.org_code):
                    # The station holding the project handles the clue (a township
                    # registering a call about a village's project: the village's).
                    org_code = project.org_code
            if org_code is None:
                raise UserError("请先设置本驿站所属单位", "station not configured")
            clue = self.store.writer(session).create(
                WageClue,
                {
                    **values,
                    "project_id": project_id,
                    "org_code": org_code,
                    "status": ClueStatus.RECEIVED.value,
                    "query_code": new_query_code(),
                    "reject_reason": "",
                    "public_note": "",
                    "operator": station.operator_name or None,
                },
            )
            clue_id = clue.id
        log.info("registered wage clue %s (%s)", clue_id, values["source"])
        return Change(RecordKind.WAGE_CLUE, Op.CREATE, (clue_id,))

    def accept(self, clue_id: str, today: date | None = None) -> Change:
        """已接收 -> 已受理, dated ``today``."""
        return self._step(
            clue_id,
            ClueStatus.ACCEPTED,
            {"accepted_on": today or date.today()},
        )

    def close(self, clue_id: str, public_note: Any, today: date | None = None) -> Change:
        """已受理 -> 已办结 with the note the worker reads on the card page (required:
        the worker is owed an answer)."""
        note = clean_text(public_note, "public_note", "办理结果（群众可见）", required=True)
        return self._step(
            clue_id, ClueStatus.CLOSED, {"closed_on": today or date.today(), "public_note": note}
        )

    def reject(self, clue_id: str, reason: Any, today: date | None = None) -> Change:
        """已接收 -> 不予受理 with the reason (required); the day goes in ``closed_on``.
        The reason is also the public note unless one is written."""
        text = clean_text(reason, "reject_reason", "不予受理的理由", required=True)
        return self._step(
            clue_id,
            ClueStatus.REJECTED,
            {"closed_on": today or date.today(), "reject_reason": text},
            note_default=text,
        )

    def write_note(self, clue_id: str, public_note: Any) -> Change:
        """The note the worker reads under 查询进度 (any status)."""
        note = clean_text(public_note, "public_note", "办理情况（群众可见）", required=False)
        with self.store.write() as session:
            clue = _get(session, clue_id)
            changed = self.store.writer(session).update(clue, {"public_note": note})
        return Change(RecordKind.WAGE_CLUE, Op.UPDATE, (clue_id,), frozenset(changed))

    def _step(
        self,
        clue_id: str,
        status: ClueStatus,
        values: dict[str, Any],
        note_default: str = "",
    ) -> Change:
        with self.store.write() as session:
            clue = _get(session, clue_id)
            check_step(clue.status, status)
            changes = {**values, "status": status.value}
            operator = get_station(session).operator_name
            if operator:
                changes["operator"] = operator
            if note_default and not clue.public_note:
                changes["public_note"] = note_default
            changed = self.store.writer(session).update(clue, changes)
        log.info("wage clue %s -> %s", clue_id, status.value)
        return Change(RecordKind.WAGE_CLUE, Op.UPDATE, (clue_id,), frozenset(changed))


def _get(session: Transaction, clue_id: str) -> WageClue:
    clue = by_id(session, WageClue, clue_id)
    if clue is None or clue.archived:
        raise ClueNotFound(clue_id)
    return clue


def _row(
    clue: WageClue, project_name: str | None, deadlines: ClueDeadlines, today: date
) -> ClueRow:
    return ClueRow(
        id=clue.id,
        org_code=clue.org_code,
        project_id=clue.project_id,
        project_name=project_name,
        source=clue.source,
        status=clue.status,
        received_on=clue.received_on,
        accepted_on=clue.accepted_on,
        closed_on=clue.closed_on,
        reporter_name=clue.reporter_name,
        reporter_phone=clue.reporter_phone,
        amount_owed=clue.amount_owed,
        months_owed=clue.months_owed,
        description=clue.description,
        reject_reason=clue.reject_reason,
        public_note=clue.public_note,
        query_code=clue.query_code,
        due_on=next_step_due(clue.status, clue.received_on, deadlines),
        overdue=is_overdue(clue.status, clue.received_on, today, deadlines),
    )
