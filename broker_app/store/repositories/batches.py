"""Queries on 劳务输出批次 (dispatch batches) and their members, for the services that
are not the dispatch list itself (printing a batch's cards)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.store.models.dispatch import DispatchBatch, DispatchMember


def get(session: Session, batch_id: str) -> DispatchBatch | None:
    return session.scalar(select(DispatchBatch).where(DispatchBatch.id == batch_id))


def member_worker_ids(session: Session, batch_id: str) -> list[str]:
    """The workers of the batch (unarchived members), in the order they were added."""
    stmt = select(DispatchMember.worker_id).where(
        DispatchMember.batch_id == batch_id, DispatchMember.archived.is_(False)
    )
    return list(dict.fromkeys(session.scalars(stmt.order_by(DispatchMember.pk))))
