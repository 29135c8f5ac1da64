"""Queries on the outbox: local writes not yet accepted by the channel server."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.models.local import OutboxEntry

PENDING = "pending"


def pending_count(session: Session) -> int:
    """How many committed local writes wait to be pushed (answered from ix_outbox_state)."""
    stmt = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == PENDING)
    return int(session.scalar(stmt) or 0)
