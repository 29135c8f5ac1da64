"""The roster page says, in one line without the person's name, that a worker moved
out of this station's scope and where to; the worker is no longer listed."""

from __future__ import annotations

from datetime import date, datetime

from pytestqt.qtbot import QtBot

from broker_app.services.changes import Change, Op, RecordKind
from broker_app.store.repositories.departures import Departure, remove_departed
from broker_app.ui.context import AppContext
from broker_app.ui.roster.view import RosterPage
from tests.ui.conftest import register, valid_id

#: 太平镇 (370883107) 的一个村.
NEW_VILLAGE = "370883107201"


def _listed(page: RosterPage) -> set[str | None]:
    return {page.model.worker_id(row) for row in range(page.model.rowCount())}


def test_roster_shows_the_moved_out_line(ctx: AppContext, qtbot: QtBot) -> None:
    stays = register(ctx.store, name="孔繁星", id_number=valid_id(seq="101"))
    leaves = register(ctx.store, name="颜真卿", id_number=valid_id(seq="102"))
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    assert page.moved_label.isHidden()
    assert _listed(page) == {stays, leaves}

    # What a pull page with an exit does (see StoreReplica.apply_page).
    with ctx.store.write() as session:
        gone = Departure("worker", leaves, NEW_VILLAGE, date(2026, 12, 5))
        assert remove_departed(session, [gone], datetime(2026, 12, 5, 9, 0)) == 1
    ctx.broadcast(Change(RecordKind.WORKER, Op.UPDATE))

    assert not page.moved_label.isHidden()
    text = page.moved_label.text()
    assert "已迁出至 太平镇 " in text and "（2026-12-05）" in text
    assert "颜真卿" not in text and "有 1 位劳动力" in text
    assert _listed(page) == {stays}
