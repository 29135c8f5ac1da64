"""Site inspections and problems (双清单): recording a visit with its problems in one
transaction, closing a problem, the projects not visited this month, and a project's
responsible unit and person (包保)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from broker_app.domain.arrears.inspections import InvalidInspection, month_of, not_visited
from broker_app.domain.common.errors import UserError
from broker_app.services.arrears.inspections import InspectionService
from broker_app.services.projects.records import InvalidProject, ProjectService
from broker_app.store.models.inspection import Inspection, SiteProblem
from broker_app.store.models.local import OutboxEntry
from broker_app.store.store import Store
from tests.arrears.builders import new_project
from tests.conftest import VILLAGE

TODAY = date(2026, 12, 4)


def test_month_and_not_visited_rules() -> None:
    assert month_of(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_of(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    visits = [("a", date(2026, 11, 30)), ("b", date(2026, 12, 1))]
    assert not_visited(["a", "b", "c"], visits, TODAY) == ["a", "c"]


def test_project_responsibility(store: Store) -> None:
    service = ProjectService(store)
    project = new_project(store)
    service.edit(project, {"responsible_org": "太平镇", "responsible_person": "李包保"})
    details = service.details(project)
    assert details["responsible_org"] == "370883107000"
    assert details["responsible_person"] == "李包保"
    with pytest.raises(InvalidProject) as bad:
        service.edit(project, {"responsible_org": "火星镇"})
    assert "不是本县的单位" in bad.value.message
    (row,) = InspectionService(store).projects_to_visit(TODAY)
    assert (row.responsible_unit, row.responsible_person) == ("太平镇", "李包保")


def test_record_a_visit_with_problems_and_close_one(store: Store) -> None:
    service = InspectionService(store)
    visited = new_project(store, "A 项目")
    other = new_project(store, "B 项目")
    assert [p.name for p in service.projects_to_visit(TODAY)] == ["A 项目", "B 项目"]
    changes = service.record(
        visited,
        {
            "inspected_on": TODAY - timedelta(days=1),
            "inspector": "王经纪",
            "workers_on_site": "40",
            "cards_valid": 35,
            "cards_missing": 4,
            "cards_invalid": 1,
        },
        [
            {"description": "工资专用账户未按月拨付", "deadline": TODAY + timedelta(days=10)},
            {"description": "维权信息告示牌未设置"},
        ],
        today=TODAY,
    )
    assert [c.kind.value for c in changes] == ["inspection", "site_problem"]
    with store.read() as session:
        visit = session.scalar(select(Inspection))
        assert visit is not None and visit.org_code == VILLAGE
        assert (visit.workers_on_site, visit.cards_valid, visit.cards_missing) == (40, 35, 4)
        problems = list(session.scalars(select(SiteProblem)))
        assert {p.inspection_id for p in problems} == {visit.id}
        assert all(p.found_on == TODAY - timedelta(days=1) for p in problems)
        outbox = session.scalar(select(func.count()).select_from(OutboxEntry))
    assert outbox == 2 + 3  # two projects, the visit, two problems
    assert [p.name for p in service.projects_to_visit(TODAY)] == ["B 项目"]
    # Next month it is due again.
    assert len(service.projects_to_visit(date(2027, 1, 2))) == 2
    listed = service.open_problems(TODAY)
    assert [p.description for p in listed] == ["工资专用账户未按月拨付", "维权信息告示牌未设置"]
    assert not listed[0].overdue
    assert service.open_problems(TODAY + timedelta(days=11))[0].overdue
    with pytest.raises(InvalidInspection):
        service.close_problem(listed[0].id, " ", today=TODAY)
    service.close_problem(listed[0].id, "已按月拨付", today=TODAY)
    with pytest.raises(UserError):
        service.close_problem(listed[0].id, "再次", today=TODAY)
    assert [p.description for p in service.open_problems(TODAY)] == ["维权信息告示牌未设置"]
    assert other


def test_bad_visits_store_nothing(store: Store) -> None:
    service = InspectionService(store)
    project = new_project(store)
    with pytest.raises(InvalidInspection) as counts:
        service.record(project, {"workers_on_site": 3, "cards_valid": 4}, today=TODAY)
    assert "多于在场工人" in counts.value.message
    with pytest.raises(InvalidInspection) as problem:
        service.record(project, {}, [{"description": ""}], today=TODAY)
    assert "请填写发现的问题" in problem.value.message
    with pytest.raises(InvalidInspection):
        service.record("nope", {}, today=TODAY)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Inspection)) == 0
