"""Offline verification of a scanned rights-card QR text.

Order of checks: structure, key, signature, then the facts. Nothing inside the
card is believed (not even decompressed) before the signature holds, and facts
are returned only when they are proven to come from a trusted, unrevoked key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from cryptography.exceptions import InvalidSignature

from .envelope import SIGNING_CONTEXT, split_qr_text
from .keyring import KeyRing, TrustedKey
from .payload import CardFacts, decode_content, read_header


class VerifyReason(Enum):
    OK = "ok"
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    REVOKED_KEY = "revoked_key"
    REVOKED_CARD = "revoked_card"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"


@dataclass(frozen=True)
class VerificationResult:
    """``ok`` only for a genuine, unrevoked card within its dates.

    ``facts`` is set whenever the signature is proven (also for EXPIRED,
    REVOKED_CARD and NOT_YET_VALID, so the screen can say whose card it is).
    ``key_certified`` is False when the signing key is trusted only locally.
    ``issuer`` names the issuing station (the key's label, from the county's station
    register) whenever the signature is proven.
    """

    ok: bool
    reason: VerifyReason
    facts: CardFacts | None
    message: str
    message_en: str
    key_certified: bool = False
    issuer: str = ""


_MALFORMED = (
    "无法识别：不是本系统的维权联系卡二维码，或二维码已损坏",
    "Not a rights-card QR code of this system, or the code is damaged",
)


def verify_card(text: str, keyring: KeyRing, today: date) -> VerificationResult:
    """Check a scanned QR text against ``keyring`` on ``today``; never raises on bad input."""
    try:
        content, signature = split_qr_text(text)
        key_id = read_header(content).key_id
    except ValueError:
        return _fail(VerifyReason.MALFORMED, *_MALFORMED)
    if key_id in keyring.revoked_keys:
        return _fail(
            VerifyReason.REVOKED_KEY,
            "签发密钥已被吊销：此卡不可信",
            "The signing key has been revoked: do not trust this card",
        )
    key = keyring.trusted.get(key_id)
    if key is None:
        return _fail(
            VerifyReason.UNKNOWN_KEY,
            "无法核验：本机尚未收到该签发驿站的密钥，请同步后再试",
            "Cannot verify: this device has not yet received the issuing station's key; "
            "sync and try again",
        )
    try:
        key.verifier().verify(signature, SIGNING_CONTEXT + content)
    except InvalidSignature:
        return _fail(
            VerifyReason.BAD_SIGNATURE,
            "签名无效：卡片内容被改动或不是本系统签发",
            "Invalid signature: the card was altered or not issued by this system",
        )
    try:
        facts = decode_content(content)
    except ValueError:
        # Signed but unreadable: a bug in some issuer, not a forgery; still unusable.
        return _fail(VerifyReason.MALFORMED, *_MALFORMED)
    return _judge(facts, key, keyring, today)


def _judge(facts: CardFacts, key: TrustedKey, keyring: KeyRing, today: date) -> VerificationResult:
    """Verdict on genuine facts: revocation, the key's service period, then the card's dates."""

    def result(reason: VerifyReason, message: str, message_en: str) -> VerificationResult:
        return VerificationResult(
            reason is VerifyReason.OK, reason, facts, message, message_en, key.certified, issuer
        )

    issuer = key.label.strip()
    by_zh = f"由 {issuer} 签发" if issuer else "由登记驿站签发"
    by_en = f"issued by {issuer}" if issuer else "issued by a registered station"

    issued, expires = facts.issue_date.isoformat(), facts.expiry_date.isoformat()
    if keyring.is_card_revoked(facts.key_id, facts.serial):
        return result(
            VerifyReason.REVOKED_CARD,
            f"此卡已作废（卡号 {facts.serial}）",
            f"This card (serial {facts.serial}) has been revoked",
        )
    if key.valid_from is not None and facts.issue_date < key.valid_from:
        return result(
            VerifyReason.NOT_YET_VALID,
            f"签发日期 {issued} 早于签发密钥的启用日期，此卡不可信",
            f"Issue date {issued} precedes the signing key's service period",
        )
    if key.valid_until is not None and facts.issue_date > key.valid_until:
        return result(
            VerifyReason.EXPIRED,
            f"签发日期 {issued} 时签发密钥已停用，此卡不可信",
            f"The signing key was retired before the issue date {issued}",
        )
    if today < facts.issue_date:
        return result(
            VerifyReason.NOT_YET_VALID,
            f"卡片签发日期为 {issued}，尚未生效（请检查本机日期）",
            f"The card is dated {issued} and not yet valid (check this device's date)",
        )
    if today > facts.expiry_date:
        return result(
            VerifyReason.EXPIRED,
            f"卡片已于 {expires} 过期",
            f"The card expired on {expires}",
        )
    if not key.certified:
        return result(
            VerifyReason.OK,
            f"签名有效（{by_zh}），但签发密钥尚未经县人社局认证",
            f"Signature valid ({by_en}), but the signing key is not yet certified by the county",
        )
    return result(
        VerifyReason.OK,
        f"卡片真实有效：{by_zh}，内容未被改动",
        f"Genuine card: {by_en} and unaltered",
    )


def _fail(reason: VerifyReason, message: str, message_en: str) -> VerificationResult:
    return VerificationResult(False, reason, None, message, message_en)
