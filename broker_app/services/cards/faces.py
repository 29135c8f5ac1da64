"""What a printed card says: plain data the Qt layouts draw, built without Qt.

The signed facts (name, masked ID number, project, contractor, the one complaint
phone, serial, dates) come from the card's own QR text, so the print can never
contradict its QR. The rest (subcontractor, 劳资专管员, further complaint phones,
minimum wage, pay day) is printed from today's project record, unsigned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from broker_app.domain.projects.cards import ComplaintPhone, complaint_phones
from broker_app.domain.rights_card import TRUNCATION_MARK, CardFacts
from broker_app.domain.rights_card.scan_text import ScanText, card_scan_text, signed_bytes
from broker_app.store.models.card import Project, RightsCard
from broker_app.store.models.worker import Worker


@dataclass(frozen=True)
class CardFace:
    card_id: str
    serial: int
    key_id: str
    worker_name: str
    masked_id: str
    project_name: str
    project_address: str
    contractor: str
    subcontractor: str
    labor_officer_name: str
    labor_officer_phone: str
    manager_phone: str
    #: The phone in the QR, printed largest.
    signed_phone: str
    #: Every complaint phone to print, the signed one first.
    phones: tuple[ComplaintPhone, ...]
    min_wage: int | None
    pay_day: int | None
    issue_date: date
    expiry_date: date
    #: The card's signed text as stored (``WQ1:`` + Base45).
    qr_text: str
    #: What the printed QR holds: the URL form or the readable-text form of the same
    #: signed bytes (rights_card.scan_text).
    scan: ScanText


def card_face(
    card: RightsCard, facts: CardFacts, worker: Worker, project: Project, base_url: str = ""
) -> CardFace:
    """The face of ``card``; full names are printed even where the QR had to shorten them.
    ``base_url``: the county's public card address (blank: the readable-text QR)."""
    phones = tuple(_phones(facts.complaint_phone, project))
    return CardFace(
        card_id=card.id,
        serial=facts.serial,
        key_id=card.key_id,
        worker_name=_full(facts.worker_name, worker.name),
        masked_id=facts.masked_id,
        project_name=_full(facts.project_name, project.name),
        project_address=project.address,
        contractor=_full(facts.contractor, project.general_contractor),
        subcontractor=project.subcontractor,
        labor_officer_name=project.labor_officer_name,
        labor_officer_phone=project.labor_officer_phone,
        manager_phone=project.manager_phone,
        signed_phone=facts.complaint_phone,
        phones=phones,
        min_wage=project.min_wage,
        pay_day=project.pay_day,
        issue_date=facts.issue_date,
        expiry_date=facts.expiry_date,
        qr_text=card.qr_text,
        scan=card_scan_text(signed_bytes(card.qr_text), base_url, [line.phone for line in phones]),
    )


def _full(signed: str, current: str) -> str:
    """The record's text when the QR holds a shortened form of it, else the signed text."""
    if signed.endswith(TRUNCATION_MARK) and current.startswith(signed[:-1]):
        return current
    return signed


def _phones(signed: str, project: Project) -> list[ComplaintPhone]:
    lines = complaint_phones(
        project.complaint_phone_hrss,
        project.complaint_phone_housing,
        project.complaint_phone_national,
    )
    if lines and lines[0].phone == signed:
        return lines
    # The project's phone changed since the card was signed: the card's own comes first.
    return [ComplaintPhone("signed", signed), *(p for p in lines if p.phone != signed)]
