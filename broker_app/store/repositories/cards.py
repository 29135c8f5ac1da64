"""Queries on 维权卡 (rights cards) by project, worker, id and serial. Ids go into
IN (...) clauses in chunks of ``CHUNK``, well under SQLite's limit on bound
parameters."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.models.card import RightsCard

CHUNK = 500


def holders(session: Session, project_id: str) -> list[str]:
    """Workers holding an active card for the project, in issue order, each once."""
    stmt = (
        select(RightsCard.worker_id)
        .where(
            RightsCard.project_id == project_id,
            RightsCard.revoked.is_(False),
            RightsCard.archived.is_(False),
        )
        .order_by(RightsCard.serial)
    )
    return list(dict.fromkeys(session.scalars(stmt)))


def listed(
    session: Session,
    project_id: str | None,
    worker_ids: Sequence[str] | None,
    include_revoked: bool,
) -> list[RightsCard]:
    """Unarchived cards, newest first: of one project (None: any), of these workers
    (None: anyone), revoked ones only when asked for."""
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


def newest_active_by_worker(
    session: Session, project_id: str, worker_ids: Sequence[str]
) -> dict[str, RightsCard]:
    """Each worker's newest unrevoked card for the project."""
    held: dict[str, RightsCard] = {}
    for card in listed(session, project_id, worker_ids, include_revoked=False):
        held.setdefault(card.worker_id, card)
    return held


def active(
    session: Session, project_id: str | None, worker_ids: Sequence[str] | None
) -> list[RightsCard]:
    """Active (unrevoked, unarchived) cards of a project (None: any) and of these
    workers (None: every holder), in worker order: the given order, else by serial."""
    base = select(RightsCard).where(RightsCard.revoked.is_(False), RightsCard.archived.is_(False))
    if project_id is not None:
        base = base.where(RightsCard.project_id == project_id)
    if worker_ids is None:
        return list(session.scalars(base.order_by(RightsCard.serial)))
    found: list[RightsCard] = []
    for start in range(0, len(worker_ids), CHUNK):
        chunk = worker_ids[start : start + CHUNK]
        found += session.scalars(base.where(RightsCard.worker_id.in_(chunk)))
    rank = {worker_id: n for n, worker_id in enumerate(worker_ids)}
    found.sort(key=lambda card: (rank[card.worker_id], card.serial))
    return found


def active_by_ids(session: Session, card_ids: Sequence[str]) -> list[RightsCard]:
    """The active cards among these ids, in the order given."""
    base = select(RightsCard).where(RightsCard.revoked.is_(False), RightsCard.archived.is_(False))
    found: list[RightsCard] = []
    for start in range(0, len(card_ids), CHUNK):
        found += session.scalars(base.where(RightsCard.id.in_(card_ids[start : start + CHUNK])))
    rank = {card_id: n for n, card_id in enumerate(card_ids)}
    return sorted(found, key=lambda card: rank[card.id])


def holders_among(session: Session, project_id: str, worker_ids: Sequence[str]) -> set[str]:
    """Those of these workers who hold an active card for the project."""
    found: set[str] = set()
    for start in range(0, len(worker_ids), CHUNK):
        stmt = select(RightsCard.worker_id).where(
            RightsCard.project_id == project_id,
            RightsCard.worker_id.in_(worker_ids[start : start + CHUNK]),
            RightsCard.revoked.is_(False),
            RightsCard.archived.is_(False),
        )
        found.update(session.scalars(stmt))
    return found


def highest_serial(session: Session, key_ids_hex: Sequence[str]) -> int | None:
    """The highest card serial issued under any of these keys, or None."""
    return session.scalar(
        select(func.max(RightsCard.serial)).where(RightsCard.key_id.in_(key_ids_hex))
    )


def revoked_serials(session: Session) -> list[tuple[str, int]]:
    """(key id in hex, serial) of every revoked card."""
    stmt = select(RightsCard.key_id, RightsCard.serial).where(RightsCard.revoked.is_(True))
    return [(key_id, serial) for key_id, serial in session.execute(stmt)]


def ids_by_serial(session: Session, serial: int, key_id_hex: str | None = None) -> list[str]:
    """Ids of the cards with this serial (of one key when given), newest first."""
    stmt = select(RightsCard.id).where(RightsCard.serial == serial)
    if key_id_hex:
        stmt = stmt.where(RightsCard.key_id == key_id_hex.upper())
    return list(session.scalars(stmt.order_by(RightsCard.pk.desc())))
