"""What a batch's journey writes into its members' employment records.

The roster's 就业方式 must say 有组织劳务输出 for people the station sent in an
organised group: national notices count that mode separately and put 脱贫人口
first in it, and the monthly statistics and the 就业帮扶台账 read it from the
worker's record. The rule, kept deliberately narrow so a batch never overwrites
work the broker recorded elsewhere:

- 已出发: members who are already on duty (已就业 / 灵活就业) *at the batch's
  employer* get 就业方式 = 有组织劳务输出. Nothing else changes: someone not yet
  working has no 就业方式 (the roster validator keeps it empty for 未就业).
- 已到岗: the group has reported for work. Members on duty at the batch's
  employer get the same mode; every other member is placed: 已就业 at the batch's
  employer, place and tier, starting on the arrival day, mode 有组织劳务输出. A
  member who came from a 录用 match is placed through that match instead (it moves
  to 已上岗; see the service), so the match and the roster agree.
- 结束 changes nothing: the jobs end through the matches (离岗) or the roster.

"At the batch's employer" compares the names with spaces and width folded away.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from broker_app.domain.common.enums import EmploymentMode, EmploymentStatus
from broker_app.domain.common.textnorm import compact

ORGANISED: Final = EmploymentMode.ORGANISED_EXPORT.value
ON_DUTY_STATUSES: Final = frozenset(
    {EmploymentStatus.EMPLOYED.value, EmploymentStatus.FLEXIBLE.value}
)


def on_duty_at(worker: Mapping[str, Any], employer: str) -> bool:
    """True if the worker's record says they work for ``employer`` now."""
    if worker.get("employment_status") not in ON_DUTY_STATUSES:
        return False
    return bool(employer) and compact(str(worker.get("employer") or "")) == compact(employer)


def departure_changes(worker: Mapping[str, Any], batch: Mapping[str, Any]) -> dict[str, Any]:
    """Worker fields to change when the batch departs (empty: none)."""
    if on_duty_at(worker, str(batch["employer"])) and worker.get("employment_mode") != ORGANISED:
        return {"employment_mode": ORGANISED}
    return {}


def arrival_changes(
    worker: Mapping[str, Any], batch: Mapping[str, Any], day: date
) -> dict[str, Any]:
    """Worker fields to change when the batch reports for work on ``day``."""
    if on_duty_at(worker, str(batch["employer"])):
        return departure_changes(worker, batch)
    return {
        "employment_status": EmploymentStatus.EMPLOYED.value,
        "employment_mode": ORGANISED,
        "employer": batch["employer"],
        "work_place": batch.get("destination") or "",
        "place_tier": batch["place_tier"],
        "job_start": day,
        "job_end": None,
    }
