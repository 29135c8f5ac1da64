"""The county's policy on the server: stored by the county officer's command, read by
every station on sync (``sync.county_policy`` has the rules)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.county_policy import CountyPolicy, checked_days, checked_url
from sync.server.models import CountySetting

URL: str = "card_page_url"
DAYS: str = "clue_days"


def current(session: Session) -> CountyPolicy:
    stored = {row.name: json.loads(row.value) for row in session.scalars(select(CountySetting))}
    days = stored.get(DAYS)
    return CountyPolicy(
        card_page_url=str(stored.get(URL, "")),
        clue_days=None if days is None else checked_days(days),
    )


def update(
    session: Session,
    now: datetime,
    *,
    card_page_url: str | None = None,
    clue_days: tuple[int, int, int] | None = None,
) -> CountyPolicy:
    """Sets the parts given (``card_page_url=""`` clears the address); returns the
    policy as stations will receive it."""
    if card_page_url is not None:
        url = checked_url(card_page_url)
        _put(session, URL, url if url else None, now)
    if clue_days is not None:
        _put(session, DAYS, list(checked_days(clue_days)), now)
    session.flush()
    return current(session)


def _put(session: Session, name: str, value: object, now: datetime) -> None:
    row = session.get(CountySetting, name)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(CountySetting(name=name, value=text, updated_at=now))
    else:
        row.value, row.updated_at = text, now
