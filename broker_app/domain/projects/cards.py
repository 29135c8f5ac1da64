"""How a project and a worker become the facts a rights card signs.

Only one complaint phone is signed (the QR budget, see rights_card.payload): the
project's 人社/劳动保障监察 number, else the national 12333. The other phones are
printed beside the QR, unsigned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from broker_app.domain.common.errors import UserError
from broker_app.domain.people.idcard import mask_id_number
from broker_app.domain.projects.rules import NATIONAL_HOTLINE
from broker_app.domain.rights_card import CardFacts, facts_in_qr

#: How long a card lasts when its project has no end date.
DEFAULT_VALIDITY_YEARS = 1


class CardTermsError(UserError, ValueError):
    """A card cannot be issued for this project on this day; ``message`` says why."""


@dataclass(frozen=True)
class ComplaintPhone:
    """One complaint channel as printed: who answers it, and its number."""

    kind: str  # "hrss" (人社/劳动保障监察), "housing" (住建) or "national" (12333)
    phone: str


def signed_complaint_phone(hrss_phone: str, national_phone: str = "") -> str:
    """The phone the QR carries: the local 人社/劳动保障监察 line, else the national one."""
    return hrss_phone or national_phone or NATIONAL_HOTLINE


def complaint_phones(hrss: str, housing: str, national: str) -> list[ComplaintPhone]:
    """The complaint phones to print, signed one first, empties and repeats left out."""
    signed = signed_complaint_phone(hrss, national)
    ordered = [
        ComplaintPhone("hrss" if hrss else "national", signed),
        ComplaintPhone("housing", housing),
        ComplaintPhone("national", national or NATIONAL_HOTLINE),
    ]
    seen: set[str] = set()
    out: list[ComplaintPhone] = []
    for line in ordered:
        if line.phone and line.phone not in seen:
            seen.add(line.phone)
            out.append(line)
    return out


def default_expiry(issue: date, project_end: date | None) -> date:
    """The project's end date, or one year after issue when the end is not known.

    Raises CardTermsError when the project ended before ``issue``: a new card for a
    finished project would claim the worker is still on site.
    """
    if project_end is not None:
        if project_end < issue:
            raise CardTermsError(
                f"该项目已于 {project_end.isoformat()} 竣工，不能再发新卡",
                f"project ended on {project_end.isoformat()}; no new cards",
            )
        return project_end
    return _add_years(issue, DEFAULT_VALIDITY_YEARS) - timedelta(days=1)


def build_card_facts(
    *,
    serial: int,
    worker_name: str,
    id_number: str,
    project_name: str,
    contractor: str,
    complaint_phone: str,
    issue_date: date,
    expiry_date: date,
    key_id: bytes,
) -> CardFacts:
    """CardFacts with the ID number masked here, so the full number never reaches a card."""
    return CardFacts(
        serial=serial,
        worker_name=worker_name,
        masked_id=mask_id_number(id_number),
        project_name=project_name,
        contractor=contractor,
        complaint_phone=complaint_phone,
        issue_date=issue_date,
        expiry_date=expiry_date,
        key_id=key_id,
    )


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February: a year later, the day after 28 February
        return date(day.year + years, 3, 1)


def signed_texts_current(card: CardFacts, expected: CardFacts) -> bool:
    """Whether a stored card still signs what the worker and project say now.

    ``expected`` is built from today's records with the card's own serial, dates and
    key, so both sides are fitted into the QR budget the same way.
    """
    fitted = facts_in_qr(expected)
    return (
        card.worker_name,
        card.masked_id,
        card.project_name,
        card.contractor,
        card.complaint_phone,
    ) == (
        fitted.worker_name,
        fitted.masked_id,
        fitted.project_name,
        fitted.contractor,
        fitted.complaint_phone,
    )
