"""Fixtures for the rights-card tests: a project, workers, and issued cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from broker_app.services.cards.issuing import CardService
from broker_app.services.projects.records import ProjectService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from tests.conftest import valid_id, worker_input

#: Cards in these tests are issued on this day, so dates in assertions are fixed.
ISSUE_DAY = date(2026, 3, 1)
PROJECT_END = date(2027, 6, 30)
HRSS_PHONE = "0537-5212345"

NAMES = (
    "张伟",
    "李秀英",
    "欧阳明轩",
    "孟祥瑞",
    "孔令华",
    "王建国",
    "赵磊",
    "陈静",
    "刘洋",
    "周喆",
    "吴玥",
    "颜广福",
)


def project_input(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": "邹城市中心店镇棚户区改造安置房项目",
        "address": "中心店镇政府驻地西500米",
        "general_contractor": "山东邹城建工集团有限公司",
        "subcontractor": "邹城市宏达建筑劳务有限公司",
        "labor_officer_name": "王建军",
        "labor_officer_phone": "13912345678",
        "manager_phone": "13800001111",
        "complaint_phone_hrss": HRSS_PHONE,
        "complaint_phone_housing": "0537-5213456",
        "min_wage": 2200,
        "pay_day": 15,
        "start_date": "2025-10-01",
        "end_date": PROJECT_END.isoformat(),
    }
    values.update(overrides)
    return values


@dataclass
class Site:
    """A store with one project and its workers."""

    store: Store
    project_id: str
    worker_ids: list[str]

    @property
    def cards(self) -> CardService:
        return CardService(self.store)


def register_workers(store: Store, count: int, first_seq: int = 100) -> list[str]:
    service = WorkerService(store)
    ids = []
    for n in range(count):
        name = NAMES[n % len(NAMES)]
        number = valid_id(birth=f"19{70 + n % 25}0{1 + n % 9}1{n % 10}", seq=f"{first_seq + n:03d}")
        ids.append(service.register(worker_input(name=name, id_number=number)).record_ids[0])
    return ids


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """Drawing and fonts need the application object; pytest-qt's, so that widget
    tests running later in the same process find a QApplication."""


@pytest.fixture
def site(store: Store) -> Site:
    project_id = ProjectService(store).create(project_input()).record_ids[0]
    return Site(store, project_id, register_workers(store, 12))


@pytest.fixture
def issued(site: Site) -> Site:
    site.cards.issue(site.project_id, site.worker_ids, today=ISSUE_DAY)
    return site
