"""公益性岗位 holders whose income calls for an exit review (mission measure 5), and the
monthly threshold the station applies, kept in the station's settings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from broker_app.domain.jobs.welfare import exit_review_reasons
from broker_app.services.settings.schema import MAX_EXIT_THRESHOLD
from broker_app.services.settings.storage import load_settings, save_section
from broker_app.store.repositories import matches as match_repo
from broker_app.store.store import Store

MAX_THRESHOLD = MAX_EXIT_THRESHOLD


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
        """Monthly income (元) above which a holder is reviewed (the station's wage
        setting ``wages.welfare_exit_threshold``)."""
        return load_settings(self.store).wages.welfare_exit_threshold

    def set_threshold(self, amount: int) -> None:
        """Store a new threshold; ``settings.InvalidSettings`` when out of range."""
        wages = load_settings(self.store).wages
        save_section(self.store, replace(wages, welfare_exit_threshold=amount))

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
