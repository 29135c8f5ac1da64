"""How a match moves: 推荐 -> 已联系 -> 面试 -> 录用 -> 已上岗 -> 离岗, or 未录用.

- Forward along the chain, steps may be skipped: a 零工 often goes from one phone
  call straight to work, and the broker should not click through steps that never
  happened. Nothing moves backward.
- 未录用 is reachable from 推荐, 已联系 and 面试; 离岗 only from 已上岗.
- 离岗 and 未录用 end the match.

Each move appends ``{"status", "date", "note"}`` to the history, oldest first; a
move dated before the last one or after today is refused.

Also here: what an 已上岗 match writes into the worker's record (``placement``) and
its 跟踪服务记录 (``placement_follow_up``), and what 离岗 puts back (``departure``),
so the roster's employment data follows the matches in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Final

from broker_app.domain.common.enums import (
    EmploymentMode,
    EmploymentStatus,
    FollowUpKind,
    JobKind,
    MatchStatus,
    PlaceTier,
)
from broker_app.domain.common.errors import FieldError

CHAIN: Final = (
    MatchStatus.RECOMMENDED,
    MatchStatus.CONTACTED,
    MatchStatus.INTERVIEW,
    MatchStatus.HIRED,
    MatchStatus.ON_DUTY,
)
ENDED: Final = frozenset({MatchStatus.LEFT, MatchStatus.REJECTED})
ACTIVE: Final = frozenset(CHAIN)
ACTIVE_VALUES: Final = frozenset(status.value for status in CHAIN)


def _allowed() -> dict[MatchStatus, frozenset[MatchStatus]]:
    allowed: dict[MatchStatus, frozenset[MatchStatus]] = {}
    for index, status in enumerate(CHAIN):
        later = set(CHAIN[index + 1 :])
        if status in (MatchStatus.RECOMMENDED, MatchStatus.CONTACTED, MatchStatus.INTERVIEW):
            later.add(MatchStatus.REJECTED)
        if status is MatchStatus.ON_DUTY:
            later.add(MatchStatus.LEFT)
        allowed[status] = frozenset(later)
    for status in ENDED:
        allowed[status] = frozenset()
    return allowed


#: Every allowed move, from each status.
TRANSITIONS: Final[Mapping[MatchStatus, frozenset[MatchStatus]]] = _allowed()


_BY_TEXT: Final = {m.value: m for m in MatchStatus} | {m.label: m for m in MatchStatus}


def match_status(text: str) -> MatchStatus | None:
    """The status stored as or labelled ``text`` (推荐 or recommended), else None."""
    return _BY_TEXT.get(text.strip())


def next_statuses(current: str) -> list[MatchStatus]:
    """Statuses a match may move to from ``current``, in chain order."""
    status = match_status(current)
    allowed = TRANSITIONS.get(status, frozenset()) if status else frozenset()
    return [s for s in MatchStatus if s in allowed]


def check_transition(current: str, new: str) -> MatchStatus:
    """The target status, or FieldError saying in Chinese why the move is refused."""
    target = match_status(new)
    source = match_status(current)
    if target is None or source is None:
        raise FieldError(
            "status", f"未知的匹配状态：{new}", f"unknown match status {new!r}", reason="unknown"
        )
    if target in TRANSITIONS[source]:
        return target
    if source in ENDED:
        message = f"匹配已是“{source.label}”，不能再改为“{target.label}”"
    elif target is source:
        message = f"匹配已是“{source.label}”"
    elif target is MatchStatus.LEFT:
        message = f"只有“已上岗”的匹配才能改为“离岗”（当前为“{source.label}”）"
    elif target is MatchStatus.REJECTED:
        message = f"“{source.label}”的匹配不能再改为“未录用”"
    else:
        message = f"匹配状态不能从“{source.label}”退回到“{target.label}”"
    raise FieldError(
        "status", message, f"match status {source.value} -> {target.value} refused", reason="move"
    )


def history_entry(
    history: Sequence[Mapping[str, Any]], status: MatchStatus, day: date, note: str, today: date
) -> dict[str, str]:
    """The entry a move appends, after checking its date."""
    if day > today:
        raise FieldError(
            "date", "日期不能晚于今天", f"status date {day} after today {today}", reason="future"
        )
    if history:
        last = date.fromisoformat(str(history[-1]["date"]))
        if day < last:
            raise FieldError(
                "date",
                f"日期不能早于上一步的日期（{last.isoformat()}）",
                f"status date {day} before previous {last}",
                reason="order",
            )
    return {"status": status.value, "date": day.isoformat(), "note": note.strip()}


def status_date(history: Sequence[Mapping[str, Any]], status: str) -> date | None:
    """The day the match last reached ``status`` (None if it never did)."""
    for entry in reversed(history):
        if entry.get("status") == status:
            return date.fromisoformat(str(entry["date"]))
    return None


# -- the worker's employment record ------------------------------------------------

_MODE_OF_KIND: Final = {
    JobKind.PUBLIC_WELFARE.value: EmploymentMode.PUBLIC_WELFARE_POST,
    JobKind.WORK_FOR_RELIEF.value: EmploymentMode.WORK_FOR_RELIEF,
    JobKind.ASSISTANCE_WORKSHOP.value: EmploymentMode.ASSISTANCE_WORKSHOP,
    JobKind.GIG.value: EmploymentMode.FLEXIBLE,
}


def employment_mode_for(kind: str, place_tier: str) -> str:
    """就业方式 that follows from a job found through the station: the kind names it
    for the assistance kinds and 零工; otherwise a job in the county is 就近就业 and
    one outside it 有组织劳务输出 (the station organised it)."""
    mode = _MODE_OF_KIND.get(kind)
    if mode is None:
        local = place_tier == PlaceTier.IN_COUNTY.value
        mode = EmploymentMode.LOCAL_INDUSTRY if local else EmploymentMode.ORGANISED_EXPORT
    return mode.value


def placement(job: Mapping[str, Any], work_place: str, start: date) -> dict[str, Any]:
    """Worker fields for going on duty in ``job`` (JobPosting field values) on ``start``."""
    gig = job["kind"] == JobKind.GIG.value
    status = EmploymentStatus.FLEXIBLE if gig else EmploymentStatus.EMPLOYED
    return {
        "employment_status": status.value,
        "employment_mode": employment_mode_for(job["kind"], job["place_tier"]),
        "employer": job["employer_name"],
        "work_place": work_place,
        "place_tier": job["place_tier"],
        "job_start": start,
        "job_end": None,
    }


def placement_follow_up(job: Mapping[str, Any], start: date, note: str) -> dict[str, Any]:
    """The 跟踪服务记录 of going on duty through a match (FollowUp field values).

    Finding someone a job is the station's service to them: the 就业帮扶台账 lists
    it with the other services, and the watch list no longer says 从未跟踪服务 of
    a person the broker has just placed.
    """
    return {
        "date": start,
        "kind": FollowUpKind.JOB_REFERRAL.value,
        "content": f"推荐上岗：{job['employer_name']} {job['title']}".strip(),
        "result": note.strip() or "已上岗",
    }


def departure(end: date) -> dict[str, Any]:
    """Worker fields for leaving the job on ``end`` with no other job on duty.

    The employer, place and start date stay as the record of the last job; the
    status, tier and mode go back to 未就业, as the roster validator keeps them for
    anyone without work.
    """
    return {
        "employment_status": EmploymentStatus.UNEMPLOYED.value,
        "employment_mode": None,
        "place_tier": PlaceTier.NONE.value,
        "job_end": end,
    }
