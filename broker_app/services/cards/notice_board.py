"""What a project's 维权信息告示牌 (notice board) says: plain data the Qt painting
draws, read from the project record, the station and the settings in one read.

The board is posted at the site entrance: who builds, who answers for wages, where to
complain, and a QR that opens the project's page on the county's card service (with
its complaint button), or, where the county runs none, shows the phones as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from broker_app.domain.projects.cards import ComplaintPhone, complaint_phones
from broker_app.domain.rights_card.scan_text import ScanText, project_scan_text
from broker_app.services.cards.print_jobs import public_base_url
from broker_app.services.projects.records import get_project
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store

#: The paper sizes a board is printed on.
PAPERS = ("A4", "A3")


@dataclass(frozen=True)
class NoticeBoard:
    project_id: str
    project_name: str
    address: str
    contractor: str
    subcontractor: str
    labor_officer_name: str
    labor_officer_phone: str
    manager_phone: str
    phones: tuple[ComplaintPhone, ...]
    min_wage: int | None
    pay_day: int | None
    start_date: date | None
    end_date: date | None
    #: The issuing station, printed at the foot of the board.
    station_name: str
    scan: ScanText
    #: True when the QR opens the card service's project page (a public address is set).
    online: bool


def notice_board(store: Store, project_id: str) -> NoticeBoard:
    """The board of ``project_id``; ProjectNotFound (a UserError) if there is none."""
    with store.read() as session:
        project = get_project(session, project_id)
        base_url = public_base_url(session)
        station_name = get_station(session).name
        phones = tuple(
            complaint_phones(
                project.complaint_phone_hrss,
                project.complaint_phone_housing,
                project.complaint_phone_national,
            )
        )
        return NoticeBoard(
            project_id=project.id,
            project_name=project.name,
            address=project.address,
            contractor=project.general_contractor,
            subcontractor=project.subcontractor,
            labor_officer_name=project.labor_officer_name,
            labor_officer_phone=project.labor_officer_phone,
            manager_phone=project.manager_phone,
            phones=phones,
            min_wage=project.min_wage,
            pay_day=project.pay_day,
            start_date=project.start_date,
            end_date=project.end_date,
            station_name=station_name,
            scan=project_scan_text(
                base_url, project.id, project.name, [line.phone for line in phones]
            ),
            online=bool(base_url),
        )
