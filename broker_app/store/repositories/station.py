"""This station's own row and key/value settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.store.models.local import Setting, Station


def get_station(session: Session) -> Station:
    station = session.get(Station, 1)
    assert station is not None, "the store creates the station row when it opens"
    return station


def get_setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
