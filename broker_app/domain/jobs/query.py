"""What the 岗位 and 匹配 lists ask for: free text, filters and an order. Plain values,
so the GUI, the command line and the repositories share one vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

from broker_app.domain.common.enums import JobKind, JobStatus, MatchStatus, PlaceTier


class JobSortKey:
    UPDATED = "updated"
    DEADLINE = "deadline"
    TITLE = "title"
    EMPLOYER = "employer"
    HEADCOUNT = "headcount"
    ALL = (UPDATED, DEADLINE, TITLE, EMPLOYER, HEADCOUNT)


class Publisher:
    """Who published a posting, seen from this station."""

    ANY = ""
    LOCAL = "local"  # this station (its own org code)
    HIGHER = "higher"  # the county or a township, arrived by sync


@dataclass(frozen=True)
class JobFilter:
    #: Matched against title, employer, work type and place.
    text: str = ""
    status: JobStatus | None = None
    kind: JobKind | None = None
    place_tier: PlaceTier | None = None
    publisher: str = Publisher.ANY
    include_archived: bool = False


@dataclass(frozen=True)
class JobSort:
    key: str = JobSortKey.UPDATED
    #: Newest first by default: the list opens on what arrived last.
    descending: bool = True


@dataclass(frozen=True)
class MatchFilter:
    #: Matched against the worker's name and the job's title and employer.
    text: str = ""
    status: MatchStatus | None = None
    #: Only 推荐 .. 已上岗 (leaves out 离岗 and 未录用).
    active_only: bool = False
    job_id: str | None = None
    worker_id: str | None = None
    include_archived: bool = False
