"""What the county sets once for every station: the public card page's address and
the wage-arrears clue deadlines.

The county officer sets them on the channel server (``python -m sync.server
county-policy``); every station receives them on its next sync and stores them as
its settings ``cards.public_base_url`` and ``arrears.*_days``, so the cards a village
prints open the county's card page and every station counts the same deadlines.
Unset parts are not sent, and a station keeps its own value for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from broker_app.domain.rights_card.scan_text import check_base_url

#: The longest deadline a county may set (a year), as the station's settings allow.
MAX_DAYS: Final = 365


class PolicyError(ValueError):
    """A county policy that cannot be stored or applied (message in Chinese)."""


@dataclass(frozen=True)
class CountyPolicy:
    #: The card service's public address ("" when the county has set none).
    card_page_url: str = ""
    #: Days to receive, accept and resolve a clue (None when the county has set none).
    clue_days: tuple[int, int, int] | None = None

    def document(self) -> dict[str, Any]:
        """The wire form: only what the county has set."""
        answer: dict[str, Any] = {}
        if self.card_page_url:
            answer["card_page_url"] = self.card_page_url
        if self.clue_days is not None:
            answer["clue_days"] = list(self.clue_days)
        return answer


def checked_url(text: str) -> str:
    try:
        return check_base_url(text) if text.strip() else ""
    except ValueError as exc:
        raise PolicyError(str(exc)) from None


def checked_days(values: object) -> tuple[int, int, int]:
    """Three whole days, each 1..365, receive <= accept <= resolve."""
    if not isinstance(values, list | tuple) or len(values) != 3:
        raise PolicyError("欠薪线索时限应为三个天数：接收,受理,办结（如 1,5,15）")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise PolicyError("欠薪线索时限应为整天数")
    receive, accept, resolve = values
    if not all(1 <= v <= MAX_DAYS for v in values):
        raise PolicyError(f"欠薪线索时限应在 1 到 {MAX_DAYS} 天之间")
    if not receive <= accept <= resolve:
        raise PolicyError("欠薪线索时限应为 接收 ≤ 受理 ≤ 办结")
    return (receive, accept, resolve)


def parse_days(text: str) -> tuple[int, int, int]:
    """``"1,5,15"`` (the command line's form) as checked days."""
    parts = [p.strip() for p in text.replace("，", ",").split(",")]
    try:
        values = [int(p) for p in parts]
    except ValueError:
        raise PolicyError("欠薪线索时限应为三个天数：接收,受理,办结（如 1,5,15）") from None
    return checked_days(values)


def from_document(document: Mapping[str, Any]) -> CountyPolicy:
    """A policy received from the server, checked as the server checked it when it was
    set (a station trusts its server's policy no further than its own settings would)."""
    url = document.get("card_page_url", "")
    if not isinstance(url, str):
        raise PolicyError("公共卡片服务地址应为文字")
    days = document.get("clue_days")
    return CountyPolicy(checked_url(url), None if days is None else checked_days(days))
