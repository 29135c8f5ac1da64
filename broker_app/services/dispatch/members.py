"""Who goes with a batch: pick workers from 录用 / 已上岗 matches or from the roster,
add them, remove them.

Each member is its own synced record. A worker may be in one active batch (筹备 /
已出发 / 已到岗) at a time; the check runs here, at write time, on what this station
knows. Two stations that each put the same person in a different batch before they
sync cannot see each other: the later export shows both, and the broker removes one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.dispatch.query import MemberPick
from broker_app.domain.dispatch.status import check_members_editable
from broker_app.domain.matching.profiles import COMMITTED_MATCH_STATUSES
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.dispatch.batches import InvalidBatch, get_batch
from broker_app.store.models.dispatch import DispatchMember
from broker_app.store.repositories import dispatch as queries
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.store import Store

log = logging.getLogger(__name__)

_COMMITTED_LABELS = "、".join(
    status.label for status in MatchStatus if status.value in COMMITTED_MATCH_STATUSES
)


@dataclass(frozen=True)
class SkippedWorker:
    worker_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class MembersAdded:
    member_ids: list[str]
    skipped: list[SkippedWorker]
    changes: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class RosterCandidate:
    """A roster worker found by search, and the active batch they are in ("" if none)."""

    worker_id: str
    name: str
    gender: str
    birth_date: date
    id_number: str
    phone: str
    org_code: str
    employment_status: str
    skills: list[str]
    busy_in: str


class DispatchMemberService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- candidates ----------------------------------------------------------------
    def match_candidates(self, text: str = "", limit: int = 500) -> list[queries.MatchCandidate]:
        """录用 / 已上岗 matches, newest first; ``busy_in`` names a worker's active batch."""
        with self.store.read() as session:
            return queries.match_candidates(session, text, limit)

    def roster_candidates(self, text: str, limit: int = 50) -> list[RosterCandidate]:
        """Workers the roster search finds for ``text`` (name, pinyin, ID or phone digits)."""
        flt = RosterFilter(text=text)
        with self.store.read() as session:
            rows = worker_repo.page(session, flt, RosterSort(), 0, limit)
            busy = queries.active_batches_of(session, [row.id for row in rows])
        return [
            RosterCandidate(
                row.id,
                row.name,
                row.gender,
                row.birth_date,
                row.id_number,
                row.phone,
                row.org_code,
                row.employment_status,
                list(row.skills),
                busy[row.id][1] if row.id in busy else "",
            )
            for row in rows
        ]

    # -- writes ------------------------------------------------------------------
    def add_members(self, batch_id: str, picks: Sequence[MemberPick]) -> MembersAdded:
        """Add the picked workers; those who cannot join are skipped with the reason
        (already in this or another active batch, a match not 录用 / 已上岗...)."""
        added: list[str] = []
        skipped: list[SkippedWorker] = []
        with self.store.write() as session:
            batch = get_batch(session, batch_id)
            _check_editable(batch.status)
            resolved = [_with_worker(session, pick) for pick in picks]
            unique = list({pick.worker_id: pick for pick in resolved}.values())
            here = {m.worker_id for m in queries.member_records(session, batch_id)}
            busy = queries.active_batches_of(
                session, [p.worker_id for p in unique], exclude_batch_id=batch_id
            )
            writer = self.store.writer(session)
            for pick in unique:
                worker = worker_repo.get(session, pick.worker_id)
                if worker is None or worker.archived:
                    lost = "匹配" if pick.worker_id.startswith("match:") else "劳动力"
                    skipped.append(SkippedWorker(pick.worker_id, "", f"找不到该{lost}记录"))
                    continue
                reason = ""
                if pick.worker_id in here:
                    reason = "已在本批次中"
                elif pick.worker_id in busy:
                    reason = f"已在未结束的批次“{busy[pick.worker_id][1]}”中"
                work_type = pick.work_type.strip()
                if not reason and pick.match_id:
                    reason, job_work_type = _match_reason(session, pick)
                    work_type = work_type or job_work_type
                if reason:
                    skipped.append(SkippedWorker(worker.id, worker.name, reason))
                    continue
                if not work_type and worker.skills:
                    work_type = str(worker.skills[0])
                member = writer.create(
                    DispatchMember,
                    {
                        "batch_id": batch_id,
                        "worker_id": worker.id,
                        "match_id": pick.match_id,
                        "work_type": work_type[:64],
                        "notes": pick.notes.strip(),
                        "org_code": batch.org_code,
                    },
                )
                added.append(member.id)
        log.info("batch %s: %d members added, %d skipped", batch_id, len(added), len(skipped))
        changes = [Change(RecordKind.BATCH_MEMBER, Op.CREATE, tuple(added))] if added else []
        return MembersAdded(added, skipped, changes)

    def remove_members(self, batch_id: str, member_ids: Sequence[str]) -> Change:
        """Archive the members (of this batch only; other ids are ignored)."""
        removed: list[str] = []
        with self.store.write() as session:
            batch = get_batch(session, batch_id)
            _check_editable(batch.status)
            writer = self.store.writer(session)
            for member_id in dict.fromkeys(member_ids):
                member = queries.get_member(session, member_id)
                if member is None or member.batch_id != batch_id or member.archived:
                    continue
                writer.archive(member)
                removed.append(member_id)
        return Change(RecordKind.BATCH_MEMBER, Op.ARCHIVE, tuple(removed), frozenset({"archived"}))


def _check_editable(status: str) -> None:
    try:
        check_members_editable(status)
    except FieldError as err:
        raise InvalidBatch([err]) from None


def _with_worker(session: Any, pick: MemberPick) -> MemberPick:
    """A pick naming only its match gets the match's worker."""
    if pick.worker_id or not pick.match_id:
        return pick
    found = queries.match_for_member(session, pick.match_id)
    worker_id = found[0].worker_id if found else f"match:{pick.match_id}"
    return MemberPick(worker_id, pick.match_id, pick.work_type, pick.notes)


def _match_reason(session: Any, pick: MemberPick) -> tuple[str, str]:
    """(why the match cannot bring the worker, "" if it can; the job's work type)."""
    assert pick.match_id is not None
    found = queries.match_for_member(session, pick.match_id)
    if found is None:
        return "找不到该匹配记录", ""
    match, job = found
    if match.worker_id != pick.worker_id:
        return "匹配记录不是这个人的", ""
    if match.archived or match.status not in COMMITTED_MATCH_STATUSES:
        status = MatchStatus.from_value(match.status)
        label = status.label if status else match.status
        return f"匹配状态为“{label}”，只有{_COMMITTED_LABELS}的匹配可以加入批次", ""
    return "", job.work_type
