"""A posting's own status: 招聘中 -> 已满员 / 已关闭, and back to 招聘中.

已满员 means the posting's headcount is taken by 录用 and 已上岗 matches, so it can be
set only when that is true; a county posting filled through other stations is
closed instead. A filled or closed posting may reopen (someone left, the employer
asked again).
"""

from __future__ import annotations

from typing import Final

from broker_app.domain.common.enums import JobStatus
from broker_app.domain.common.errors import FieldError

TRANSITIONS: Final = {
    JobStatus.OPEN: frozenset({JobStatus.FILLED, JobStatus.CLOSED}),
    JobStatus.FILLED: frozenset({JobStatus.OPEN, JobStatus.CLOSED}),
    JobStatus.CLOSED: frozenset({JobStatus.OPEN}),
}
_BY_VALUE: Final = {status.value: status for status in JobStatus}


def job_status(value: str) -> JobStatus | None:
    return _BY_VALUE.get(value)


def check_job_status(current: str, new: JobStatus, filled: int, headcount: int) -> JobStatus:
    """``new``, or FieldError saying in Chinese why the posting cannot take it."""
    source = job_status(current) or JobStatus.OPEN
    if new is source:
        raise FieldError(
            "status", f"岗位已是“{source.label}”", f"job already {source.value}", reason="same"
        )
    if new not in TRANSITIONS[source]:
        raise FieldError(
            "status",
            f"岗位不能从“{source.label}”改为“{new.label}”",
            f"job status {source.value} -> {new.value} refused",
            reason="move",
        )
    if new is JobStatus.FILLED and filled < headcount:
        raise FieldError(
            "status",
            f"已录用和已上岗共{filled}人，未达到招聘人数{headcount}人，不能标为已满员",
            f"only {filled} of {headcount} places taken",
            reason="not_full",
        )
    return new
