"""Signed rights-card QR (农民工安全帽维权联系卡): codec and offline verification.

No Qt and no SQL: the desktop app and the channel server share this package.
"""

from __future__ import annotations

from .keyring import KeyRing, TrustedKey
from .keys import generate_key_pair, key_id_for, public_key_for
from .payload import MAX_SIGNED_BYTES, TRUNCATION_MARK, CardFacts, facts_in_qr
from .qr import QrCode, qr_matrix
from .qr_raster import grayscale_raster
from .signing import QR_PREFIX, sign_card
from .stored import card_key_id, unverified_facts
from .verification import VerificationResult, VerifyReason, verify_card

__all__ = [
    "MAX_SIGNED_BYTES",
    "QR_PREFIX",
    "TRUNCATION_MARK",
    "CardFacts",
    "KeyRing",
    "QrCode",
    "TrustedKey",
    "VerificationResult",
    "VerifyReason",
    "card_key_id",
    "facts_in_qr",
    "generate_key_pair",
    "grayscale_raster",
    "key_id_for",
    "public_key_for",
    "qr_matrix",
    "sign_card",
    "unverified_facts",
    "verify_card",
]
