"""The worker's page leads to the 为劳动力推荐 view."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from broker_app.services.roster.workers import WorkerService
from broker_app.ui.context import AppContext
from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
from tests.conftest import worker_input


def test_recommend_jobs_button_opens_the_view_for_this_worker(
    ctx: AppContext, qtbot: QtBot
) -> None:
    worker_id = WorkerService(ctx.store).register(worker_input()).record_ids[0]
    dialog = WorkerEditorDialog(ctx, worker_id)
    qtbot.addWidget(dialog)
    assert dialog.jobs_button.isVisibleTo(dialog)
    dialog.jobs_button.click()
    from broker_app.ui.jobs.worker_recommend import JobsForWorkerDialog

    opened = dialog.findChildren(JobsForWorkerDialog)
    assert len(opened) == 1 and opened[0].worker_id == worker_id


def test_a_new_worker_has_no_recommendations_yet(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = WorkerEditorDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert not dialog.jobs_button.isVisibleTo(dialog)
