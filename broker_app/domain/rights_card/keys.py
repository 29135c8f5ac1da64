"""Ed25519 key pairs of issuing stations and their short key ids.

Keys travel as raw bytes (32-byte private seed, 32-byte public key) so that the
store, the sync protocol and the channel server need no key-file format.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .payload import KEY_ID_LENGTH

KEY_LENGTH = 32


def generate_key_pair() -> tuple[bytes, bytes]:
    """A fresh ``(private_bytes, public_bytes)`` pair, both raw 32 bytes."""
    private_key = Ed25519PrivateKey.generate()
    return private_key.private_bytes_raw(), private_key.public_key().public_bytes_raw()


def public_key_for(private_key_bytes: bytes) -> bytes:
    """The raw public key belonging to a raw private key."""
    return load_private_key(private_key_bytes).public_key().public_bytes_raw()


def key_id_for(public_key_bytes: bytes) -> bytes:
    """First 4 bytes of SHA-256 of the raw public key.

    Four bytes keep the QR small; they only select a key, the signature does the
    proving. Accidental collisions are about 1 in 10**6 for 100 keys, so the county
    refuses to certify a new key whose id is already taken (KeyRing.trust checks
    the same) and the station simply generates another pair.
    """
    if len(public_key_bytes) != KEY_LENGTH:
        raise ValueError(f"an Ed25519 public key has {KEY_LENGTH} bytes")
    return hashlib.sha256(public_key_bytes).digest()[:KEY_ID_LENGTH]


def load_private_key(private_key_bytes: bytes) -> Ed25519PrivateKey:
    if len(private_key_bytes) != KEY_LENGTH:
        raise ValueError(f"an Ed25519 private key has {KEY_LENGTH} bytes")
    return Ed25519PrivateKey.from_private_bytes(private_key_bytes)
