"""An unexpected failure as the broker and the log see it: a short incident number.

The broker reads a Chinese sentence with the number (never Python's own text); the log
holds the same number with the English message and the traceback, so a helper on the
phone can find the one entry that matters. Used by the window and the command line."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime

log = logging.getLogger(__name__)

# No 0/O or 1/I/L: the number is read aloud over the phone.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_incident_number(now: datetime | None = None) -> str:
    """``MMDD-XXXX``: the day makes the log easy to search, four letters tell apart
    the incidents of one day."""
    day = (now or datetime.now()).strftime("%m%d")
    return f"{day}-{''.join(secrets.choice(_ALPHABET) for _ in range(4))}"


def record_incident(exc: BaseException, action: str = "action") -> str:
    """Log ``exc`` with its traceback under a new incident number; returns the number."""
    number = new_incident_number()
    log.error(
        "incident %s: %s failed: %s: %s",
        number,
        action,
        type(exc).__name__,
        exc,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    return number


#: The sentence the command line prints (the window has its own, translatable copy).
CLI_SENTENCE = "这一步没有完成，已保存的数据没有丢失。事件编号 {0}，详情已写入日志。"
