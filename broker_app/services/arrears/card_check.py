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

from broker_app.domain.rights_card import VerifyReason
from broker_app.domain.rights_card.scan_text import signed_bytes
from broker_app.services.cards.issuing import CardRow, CardService
from broker_app.services.cards.verify import HEADLINES
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


def _active(row: CardRow) -> bool:
    return not row.revoked and not row.expired


class SiteCardCheck:
    def __init__(self, store: Store) -> None:
        self.cards = CardService(store)

    def project_cards(self, project_id: str, today: date | None = None) -> list[ProjectCard]:
        """The project's active cards (not revoked, not expired), by serial."""
        rows = self.cards.cards(project_id=project_id, today=today)
        return [
            ProjectCard(row.id, row.serial, row.worker_name, row.masked_id)
            for row in sorted(rows, key=lambda r: r.serial)
            if _active(row)
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
        key_hex = facts.key_id.hex().upper()
        rows = self.cards.cards(project_id=project_id, include_revoked=True, today=today)
        for row in rows:
            if row.key_id == key_hex and row.serial == facts.serial and _active(row):
                return ScannedCard(row.id, identity, "有效", holder, result.message)
        log.info("site card check: serial %d belongs to another project", facts.serial)
        return ScannedCard(
            None,
            identity,
            "非本项目",
            holder,
            f"此卡是“{facts.project_name}”的维权卡，不是本项目的",
        )
