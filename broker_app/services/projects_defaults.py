"""This station's local defaults for new projects: the local 人社/劳动保障监察 and 住建
complaint phones, the local minimum wage and the usual pay day. Kept in the station's
settings (they describe the place, not a record, and never travel by sync)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.orm import Session

from broker_app.domain.projects import NATIONAL_HOTLINE
from broker_app.store.repositories.station import get_setting, put_setting

_PREFIX = "project_default."
#: The project fields that have a station default (same names as on Project).
DEFAULT_FIELDS = (
    "complaint_phone_hrss",
    "complaint_phone_housing",
    "complaint_phone_national",
    "min_wage",
    "pay_day",
)
_NUMBERS = ("min_wage", "pay_day")


@dataclass(frozen=True)
class ProjectDefaults:
    complaint_phone_hrss: str = ""
    complaint_phone_housing: str = ""
    complaint_phone_national: str = NATIONAL_HOTLINE
    min_wage: int | None = None
    pay_day: int | None = None

    def fill(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` with every blank defaulted field taken from these defaults."""
        out = dict(values)
        for name, value in asdict(self).items():
            if out.get(name) in (None, "") and value not in (None, ""):
                out[name] = value
        return out


def read_defaults(session: Session) -> ProjectDefaults:
    stored: dict[str, Any] = {}
    for name in DEFAULT_FIELDS:
        text = get_setting(session, _PREFIX + name)
        if text:
            stored[name] = int(text) if name in _NUMBERS else text
    return ProjectDefaults(**stored)


def write_defaults(session: Session, values: Mapping[str, Any]) -> None:
    """Store already validated values (blank clears a default)."""
    for name, value in values.items():
        if name in DEFAULT_FIELDS:
            put_setting(session, _PREFIX + name, "" if value is None else str(value))
