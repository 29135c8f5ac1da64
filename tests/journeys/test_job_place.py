"""新增岗位: every place tier typed in the form is stored as chosen, and what follows
from it (the match reasons, the placed worker's 务工地域) follows the real tier."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.domain.common.enums import PlaceTier
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.jobs.job_editor import JobEditorDialog
from broker_app.ui.jobs.job_model import COLUMNS
from broker_app.ui.jobs.job_page import JobsPage
from broker_app.ui.jobs.recommend_view import WorkersForJobDialog
from tests.conftest import VILLAGE
from tests.jobs.builders import TODAY, add_worker
from tests.journeys.tab_order import check_tab_order
from tests.journeys.typing import type_text

TAIPING = "370883107000"
PLACE_COLUMN = [c.key for c in COLUMNS].index("place")


def _editor(qtbot: QtBot, ctx: AppContext, job_id: str | None = None) -> JobEditorDialog:
    editor = JobEditorDialog(ctx, job_id)
    qtbot.addWidget(editor)
    editor.edits["title"].setText("电焊工")
    editor.edits["employer_name"].setText("某建材公司")
    editor.edits["work_type"].setText("焊工")
    return editor


def _choose(combo, data: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_town_box_starts_empty(qtbot: QtBot, ui_ctx: AppContext) -> None:
    editor = _editor(qtbot, ui_ctx)
    assert editor.place_code.currentData() is None
    assert editor.tier.currentData() == PlaceTier.IN_COUNTY.value


@pytest.mark.parametrize(
    ("tier", "text"),
    [
        (PlaceTier.OUT_COUNTY_IN_PROVINCE, "济宁市任城区"),
        (PlaceTier.OUT_OF_PROVINCE, "江苏苏州工业园区"),
        (PlaceTier.ABROAD, "新加坡"),
        (PlaceTier.OUT_COUNTY_IN_PROVINCE, "某物流园"),  # words alone do not say
    ],
)
def test_a_tier_outside_the_county_is_stored_with_its_place_text(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, tier: PlaceTier, text: str
) -> None:
    page = JobsPage(ui_ctx)
    qtbot.addWidget(page)
    editor = _editor(qtbot, ui_ctx)
    _choose(editor.place_code, TAIPING)  # a town picked, then the broker changes mind
    _choose(editor.tier, tier.value)
    assert editor.place_code.currentData() is None and not editor.place_code.isEnabled()
    editor.edits["place_text"].setText(text)
    editor.save()
    assert editor.saved is not None
    job = JobPostingService(store).details(editor.saved.job_id)
    assert (job["place_tier"], job["place_org_code"], job["place_text"]) == (
        tier.value,
        None,
        text,
    )
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, PLACE_COLUMN)) == text
    reopened = JobEditorDialog(ui_ctx, editor.saved.job_id)
    qtbot.addWidget(reopened)
    assert reopened.tier.currentData() == tier.value
    assert reopened.edits["place_text"].text() == text


def test_typing_a_place_outside_the_county_sets_the_tier(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    editor = _editor(qtbot, ui_ctx)
    editor.show()
    type_text(editor.edits["place_text"], "济宁市任城区")
    assert editor.tier.currentData() == PlaceTier.OUT_COUNTY_IN_PROVINCE.value
    editor.save()
    assert editor.saved is not None
    job = JobPostingService(store).details(editor.saved.job_id)
    assert job["place_tier"] == "in_province"


def test_words_that_name_a_town_choose_it_until_the_broker_chooses(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    editor = _editor(qtbot, ui_ctx)
    editor.show()
    type_text(editor.edits["place_text"], "太平镇工业园")
    assert editor.place_code.currentData() == TAIPING
    assert editor.tier.currentData() == PlaceTier.IN_COUNTY.value
    editor.edits["place_text"].clear()
    type_text(editor.edits["place_text"], "香城镇")  # the guess follows the words
    assert editor.place_code.currentData() == "370883101000"
    _choose(editor.place_code, TAIPING)  # the broker's choice outranks the words
    type_text(editor.edits["place_text"], "北")
    assert editor.place_code.currentData() == TAIPING
    editor.save()
    assert editor.saved is not None
    job = JobPostingService(store).details(editor.saved.job_id)
    assert (job["place_tier"], job["place_org_code"]) == ("in_county", TAIPING)


def test_a_town_or_village_is_stored_in_county(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    editor = _editor(qtbot, ui_ctx)
    _choose(editor.tier, PlaceTier.OUT_OF_PROVINCE.value)
    _choose(editor.tier, PlaceTier.IN_COUNTY.value)
    assert editor.place_code.isEnabled()
    _choose(editor.place_code, VILLAGE)
    editor.edits["place_text"].setText("村委会院内")
    editor.save()
    assert editor.saved is not None
    job = JobPostingService(store).details(editor.saved.job_id)
    assert (job["place_tier"], job["place_org_code"]) == ("in_county", VILLAGE)


def test_reasons_and_the_placed_workers_tier_follow_the_postings_tier(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    worker = add_worker(store, 1)
    editor = _editor(qtbot, ui_ctx)
    _choose(editor.tier, PlaceTier.OUT_COUNTY_IN_PROVINCE.value)
    editor.edits["place_text"].setText("济宁市任城区")
    editor.save()
    assert editor.saved is not None
    job_id = editor.saved.job_id
    view = WorkersForJobDialog(ui_ctx, job_id)
    qtbot.addWidget(view)
    reasons = [r for c in view.model.items if c.worker_id == worker for r in c.reasons]
    assert reasons and not any(r.startswith("就近") for r in reasons)
    flow = MatchWorkflowService(store)
    match_id = flow.create_matches(job_id, [worker], on=TODAY).match_ids[0]
    flow.change_status(match_id, "on_duty", date.today())
    placed = WorkerService(store).details(worker)
    assert (placed["place_tier"], placed["work_place"]) == ("in_province", "济宁市任城区")


def test_tab_reaches_every_field_in_order_and_leaves_the_requirements_box(
    qtbot: QtBot, ui_ctx: AppContext
) -> None:
    editor = _editor(qtbot, ui_ctx)
    order = check_tab_order(qtbot, editor)
    for widget in (editor.kind, editor.edits["work_type"], editor.tier, editor.place_code,
                   editor.edits["place_text"], editor.headcount):  # fmt: skip
        assert widget in order
    box = editor.long_edits["requirements"]
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == ""
    assert QApplication.focusWidget() is editor.long_edits["notes"]
