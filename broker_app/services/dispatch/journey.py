"""What a batch's departure or arrival writes into its members' records, inside the
caller's transaction (see ``domain.dispatch.employment`` for the rule).

A member who came from a match is judged against that match's job (its employer
is the one the worker's record names once the match is 已上岗); on arrival a 录用
match moves to 已上岗 on the arrival day, with the history entry the 匹配 page
would write, and the worker is placed in the job with 就业方式 有组织劳务输出.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from broker_app.domain.common.enums import BatchStatus, MatchStatus
from broker_app.domain.common.errors import FieldError
from broker_app.domain.dispatch.employment import ORGANISED, arrival_changes, departure_changes
from broker_app.domain.matching.status import check_transition, history_entry, placement
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.matching.recommend import job_place_text
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.repositories import dispatch as queries
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.store import Transaction
from broker_app.store.writer import RecordWriter

_WORKER_FIELDS = ("employment_status", "employment_mode", "employer")
_ARRIVAL_NOTE = "随劳务输出批次到岗"


@dataclass(frozen=True)
class JourneyReport:
    #: Workers whose employment record changed.
    worker_ids: tuple[str, ...] = ()
    #: Matches moved from 录用 to 已上岗.
    match_ids: tuple[str, ...] = ()
    #: Chinese notes on members left as they were, and why.
    skipped: tuple[str, ...] = ()
    changes: list[Change] = field(default_factory=list)


def apply_journey(
    session: Transaction,
    writer: RecordWriter,
    batch: DispatchBatch,
    members: Sequence[DispatchMember],
    target: BatchStatus,
    day: date,
    today: date,
) -> JourneyReport:
    if target not in (BatchStatus.DEPARTED, BatchStatus.ARRIVED):
        return JourneyReport()
    workers: list[str] = []
    matches: list[str] = []
    skipped: list[str] = []
    fields: set[str] = set()
    for member in members:
        worker = worker_repo.get(session, member.worker_id)
        if worker is None:
            skipped.append(f"找不到劳动力记录（{member.worker_id}）")
            continue
        current = {name: getattr(worker, name) for name in _WORKER_FIELDS}
        found = queries.match_for_member(session, member.match_id) if member.match_id else None
        where = _where(batch, found)
        if target is BatchStatus.DEPARTED:
            changes = departure_changes(current, where)
        elif found is not None and found[0].status == MatchStatus.HIRED.value:
            changes, note = _arrive_through_match(writer, found, day, today)
            if note:
                skipped.append(f"{worker.name}：{note}")
                changes = arrival_changes(current, where, day)
            else:
                matches.append(found[0].id)
        else:
            changes = arrival_changes(current, where, day)
        if changes:
            fields.update(worker_repo.update(writer, worker, changes))
            workers.append(worker.id)
    report_changes = []
    if workers:
        report_changes.append(
            Change(RecordKind.WORKER, Op.UPDATE, tuple(workers), frozenset(fields))
        )
    if matches:
        report_changes.append(
            Change(RecordKind.MATCH, Op.UPDATE, tuple(matches), frozenset({"status"}))
        )
    return JourneyReport(tuple(workers), tuple(matches), tuple(skipped), report_changes)


def _where(batch: DispatchBatch, found: tuple[Match, JobPosting] | None) -> dict[str, Any]:
    """Employer, place and tier a member goes to: the match's job, else the batch's."""
    if found is not None:
        job = found[1]
        return {
            "employer": job.employer_name,
            "destination": job_place_text(job.place_org_code, job.place_tier, job.place_text),
            "place_tier": job.place_tier,
        }
    return {
        "employer": batch.employer,
        "destination": batch.destination,
        "place_tier": batch.place_tier,
    }


def _arrive_through_match(
    writer: RecordWriter, found: tuple[Match, JobPosting], day: date, today: date
) -> tuple[dict[str, Any], str]:
    """Move the 录用 match to 已上岗 on ``day``; the worker fields to write, or ("" ,
    a note) when the match cannot move (e.g. its last step is dated after ``day``)."""
    match, job = found
    try:
        target = check_transition(match.status, MatchStatus.ON_DUTY.value)
        entry = history_entry(match.history, target, day, _ARRIVAL_NOTE, today)
    except FieldError as err:
        return {}, f"匹配未改为已上岗（{err.message}），按批次信息登记就业"
    writer.update(match, {"status": target.value, "history": [*match.history, entry]})
    values = {name: getattr(job, name) for name in ("kind", "place_tier")}
    values["employer_name"] = job.employer_name
    where = job_place_text(job.place_org_code, job.place_tier, job.place_text)
    return {**placement(values, where, day), "employment_mode": ORGANISED}, ""
