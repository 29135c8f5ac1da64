"""The 岗位 and 匹配 pages and the recommendation views, offscreen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from broker_app.domain.common.enums import MatchStatus
from broker_app.services.changes import Change
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.jobs.job_editor import JobEditorDialog
from broker_app.ui.jobs.job_page import JobsPage
from broker_app.ui.jobs.match_page import MatchesPage
from broker_app.ui.jobs.recommend_view import WorkersForJobDialog
from broker_app.ui.jobs.worker_recommend import JobsForWorkerDialog
from broker_app.ui.pages import find_page
from tests.jobs.builders import TODAY, add_job, add_worker
from tests.jobs.test_job_import import GOOD, workbook


def test_pages_are_registered(qtbot: QtBot, ui_ctx: AppContext) -> None:
    for key, kind in (("jobs", JobsPage), ("matches", MatchesPage)):
        spec = find_page(key)
        assert spec is not None
        page = spec.factory(ui_ctx)
        qtbot.addWidget(page)
        assert isinstance(page, kind)


def test_recommend_view_creates_matches_for_ticked_workers(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store)
    poor = add_worker(store, 1, poverty_alleviated="是")
    plain = add_worker(store, 2)
    dialog = WorkersForJobDialog(ui_ctx, job)
    qtbot.addWidget(dialog)
    assert [c.worker_id for c in dialog.model.items] == [poor, plain]
    assert "从 2 名" in dialog.heading.text()
    seen: list[Change] = []
    ui_ctx.changed.connect(seen.append)
    dialog.tick_rows([0, 1])
    dialog.create_matches()
    assert dialog.last_created is not None and len(dialog.last_created.match_ids) == 2
    assert [c.kind for c in seen] == ["match"]
    assert [c.match_status for c in dialog.model.items] == ["推荐", "推荐"]
    assert dialog.model.checked_ids() == []


def test_jobs_for_worker_dialog_recommends_to_selected_job(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store)
    worker = add_worker(store, 1)
    dialog = JobsForWorkerDialog(ui_ctx, worker)
    qtbot.addWidget(dialog)
    assert [j.job_id for j in dialog.model.items] == [job]
    dialog.select_row(0)
    assert dialog.recommend_button.isEnabled()
    dialog.recommend_selected()
    assert dialog.model.items[0].match_status == "推荐"
    assert not dialog.recommend_button.isEnabled() or dialog.model.items[0].match_status


def test_employed_worker_gets_the_reason_instead_of_jobs(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    add_job(store)
    worker = add_worker(store, 1, employment_status="已就业")
    dialog = JobsForWorkerDialog(ui_ctx, worker)
    qtbot.addWidget(dialog)
    assert dialog.model.items == []
    assert "已就业" in dialog.heading.text()


def test_job_page_import_and_editor(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    page = JobsPage(ui_ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    page.import_file(workbook(tmp_path / "jobs.xlsx", GOOD), show_result=False)
    assert page.last_import is not None and page.last_import.added == 3
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "共 3 个岗位"
    editor = JobEditorDialog(ui_ctx)
    qtbot.addWidget(editor)
    editor.edits["title"].setText("村庄保洁员")
    editor.edits["employer_name"].setText("某村民委员会")
    editor.kind.setCurrentIndex(editor.kind.findData("public_welfare"))
    editor.edits["age"].setText("40-60周岁")
    editor.check()
    assert "不得另设年龄限制" in editor.warnings.text()
    editor.edits["wage"].setText("很高")
    editor.save()
    assert editor.saved is None and "无法识别" in editor.errors["wage"].text()
    editor.edits["wage"].setText("800元/月")
    editor.save()
    assert editor.saved is not None
    assert page.model.rowCount() == 4
    details = JobPostingService(store).details(editor.saved.job_id)
    assert (details["kind"], details["wage_min"], details["place_tier"]) == (
        "public_welfare",
        800,
        "in_county",
    )


def test_editor_opens_existing_posting(qtbot: QtBot, ui_ctx: AppContext, store: Store) -> None:
    job = add_job(store, deadline="2025-07-01")
    editor = JobEditorDialog(ui_ctx, job)
    qtbot.addWidget(editor)
    assert editor.edits["wage"].text() == "4000-6000元/月"
    assert editor.edits["deadline"].text() == "2025-07-01"
    editor.headcount.setValue(7)
    editor.save()
    assert JobPostingService(store).details(job)["headcount"] == 7


def test_match_page_moves_status_and_offers_filled(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store, headcount=1)
    worker = add_worker(store, 1)
    MatchWorkflowService(store).create_matches(job, [worker], on=TODAY)
    page = MatchesPage(ui_ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    assert page.status.itemText(0) == "全部状态（1）"
    page.auto_mark_filled = True
    match_id = page.model.record_id(0)
    assert match_id is not None
    page.change_status(match_id, MatchStatus.ON_DUTY, TODAY, "到岗")
    assert page.last_change is not None and page.last_change.job_full
    assert WorkerService(store).details(worker)["employment_status"] == "employed"
    assert JobPostingService(store).details(job)["status"] == "filled"
    page.show_status(MatchStatus.ON_DUTY)
    assert page.model.rowCount() == 1
    page.show_status(MatchStatus.RECOMMENDED)
    assert page.model.rowCount() == 0
