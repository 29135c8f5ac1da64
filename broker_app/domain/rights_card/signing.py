"""Signing a rights card into its QR text.

The key, key-ring and verification names are re-exported here so callers can
take the whole signing story from one module.
"""

from __future__ import annotations

from .envelope import QR_PREFIX, SIGNING_CONTEXT, build_qr_text
from .keyring import KeyRing, TrustedKey
from .keys import generate_key_pair, key_id_for, load_private_key, public_key_for
from .payload import MAX_SIGNED_BYTES, CardFacts, encode_content
from .verification import VerificationResult, VerifyReason, verify_card

__all__ = [
    "QR_PREFIX",
    "KeyRing",
    "TrustedKey",
    "VerificationResult",
    "VerifyReason",
    "generate_key_pair",
    "key_id_for",
    "public_key_for",
    "sign_card",
    "verify_card",
]


def sign_card(facts: CardFacts, private_key_bytes: bytes) -> str:
    """The full QR text ("WQ1:" + Base45) of ``facts`` signed with a station's private key.

    ``facts.key_id`` must be the id of the matching public key: a mismatch means
    the caller picked the wrong key, and every verifier would reject the card.
    """
    private_key = load_private_key(private_key_bytes)
    if key_id_for(private_key.public_key().public_bytes_raw()) != facts.key_id:
        raise ValueError("facts.key_id does not belong to this private key")
    content = encode_content(facts)
    signature = private_key.sign(SIGNING_CONTEXT + content)
    if len(content) + len(signature) > MAX_SIGNED_BYTES:
        raise ValueError("signed card exceeds the QR budget")  # encode_content prevents this
    return build_qr_text(content, signature)
