"""The vocabulary of a wage-arrears clue (欠薪线索) and its query code.

A clue arrives from the public card page (a worker scanned the helmet card), a phone
call or a visit to the station. It is routed to the station whose scope holds the
project and moves 已接收 -> 已受理 -> 已办结, or ends 不予受理 with a reason. The
city's plan asks for 快办快结: each step has a deadline in days counted from the day
the clue arrived, set by the county (defaults: received within 1 day, accepted
within 5, resolved within 15).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Final

from broker_app.domain.common.enums import LabeledEnum


class ClueSource(LabeledEnum):
    CARD_PAGE = "card_page", "扫码反映"
    PHONE = "phone", "电话反映"
    VISIT = "visit", "来访反映"


class ClueStatus(LabeledEnum):
    RECEIVED = "received", "已接收"
    ACCEPTED = "accepted", "已受理"
    CLOSED = "closed", "已办结"
    REJECTED = "rejected", "不予受理"


@dataclass(frozen=True)
class ClueDeadlines:
    """Days from the clue's arrival by which each step is due (the county sets them)."""

    receive_days: int = 1
    accept_days: int = 5
    resolve_days: int = 15


DEFAULT_DEADLINES: Final = ClueDeadlines()

#: Query codes avoid letters and digits that read alike (0/O, 1/I/L) when a worker
#: copies one from a phone screen to a form or reads it out on the phone.
QUERY_CODE_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH: Final = 10


def new_query_code() -> str:
    """A random query code: 10 characters of a 31-letter alphabet (about 49 bits),
    enough that guessing another worker's code is hopeless at any request rate the
    card service allows."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def normalise_query_code(text: str) -> str | None:
    """``text`` as a query code (spaces and dashes dropped, upper-cased), or None."""
    code = text.replace(" ", "").replace("-", "").upper()
    if len(code) != QUERY_CODE_LENGTH or any(c not in QUERY_CODE_ALPHABET for c in code):
        return None
    return code
