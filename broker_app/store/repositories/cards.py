"""Queries on 维权卡 (rights cards) by project and by serial."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broker_app.store.models.card import RightsCard


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
