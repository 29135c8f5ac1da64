"""Wage-arrears clues and site inspections through the real channel server: a village
station registers a phone clue, its township and the county receive it, the village
takes it through its steps and they see each status; no other village sees it, and
the server refuses clues outside the station's scope or naming another village's
project. Inspections, problems and a project's 包保 travel the same way."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from broker_app.services.arrears.clues import ClueFilter, ClueService
from broker_app.services.arrears.inspections import InspectionService
from broker_app.services.projects.records import ProjectService
from broker_app.store.models.arrears import WageClue
from broker_app.store.store import Store
from tests.arrears.builders import new_project, phone_clue
from tests.sync.conftest import COUNTY, TOWNSHIP, VILLAGE_1, VILLAGE_2, StationFactory
from tests.sync.server_process import RunningServer
from tests.sync.test_server_trust import _mutation, _push, _server_row


def _clue(store: Store, clue_id: str) -> WageClue | None:
    with store.read() as session:
        clue = session.scalar(select(WageClue).where(WageClue.id == clue_id))
        if clue is not None:
            session.expunge(clue)
        return clue


def test_a_phone_clue_reaches_township_and_county_and_its_status_follows(
    shared_stations: StationFactory,
) -> None:
    village = shared_stations("village", VILLAGE_1)
    neighbour = shared_stations("neighbour", VILLAGE_2)
    township = shared_stations("township", TOWNSHIP)
    county = shared_stations("county", COUNTY)
    today = date.today()
    project = new_project(village.store, "唐村镇中学教学楼项目")
    clue_id = phone_clue(village.store, project, on=today)
    report = village.sync()
    assert report.rejected == 0 and report.applied == 2

    for station in (township, county, neighbour):
        station.sync()
    seen = ClueService(township.store).clues(ClueFilter.OPEN, today=today)
    assert [(r.id, r.project_name, r.status) for r in seen] == [
        (clue_id, "唐村镇中学教学楼项目", "received")
    ]
    assert seen[0].reporter_phone == "13812345678" and seen[0].org_code == VILLAGE_1
    assert _clue(county.store, clue_id) is not None
    assert _clue(neighbour.store, clue_id) is None

    service = ClueService(village.store)
    service.accept(clue_id, today=today)
    village.sync()
    township.sync()
    assert _status(township.store, clue_id) == ("accepted", today, None, "")
    service.close(clue_id, "施工方已补发全部工资", today=today + timedelta(days=1))
    village.sync()
    township.sync()
    county.sync()
    closed = ("closed", today, today + timedelta(days=1), "施工方已补发全部工资")
    assert _status(township.store, clue_id) == closed
    assert _status(county.store, clue_id) == closed
    # A clue the township writes (a call about the village's project) is the village's.
    called = phone_clue(township.store, project, on=today, source="visit")
    assert _clue(township.store, called).org_code == VILLAGE_1  # type: ignore[union-attr]
    assert township.sync().rejected == 0
    village.sync()
    assert _status(village.store, called)[0] == "received"


def test_the_server_refuses_clues_outside_the_scope(
    shared_server: RunningServer, shared_stations: StationFactory
) -> None:
    village = shared_stations("village", VILLAGE_1)
    neighbour = shared_stations("neighbour", VILLAGE_2)
    theirs = new_project(village.store, "看庄镇道路工程")
    village.sync()
    neighbour.sync()
    base = {
        "source": "phone",
        "reporter_phone": "13812345678",
        "query_code": "ABCDEFGHJK",
        "status": "received",
        "received_on": date.today().isoformat(),
    }
    # What a hostile or buggy program would send with the neighbour's credential.
    items = [
        _mutation(neighbour, "wage_clue", {**base, "org_code": VILLAGE_1}),
        _mutation(neighbour, "wage_clue", {**base, "org_code": VILLAGE_2, "project_id": theirs}),
        _mutation(neighbour, "wage_clue", {**base, "org_code": VILLAGE_2, "status": "lost"}),
        _mutation(neighbour, "wage_clue", {**base, "org_code": VILLAGE_2, "amount_owed": 2**64}),
        _mutation(neighbour, "wage_clue", {**base, "org_code": VILLAGE_2}),
    ]
    results = _push(shared_server, neighbour, *items)
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"], results
    assert [r["code"] for r in results[:4]] == ["scope", "scope", "invalid", "invalid"]
    assert "管辖范围" in results[0]["message"] and "status" in results[2]["message"]
    # The refused ones are not stored; the good one is the neighbour's alone.
    pushed = [item["record_id"] for item in items]
    stored = [_server_row(shared_server, record_id) for record_id in pushed]
    assert [row is not None for row in stored] == [False] * 4 + [True]
    village.sync()
    assert all(_clue(village.store, record_id) is None for record_id in pushed)


def _status(store: Store, clue_id: str) -> tuple[str, date | None, date | None, str]:
    clue = _clue(store, clue_id)
    assert clue is not None
    return clue.status, clue.accepted_on, clue.closed_on, clue.public_note


def test_inspections_and_problems_reach_the_township(shared_stations: StationFactory) -> None:
    village = shared_stations("village", VILLAGE_1)
    township = shared_stations("township", TOWNSHIP)
    project = new_project(village.store, "大束镇物流园项目")
    ProjectService(village.store).edit(
        project, {"responsible_org": TOWNSHIP, "responsible_person": "李包保"}
    )
    today = date.today()
    service = InspectionService(village.store)
    service.record(
        project,
        {"inspector": "王经纪", "workers_on_site": 12, "cards_valid": 10, "cards_missing": 2},
        [{"description": "两名工人未持维权卡", "deadline": today + timedelta(days=7)}],
        today=today,
    )
    assert village.sync().rejected == 0
    township.sync()
    seen = InspectionService(township.store)
    assert project not in {p.id for p in seen.projects_to_visit(today)}
    (problem,) = [p for p in seen.open_problems(today) if p.project_id == project]
    assert problem.description == "两名工人未持维权卡"
    assert ProjectService(township.store).details(project)["responsible_person"] == "李包保"
    # The township closes the problem after its own check; the village sees it closed.
    seen.close_problem(problem.id, "已补发维权卡", today=today)
    township.sync()
    village.sync()
    assert problem.id not in {p.id for p in service.open_problems(today)}
