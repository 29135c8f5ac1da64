"""Station credentials and one-time enrolment codes.

A credential is ``<station id>.<secret>``; the secret is 32 random bytes and only
its SHA-256 is stored (a strong random secret needs no slow hash), compared in
constant time. An enrolment code is 80 random bits written as 16 Crockford base32
characters in groups of four, easy to read out over the phone; it is stored hashed,
expires and works once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 16
_LOOKALIKES = str.maketrans("OIL", "011")
# Never compared to a real hash: keeps the time of a miss like the time of a hit.
_DUMMY_HASH = hashlib.sha256(b"no such station").hexdigest()


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_credential(station_id: str) -> tuple[str, str]:
    """A fresh ``(credential, hash to store)`` for ``station_id``."""
    secret = secrets.token_urlsafe(32)
    return f"{station_id}.{secret}", digest(secret)


def split_credential(credential: str) -> tuple[str, str] | None:
    station_id, sep, secret = credential.partition(".")
    if not sep or not station_id or not secret or len(credential) > 200:
        return None
    return station_id, secret


def secret_matches(secret: str, stored_hash: str | None) -> bool:
    """Constant-time comparison; a missing hash still costs one comparison."""
    expected = stored_hash or _DUMMY_HASH
    return hmac.compare_digest(digest(secret), expected) and stored_hash is not None


def new_enrolment_code() -> str:
    chars = "".join(secrets.choice(_CROCKFORD) for _ in range(_CODE_CHARS))
    return "-".join(chars[i : i + 4] for i in range(0, _CODE_CHARS, 4))


def normalize_code(typed: str) -> str:
    """What a person typed, in canonical form: case, dashes, spaces and the letters
    Crockford base32 reads as digits (O -> 0, I and L -> 1) do not matter."""
    text = typed.strip().upper().replace("-", "").replace(" ", "")
    return text.translate(_LOOKALIKES)


def code_digest(typed: str) -> str:
    return digest(normalize_code(typed))
