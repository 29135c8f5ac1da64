"""公益性岗位 holders whose income calls for an exit review (mission measure 5), and the
monthly threshold the station applies, kept in the station's settings."""

from __future__ import annotations

from dataclasses import dataclass

from broker_app.domain.errors import FieldError
from broker_app.domain.jobs_welfare import (
    DEFAULT_EXIT_THRESHOLD,
    EXIT_THRESHOLD_SETTING,
    exit_review_reasons,
)
from broker_app.store.repositories import matches as match_repo
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import Store

MAX_THRESHOLD = 1_000_000


@dataclass(frozen=True)
class ExitReview:
    """A holder to review: who, which post, and why."""

    match_id: str
    worker_id: str
    worker_name: str
    monthly_income: int
    job_id: str
    job_title: str
    employer_name: str
    reasons: tuple[str, ...]


class WelfarePostService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def threshold(self) -> int:
        """Monthly income (元) above which a holder is reviewed; the default until set."""
        with self.store.read() as session:
            stored = get_setting(session, EXIT_THRESHOLD_SETTING)
        try:
            return int(stored) if stored else DEFAULT_EXIT_THRESHOLD
        except ValueError:
            return DEFAULT_EXIT_THRESHOLD

    def set_threshold(self, amount: int) -> None:
        if not 0 < amount <= MAX_THRESHOLD:
            raise FieldError(
                "threshold",
                f"监测线应为1到{MAX_THRESHOLD}元之间的整数",
                f"threshold {amount} out of range",
                reason="range",
            )
        with self.store.write() as session:
            put_setting(session, EXIT_THRESHOLD_SETTING, str(amount))

    def exit_reviews(self, threshold: int | None = None) -> list[ExitReview]:
        """Holders on duty in a 公益性岗位 whose recorded monthly income exceeds the
        threshold (the stored one unless given)."""
        limit = self.threshold() if threshold is None else threshold
        with self.store.read() as session:
            rows = match_repo.welfare_holders(session)
        reviews = []
        for match_id, worker_id, name, income, job_id, title, employer in rows:
            reasons = exit_review_reasons(income, limit)
            if reasons:
                reviews.append(
                    ExitReview(
                        match_id, worker_id, name, income, job_id, title, employer, tuple(reasons)
                    )
                )
        return reviews
