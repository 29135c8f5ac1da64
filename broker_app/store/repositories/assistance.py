"""Queries on 跟踪服务记录 and 培训记录 (a worker's follow-ups and trainings)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.store.models.assistance import FollowUp, Training


def of_worker(
    session: Session, cls: type[FollowUp] | type[Training], worker_id: str, order: Any
) -> list[FollowUp | Training]:
    """The worker's unarchived records of this kind, by ``order`` then newest first."""
    stmt = (
        select(cls)
        .where(cls.worker_id == worker_id, cls.archived.is_(False))
        .order_by(order, cls.pk.desc())
    )
    return list(session.scalars(stmt))
