"""Projects: the validator, the service and the station defaults."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.projects.rules import NATIONAL_HOTLINE, clean_project
from broker_app.services.projects.records import InvalidProject, ProjectNotFound, ProjectService
from broker_app.store.store import Store

from .conftest import HRSS_PHONE, project_input


def test_clean_project_normalises_phones_and_numbers() -> None:
    cleaned = clean_project(
        project_input(
            complaint_phone_hrss="0537 5212345",
            labor_officer_phone="+86 139 1234 5678",
            min_wage="2200元",
            complaint_phone_national="",
        )
    )
    assert cleaned.ok, cleaned.errors
    assert cleaned.values["complaint_phone_hrss"] == HRSS_PHONE
    assert cleaned.values["labor_officer_phone"] == "13912345678"
    assert cleaned.values["min_wage"] == 2200
    assert cleaned.values["complaint_phone_national"] == NATIONAL_HOTLINE
    assert cleaned.values["end_date"] == date(2027, 6, 30)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("name", "", "required"),
        ("general_contractor", " ", "required"),
        ("name", "项" * 129, "length"),
        ("manager_phone", "12333", "kind_not_allowed"),
        ("labor_officer_phone", "5212345", "no_area_code"),
        ("pay_day", 32, ""),
        ("min_wage", 80, ""),
    ],
)
def test_clean_project_refuses(field: str, value: object, reason: str) -> None:
    cleaned = clean_project(project_input(**{field: value}))
    assert [e.field for e in cleaned.errors] == [field]
    assert cleaned.errors[0].reason == reason


def test_end_before_start_is_refused() -> None:
    cleaned = clean_project(project_input(start_date="2026-05-01", end_date="2026-04-01"))
    assert [e.field for e in cleaned.errors] == ["end_date"]


def test_partial_checks_only_given_fields() -> None:
    cleaned = clean_project({"pay_day": "20"}, partial=True)
    assert cleaned.ok and cleaned.values == {"pay_day": 20}


def test_create_list_edit_archive(store: Store) -> None:
    service = ProjectService(store)
    project_id = service.create(project_input()).record_ids[0]
    [row] = service.projects()
    assert row["id"] == project_id and row["active_cards"] == 0
    change = service.edit(project_id, {"general_contractor": "中建八局第一建设有限公司"})
    assert change.fields == {"general_contractor"}
    assert service.details(project_id)["general_contractor"] == "中建八局第一建设有限公司"
    with pytest.raises(InvalidProject):
        service.edit(project_id, {"end_date": "2020-01-01"})  # before the start date
    service.archive(project_id)
    assert service.projects() == []
    assert len(service.projects(include_archived=True)) == 1
    with pytest.raises(ProjectNotFound):
        service.details("no-such-id")


def test_station_defaults_fill_blank_fields(store: Store) -> None:
    service = ProjectService(store)
    defaults = service.save_defaults(
        {"complaint_phone_hrss": "05375219999", "min_wage": 2010, "pay_day": 10}
    )
    assert defaults.complaint_phone_hrss == "0537-5219999"
    blank = project_input(complaint_phone_hrss="", min_wage=None, pay_day=None)
    project_id = service.create(blank).record_ids[0]
    details = service.details(project_id)
    assert (details["complaint_phone_hrss"], details["min_wage"], details["pay_day"]) == (
        "0537-5219999",
        2010,
        10,
    )
    # What the broker typed wins over the defaults.
    other = service.create(project_input(name="另一个项目", pay_day=25)).record_ids[0]
    assert service.details(other)["pay_day"] == 25
    with pytest.raises(InvalidProject):
        service.save_defaults({"complaint_phone_housing": "abc"})
