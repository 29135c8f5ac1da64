"""Registering a clue by phone or visit and taking it through its steps: what is
stored, what goes to the outbox, and what is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from broker_app.domain.arrears.clues import normalise_query_code
from broker_app.domain.arrears.report import ClueStepRefused, InvalidClue
from broker_app.services.arrears.clues import ClueFilter, ClueService
from broker_app.services.settings.schema import InvalidSettings
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.services.settings.text import with_text
from broker_app.store.models.arrears import WageClue
from broker_app.store.models.local import OutboxEntry
from broker_app.store.store import Store
from tests.arrears.builders import DAY, new_project, phone_clue
from tests.conftest import VILLAGE


def _outbox(store: Store, record_id: str) -> list[str]:
    with store.read() as session:
        rows = session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == record_id).order_by(OutboxEntry.seq)
        )
        return [row.op for row in rows]


def test_register_a_phone_clue(store: Store) -> None:
    project = new_project(store)
    clue_id = phone_clue(store, project)
    with store.read() as session:
        clue = session.scalar(select(WageClue).where(WageClue.id == clue_id))
        assert clue is not None
        assert clue.reporter_phone == "13812345678"
        assert clue.reporter_name == "孟庆云"
        assert (clue.amount_owed, clue.months_owed) == (12000, 3)
        assert clue.source == "phone" and clue.status == "received"
        assert clue.received_on == DAY and clue.org_code == VILLAGE
        assert clue.project_id == project
        assert normalise_query_code(clue.query_code) == clue.query_code
        assert clue.operator == "测试经纪人"
    assert _outbox(store, clue_id) == ["create"]
    (row,) = ClueService(store).clues(today=DAY)
    assert row.project_name == "邹城市中心店镇棚户区改造安置房项目"
    assert row.due_on == DAY + timedelta(days=5) and not row.overdue
    assert row.source_label == "电话反映" and row.status_label == "已接收"


def test_phone_is_required_and_checked(store: Store) -> None:
    service = ClueService(store)
    with pytest.raises(InvalidClue) as missing:
        service.register({"source": "visit", "description": "工资没发"}, today=DAY)
    assert [e.field for e in missing.value.errors] == ["reporter_phone"]
    assert "电话" in missing.value.message
    with pytest.raises(InvalidClue) as bad:
        service.register({"reporter_phone": "1381234", "months_owed": "-2"}, today=DAY)
    assert {e.field for e in bad.value.errors} == {"reporter_phone", "months_owed"}
    with pytest.raises(InvalidClue) as future:
        service.register(
            {"reporter_phone": "13812345678", "received_on": DAY + timedelta(days=1)}, today=DAY
        )
    assert "晚于今天" in future.value.message
    with pytest.raises(InvalidClue) as project:
        service.register({"reporter_phone": "13812345678", "project_id": "nope"}, today=DAY)
    assert "工程项目" in project.value.message
    assert service.clues(ClueFilter.ALL, today=DAY) == []


def test_accept_close_and_the_public_note(store: Store) -> None:
    service = ClueService(store)
    clue_id = phone_clue(store, new_project(store))
    with pytest.raises(ClueStepRefused):
        service.close(clue_id, "已发放", today=DAY)
    service.accept(clue_id, today=DAY + timedelta(days=1))
    with pytest.raises(InvalidClue):
        service.close(clue_id, "  ", today=DAY)
    service.close(clue_id, "经协调，施工方已于11月10日补发工资", today=DAY + timedelta(days=8))
    row = service.clue(clue_id, today=DAY + timedelta(days=30))
    assert row.status == "closed" and row.accepted_on == DAY + timedelta(days=1)
    assert row.closed_on == DAY + timedelta(days=8) and row.due_on is None
    assert not row.overdue and row.public_note.startswith("经协调")
    assert _outbox(store, clue_id) == ["create", "update", "update"]
    with pytest.raises(ClueStepRefused) as again:
        service.reject(clue_id, "重复", today=DAY)
    assert "已办结" in again.value.message
    assert service.clues(ClueFilter.OPEN, today=DAY) == []
    assert len(service.clues(ClueFilter.ALL, today=DAY)) == 1


def test_reject_needs_a_reason_which_becomes_the_public_note(store: Store) -> None:
    service = ClueService(store)
    clue_id = phone_clue(store, None)
    with pytest.raises(InvalidClue) as no_reason:
        service.reject(clue_id, "", today=DAY)
    assert "理由" in no_reason.value.message
    service.reject(clue_id, "不属于工程建设领域，已告知向劳动监察大队反映", today=DAY)
    row = service.clue(clue_id)
    assert row.status == "rejected" and row.closed_on == DAY
    assert row.public_note == row.reject_reason
    assert row.project_name is None and row.org_code == VILLAGE


def test_overdue_filter_and_the_county_deadlines(store: Store) -> None:
    service = ClueService(store)
    project = new_project(store)
    late = phone_clue(store, project, on=date(2026, 11, 1))
    fresh = phone_clue(store, project, on=date(2026, 11, 20))
    today = date(2026, 11, 21)
    assert [r.id for r in service.clues(ClueFilter.OVERDUE, today=today)] == [late]
    assert {r.id for r in service.clues(ClueFilter.OPEN, today=today)} == {late, fresh}
    save_settings(store, with_text(load_settings(store), "arrears.resolve_days", "30"))
    save_settings(store, with_text(load_settings(store), "arrears.accept_days", "25"))
    with pytest.raises(InvalidSettings) as disorder:
        save_settings(store, with_text(load_settings(store), "arrears.resolve_days", "20"))
    assert "受理" in disorder.value.message
    assert service.deadlines().accept_days == 25
    assert service.clues(ClueFilter.OVERDUE, today=today) == []
    assert service.clue(late).due_on == date(2026, 11, 26)
