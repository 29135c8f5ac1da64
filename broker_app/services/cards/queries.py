"""Card queries shared by issuing, the card list and printing: ids go into IN (...)
clauses in chunks, well under SQLite's limit on bound parameters."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.store.models.card import Project, RightsCard
from broker_app.store.models.worker import Worker

CHUNK = 500


def select_cards(
    session: Session,
    project_id: str | None,
    worker_ids: Sequence[str] | None,
    include_revoked: bool,
) -> list[RightsCard]:
    stmt = select(RightsCard).where(RightsCard.archived.is_(False))
    if project_id is not None:
        stmt = stmt.where(RightsCard.project_id == project_id)
    if not include_revoked:
        stmt = stmt.where(RightsCard.revoked.is_(False))
    stmt = stmt.order_by(RightsCard.pk.desc())
    if worker_ids is None:
        return list(session.scalars(stmt))
    ids = list(dict.fromkeys(worker_ids))
    found: list[RightsCard] = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found += session.scalars(stmt.where(RightsCard.worker_id.in_(chunk)))
    found.sort(key=lambda card: -card.pk)
    return found


def active_cards(
    session: Session, project_id: str, worker_ids: Sequence[str]
) -> dict[str, RightsCard]:
    """Each worker's newest unrevoked card for the project."""
    held: dict[str, RightsCard] = {}
    for card in select_cards(session, project_id, worker_ids, include_revoked=False):
        held.setdefault(card.worker_id, card)
    return held


def workers_by_id(session: Session, ids: set[str]) -> dict[str, Worker]:
    out: dict[str, Worker] = {}
    chunks = sorted(ids)
    for start in range(0, len(chunks), CHUNK):
        stmt = select(Worker).where(Worker.id.in_(chunks[start : start + CHUNK]))
        out.update((w.id, w) for w in session.scalars(stmt))
    return out


def projects_by_id(session: Session, ids: set[str]) -> dict[str, Project]:
    stmt = select(Project).where(Project.id.in_(sorted(ids)))
    return {p.id: p for p in session.scalars(stmt)}
