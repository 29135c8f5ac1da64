"""This station's local defaults for new projects: the local 人社/劳动保障监察 and 住建
complaint phones, the local minimum wage and the usual pay day. They are station
settings (``settings.CardSettings`` and ``settings.WageSettings``: they describe the
place, not a record, and never travel by sync); this is the project's view of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from broker_app.domain.projects.rules import NATIONAL_HOTLINE
from broker_app.services.settings.schema import CardSettings, Settings, WageSettings
from broker_app.services.settings.storage import read_section
from broker_app.store.store import Transaction

#: The project fields that have a station default (same names as on Project).
DEFAULT_FIELDS = (
    "complaint_phone_hrss",
    "complaint_phone_housing",
    "complaint_phone_national",
    "min_wage",
    "pay_day",
)
_CARD_FIELDS = DEFAULT_FIELDS[:3]


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


def read_defaults(session: Transaction) -> ProjectDefaults:
    cards = read_section(session, CardSettings, None)
    wages = read_section(session, WageSettings, None)
    return ProjectDefaults(
        cards.complaint_phone_hrss,
        cards.complaint_phone_housing,
        cards.complaint_phone_national,
        wages.min_wage,
        wages.pay_day,
    )


def with_defaults(settings: Settings, values: Mapping[str, Any]) -> Settings:
    """``settings`` with the default fields present in ``values`` (already validated;
    blank clears a default)."""
    cards: dict[str, Any] = {name: values[name] or "" for name in _CARD_FIELDS if name in values}
    wages = {name: values[name] for name in ("min_wage", "pay_day") if name in values}
    return replace(
        settings, cards=replace(settings.cards, **cards), wages=replace(settings.wages, **wages)
    )
