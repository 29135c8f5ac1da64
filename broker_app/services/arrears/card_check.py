"""Checking workers' rights cards on a site visit: the project's active cards (to
tick the workers seen) and the verdict on one scanned QR, verified offline against
this station's key ring, whatever form the QR takes (URL, readable text, ``WQ1:``).

A genuine card counts as valid only if it is one of this project's active cards:
a genuine card of another project says nothing about this site's workers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from broker_app.domain.rights_card import VerifyReason, unverified_facts
from broker_app.domain.rights_card.scan_text import signed_bytes
from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.verify import HEADLINES
from broker_app.store.models.card import RightsCard
from broker_app.store.repositories import cards as card_repo
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProjectCard:
    """One of the project's active cards, as the pick list shows it."""

    id: str
    serial: int
    worker_name: str
    masked_id: str


@dataclass(frozen=True)
class ScannedCard:
    """The verdict on one scanned QR text."""

    #: The project's card it is, when it is a valid one.
    card_id: str | None
    #: The same card scanned again has the same identity (key and serial when the
    #: signature is proven, else its signed bytes, else the text).
    identity: str
    #: 有效, 已作废, 已过期, 无效, 非本项目 ...
    verdict: str
    #: Whose card, when its facts could be read ("张伟 第 000001 号"), else "".
    holder: str
    #: Why, in a sentence (Chinese).
    message: str

    @property
    def ok(self) -> bool:
        return self.card_id is not None


def _identity(key_id: bytes, serial: int) -> str:
    return f"{key_id.hex().upper()}:{serial}"


def _masked_id(card: RightsCard) -> str:
    try:
        return unverified_facts(card.qr_text).masked_id
    except ValueError:
        return ""


class SiteCardCheck:
    """Reads the cards themselves (not the card list's rows, which check each card
    against today's worker and project): a scan is answered while the broker waits."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cards = CardService(store)

    def project_cards(self, project_id: str, today: date | None = None) -> list[ProjectCard]:
        """The project's active cards (not revoked, not expired), by serial."""
        today = today or date.today()
        with self.store.read() as session:
            cards = [
                card
                for card in card_repo.active(session, project_id, None)
                if card.expiry_date >= today
            ]
            workers = worker_repo.by_ids(session, {card.worker_id for card in cards})
            return [
                ProjectCard(
                    card.id,
                    card.serial,
                    workers[card.worker_id].name if card.worker_id in workers else "",
                    _masked_id(card),
                )
                for card in cards
            ]

    def scan(self, project_id: str, text: str, today: date | None = None) -> ScannedCard:
        """The verdict on a scanned QR text for this project's visit; never raises on
        bad input."""
        today = today or date.today()
        text = text.strip()
        result = self.cards.verify(text, today)
        facts = result.facts
        if facts is None:
            # Not proven: the same bytes scanned again (in any form) are the same card;
            # what the bytes claim (a serial) is not believed, so a forgery naming a
            # real card's serial is counted apart from it.
            try:
                identity = signed_bytes(text).hex()
            except ValueError:
                identity = text
            verdict = HEADLINES.get(result.reason, "无效")
            if result.reason is VerifyReason.MALFORMED:
                verdict = "无法识别"
            log.info("site card check: %s (%s)", result.reason.value, result.message_en)
            return ScannedCard(None, identity, verdict, "", result.message)
        identity = _identity(facts.key_id, facts.serial)
        holder = f"{facts.worker_name} 第 {facts.serial:06d} 号"
        if not result.ok:
            log.info("site card check: serial %d %s", facts.serial, result.reason.value)
            return ScannedCard(
                None, identity, HEADLINES.get(result.reason, "无效"), holder, result.message
            )
        with self.store.read() as session:
            ids = card_repo.ids_by_serial(session, facts.serial, facts.key_id.hex())
            for card in card_repo.active_by_ids(session, ids):
                if card.project_id == project_id and card.expiry_date >= today:
                    return ScannedCard(card.id, identity, "有效", holder, result.message)
        log.info("site card check: serial %d belongs to another project", facts.serial)
        return ScannedCard(
            None,
            identity,
            "非本项目",
            holder,
            f"此卡是“{facts.project_name}”的维权卡，不是本项目的",
        )
