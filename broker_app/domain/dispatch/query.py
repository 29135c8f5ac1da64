"""What the 劳务输出 list and the batch export ask for: plain values shared by the
window, the command line and the queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from broker_app.domain.common.enums import BatchStatus
from broker_app.domain.common.errors import FieldError


@dataclass(frozen=True)
class BatchFilter:
    """Batches to list or export.

    ``batch_ids`` and the date range add up: the batches named plus those departing
    from ``date_from`` to ``date_to`` (both inclusive, either open). With neither,
    every batch. A batch without a departure date is in no date range.
    """

    #: Matched against the name, employer, project, destination and leader.
    text: str = ""
    status: BatchStatus | None = None
    date_from: date | None = None
    date_to: date | None = None
    batch_ids: Sequence[str] = field(default_factory=tuple)
    include_archived: bool = False

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise FieldError(
                "date_to",
                "结束日期早于开始日期",
                f"date range {self.date_from}..{self.date_to} is empty",
                reason="order",
            )

    @property
    def has_range(self) -> bool:
        return self.date_from is not None or self.date_to is not None


@dataclass(frozen=True)
class MemberPick:
    """A worker to add to a batch: from a 录用 / 已上岗 match, or from the roster.
    With a ``match_id``, ``worker_id`` may be left empty: the match names the worker."""

    worker_id: str
    match_id: str | None = None
    #: 工种 on the dispatch list; empty takes the job's work type (from a match) or
    #: the worker's first skill (from the roster).
    work_type: str = ""
    notes: str = ""
