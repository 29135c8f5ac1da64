"""What a scanned card is: genuine, revoked, expired or unknown, and what to show.

The signature is checked with the domain's ``verify_card`` against the keys the
channel server fed; only then is the card looked up by (key id, serial) in the feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from broker_app.domain.rights_card import VerifyReason, verify_card
from sync.cardservice.cardtoken import qr_text_from_token
from sync.cardservice.localdb import CardRow, LocalDB


class Verdict(Enum):
    GENUINE = "genuine"
    REVOKED = "revoked"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class CardView:
    verdict: Verdict
    message: str
    card: CardRow | None = None
    project: dict[str, Any] | None = None
    #: The complaint phone the card itself prints (when the feed has no project).
    card_phone: str = ""

    @property
    def can_complain(self) -> bool:
        """A genuine, revoked or expired card of a known project: the worker may still
        be owed wages (an expired card often means the project ended, which is when
        arrears come to light). An unknown or forged card names no project we trust."""
        return self.verdict is not Verdict.UNKNOWN and self.project is not None


_UNKNOWN = "无法核验此卡：它不是本县签发的维权联系卡，或二维码已损坏。如被欠薪，请拨打 12333。"


def look_up(db: LocalDB, token: str, today: date) -> CardView:
    text = qr_text_from_token(token)
    if text is None:
        return CardView(Verdict.UNKNOWN, _UNKNOWN)
    result = verify_card(text, db.keyring(), today)
    facts = result.facts
    if facts is None:
        if result.reason is VerifyReason.REVOKED_KEY:
            return CardView(
                Verdict.UNKNOWN, "签发密钥已被吊销，此卡不可信。如被欠薪，请拨打 12333。"
            )
        return CardView(Verdict.UNKNOWN, _UNKNOWN)
    card = db.card(facts.key_id.hex(), facts.serial)
    project = db.project(card.project_id) if card and card.project_id else None
    if project is not None and project.get("archived"):
        project = None
    phone = facts.complaint_phone
    if result.reason is VerifyReason.REVOKED_CARD or (card is not None and card.revoked):
        return CardView(Verdict.REVOKED, "此卡已作废（已补发新卡或已停用）。", card, project, phone)
    if result.reason is VerifyReason.EXPIRED:
        expires = facts.expiry_date.isoformat()
        return CardView(Verdict.EXPIRED, f"此卡已于 {expires} 过期。", card, project, phone)
    if not result.ok:
        return CardView(Verdict.UNKNOWN, _UNKNOWN)
    if card is None:
        return CardView(
            Verdict.GENUINE, "卡片真实有效，项目信息尚未同步到本服务。", None, None, phone
        )
    return CardView(Verdict.GENUINE, "卡片真实有效，内容未被改动。", card, project, phone)
