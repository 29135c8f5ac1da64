"""Queries on the audit log of exports and reveals of personal data (local, never synced)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.models.audit import AuditEntry


def newest(session: Session, limit: int | None = None) -> list[AuditEntry]:
    """Entries, newest first; at most ``limit`` when given."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
