"""Tab order of every form and editor: each input is reached by the Tab key, once,
in the order it is seen (rows top to bottom, left to right, column by column)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from broker_app.domain.common.enums import BatchStatus, MatchStatus
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.ui.cards.project_editor import ProjectEditorDialog
from broker_app.ui.cards.verify_dialog import VerifyDialog
from broker_app.ui.cards.worker_picker import WorkerPickerDialog
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch.batch_editor import BatchEditorDialog
from broker_app.ui.dispatch.export_actions import ExportOptionsDialog, MonthDialog
from broker_app.ui.dispatch.member_picker import MemberPickerDialog
from broker_app.ui.dispatch.status_dialog import BatchStatusDialog
from broker_app.ui.first_run import FirstRunDialog
from broker_app.ui.import_wizard.wizard import ImportWizard
from broker_app.ui.jobs.job_editor import JobEditorDialog
from broker_app.ui.jobs.status_dialog import StatusDialog
from broker_app.ui.settings_dialog import SettingsDialog
from broker_app.ui.station_dialog import StationDialog
from broker_app.ui.stats.settings_dialog import StatsSettingsDialog
from broker_app.ui.stats.watch_export import WatchExportDialog
from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
from broker_app.ui.worker_editor.record_dialog import RecordDialog
from broker_app.ui.worker_editor.record_kinds import FOLLOW_UP, TRAINING
from tests.jobs.builders import add_worker
from tests.journeys.tab_order import check_tab_order

Factory = Callable[[AppContext], QWidget]

FORMS: dict[str, Factory] = {
    "worker_editor": lambda ctx: WorkerEditorDialog(ctx),
    "worker_editor_open": lambda ctx: WorkerEditorDialog(ctx, add_worker(ctx.store, 9)),
    "follow_up": lambda ctx: RecordDialog(
        ctx, FOLLOW_UP, add_worker(ctx.store, 9), defaults={"date": date.today()}
    ),
    "training": lambda ctx: RecordDialog(
        ctx, TRAINING, add_worker(ctx.store, 9), defaults={"date": date.today()}
    ),
    "job_editor": lambda ctx: JobEditorDialog(ctx),
    "match_status": lambda ctx: StatusDialog("张三", "电焊工", list(MatchStatus)[1:]),
    "batch_editor": lambda ctx: BatchEditorDialog(ctx),
    "batch_status": lambda ctx: BatchStatusDialog("第一批", BatchStatus.DEPARTED),
    "member_picker": lambda ctx: MemberPickerDialog(DispatchMemberService(ctx.store)),
    "export_options": lambda ctx: ExportOptionsDialog(2),
    "month": lambda ctx: MonthDialog(),
    "project_editor": lambda ctx: ProjectEditorDialog(ctx),
    "card_worker_picker": lambda ctx: WorkerPickerDialog(ctx, "某项目"),
    "verify_card": lambda ctx: VerifyDialog(ctx),
    "stats_settings": lambda ctx: StatsSettingsDialog(ctx, date.today().year),
    "watch_export": lambda ctx: WatchExportDialog(12),
    "station": lambda ctx: StationDialog(ctx),
    "first_run": lambda ctx: FirstRunDialog(ctx),
    "import_wizard": lambda ctx: ImportWizard(ctx),
}
SETTINGS_TABS = 7


@pytest.mark.parametrize("name", sorted(FORMS))
def test_tab_reaches_every_input_in_visual_order(
    qtbot: QtBot, ui_ctx: AppContext, name: str
) -> None:
    window = FORMS[name](ui_ctx)
    qtbot.addWidget(window)
    window.resize(max(window.width(), 900), max(window.height(), 700))
    check_tab_order(qtbot, window)


@pytest.mark.parametrize("tab", range(SETTINGS_TABS))
def test_tab_order_of_every_settings_page(qtbot: QtBot, ui_ctx: AppContext, tab: int) -> None:
    dialog = SettingsDialog(ui_ctx)
    qtbot.addWidget(dialog)
    if tab >= dialog.tabs.count():
        pytest.skip(f"the settings dialog has {dialog.tabs.count()} pages")
    dialog.tabs.setCurrentIndex(tab)
    dialog.resize(max(dialog.width(), 900), max(dialog.height(), 700))
    check_tab_order(qtbot, dialog)
