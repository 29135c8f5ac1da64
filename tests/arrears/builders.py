"""Building clues and projects through the services, as the window does."""

from __future__ import annotations

from datetime import date
from typing import Any

from broker_app.services.arrears.clues import ClueService
from broker_app.services.projects.records import ProjectService
from broker_app.store.store import Store
from tests.cards.conftest import project_input

#: The day the tests' clues arrive.
DAY = date(2026, 11, 2)


def new_project(store: Store, name: str = "邹城市中心店镇棚户区改造安置房项目") -> str:
    change = ProjectService(store).create(project_input(name=name))
    return change.record_ids[0]


def phone_clue(store: Store, project_id: str | None, on: date = DAY, **extra: Any) -> str:
    raw: dict[str, Any] = {
        "source": "phone",
        "reporter_phone": "138 1234 5678",
        "reporter_name": "孟庆云",
        "amount_owed": "12000",
        "months_owed": 3,
        "description": "九月到十一月的工资没有发",
        "project_id": project_id,
        "received_on": on,
        **extra,
    }
    return ClueService(store).register(raw, today=on).record_ids[0]
