"""The optional operator PIN that locks the window after the PC sits idle.

The PIN is never stored: only a salted scrypt hash (``scrypt$n$r$p$salt$hash``, hex)
in the station's key/value settings, next to the idle minutes. Wrong PINs slow the
next try down (``retry_delay``), so guessing a 4-digit PIN at the keyboard takes days.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from typing import Final

from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import Store

log = logging.getLogger(__name__)

PIN_HASH_SETTING: Final = "privacy.pin_hash"
IDLE_MINUTES_SETTING: Final = "privacy.idle_minutes"
DEFAULT_IDLE_MINUTES: Final = 10
MIN_IDLE_MINUTES: Final = 1
MAX_IDLE_MINUTES: Final = 240
PIN_MIN_LENGTH: Final = 4
PIN_MAX_LENGTH: Final = 12
#: Wrong PINs allowed before each further try has to wait.
FREE_ATTEMPTS: Final = 3
MAX_DELAY_SECONDS: Final = 300

# scrypt cost: ~16 MiB and a few tens of milliseconds on a village PC.
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16


@dataclass(frozen=True)
class LockSettings:
    enabled: bool
    idle_minutes: int


def check_pin(pin: str) -> str | None:
    """A Chinese message when ``pin`` cannot be a PIN, else None."""
    if not (pin.isascii() and pin.isdigit()):
        return "PIN 只能是数字"
    if not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        return f"PIN 要 {PIN_MIN_LENGTH} 到 {PIN_MAX_LENGTH} 位数字"
    return None


def check_idle_minutes(minutes: int) -> str | None:
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        return f"空闲时间要在 {MIN_IDLE_MINUTES} 到 {MAX_IDLE_MINUTES} 分钟之间"
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored`` (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        found = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(found.hex(), digest)


def retry_delay(failures: int) -> int:
    """Seconds to wait before the next try after ``failures`` wrong PINs in a row:
    none for the first three, then 5, 10, 20… seconds, at most five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, 5 * 2 ** (failures - FREE_ATTEMPTS))


class PinLockService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def settings(self) -> LockSettings:
        with self.store.read() as session:
            stored = get_setting(session, PIN_HASH_SETTING)
            minutes = get_setting(session, IDLE_MINUTES_SETTING)
        try:
            idle = int(minutes) if minutes else DEFAULT_IDLE_MINUTES
        except ValueError:
            idle = DEFAULT_IDLE_MINUTES
        return LockSettings(bool(stored), idle)

    def set_pin(self, pin: str) -> None:
        """Set (or change) the PIN; ValueError with a Chinese message when unusable."""
        problem = check_pin(pin)
        if problem:
            raise ValueError(problem)
        with self.store.write() as session:
            put_setting(session, PIN_HASH_SETTING, hash_pin(pin))
        log.info("operator PIN set")

    def clear_pin(self) -> None:
        with self.store.write() as session:
            put_setting(session, PIN_HASH_SETTING, "")
        log.info("operator PIN cleared")

    def set_idle_minutes(self, minutes: int) -> None:
        problem = check_idle_minutes(minutes)
        if problem:
            raise ValueError(problem)
        with self.store.write() as session:
            put_setting(session, IDLE_MINUTES_SETTING, str(minutes))

    def verify(self, pin: str) -> bool:
        with self.store.read() as session:
            stored = get_setting(session, PIN_HASH_SETTING)
        return bool(stored) and pin_matches(pin, stored or "")
