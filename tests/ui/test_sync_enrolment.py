"""Enrolling from the first-run dialog (the server sets the org unit) and from 设置
(with the sync interval), against the real channel server; the screenshot of 同步."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from broker_app.services.settings.station import StationService
from broker_app.services.sync.enrol import enrol
from broker_app.store.store import Store, open_store
from broker_app.ui.context import AppContext
from broker_app.ui.first_run import FirstRunDialog
from broker_app.ui.settings_dialog import SettingsDialog
from broker_app.ui.sync.preferences import DEFAULT_INTERVAL_MINUTES, load_interval_minutes
from broker_app.ui.sync.scheduler import SyncScheduler, sync_scheduler
from broker_app.ui.tasks import TaskRunner
from tests.conftest import TOWNSHIP, VILLAGE
from tests.sync.conftest import FAST, new_code, shared_server  # noqa: F401 (fixture)
from tests.sync.server_process import RunningServer
from tests.ui.test_screenshot import run_cli

on_sqlite = pytest.mark.parametrize("shared_server", ["sqlite"], indirect=True)


@pytest.fixture
def fresh_ctx(data_dir: Path) -> Iterator[AppContext]:
    store: Store = open_store(data_dir)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()
    store.close()


def install(ctx: AppContext) -> SyncScheduler:
    scheduler = SyncScheduler(ctx, policy=FAST)
    ctx.set_sync_provider(scheduler)
    return scheduler


@on_sqlite
def test_first_run_enrolment_sets_the_org_unit(
    shared_server: RunningServer,  # noqa: F811
    fresh_ctx: AppContext,
    qtbot: QtBot,
) -> None:
    install(fresh_ctx)
    dialog = FirstRunDialog(fresh_ctx)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.enrol_form.url_box.setText(shared_server.url)
    dialog.enrol_form.code_box.setText(new_code(shared_server.db_url, TOWNSHIP))
    dialog.enrol_form.enrol_button.click()
    assert "注册成功" in dialog.enrol_form.result_label.text()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.form.org_code() == TOWNSHIP
    assert not dialog.form.search_box.isEnabled()  # the server decided the unit
    assert not dialog.ok_button.isEnabled()  # the broker's name is still missing
    dialog.form.operator_box.setText("王经纪")
    dialog.ok_button.click()
    info = StationService(fresh_ctx.store).info()
    assert (info.org_code, info.operator_name) == (TOWNSHIP, "王经纪")
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_first_run_works_offline_without_enrolment(fresh_ctx: AppContext, qtbot: QtBot) -> None:
    dialog = FirstRunDialog(fresh_ctx)
    qtbot.addWidget(dialog)
    assert dialog.tabs.count() == 2 and dialog.tabs.currentWidget() is dialog.form
    assert not sync_scheduler(fresh_ctx).is_enrolled()


@on_sqlite
def test_settings_enrol_and_interval(
    shared_server: RunningServer,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    scheduler = install(ctx)
    assert scheduler.interval_minutes() == DEFAULT_INTERVAL_MINUTES
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    tab = dialog.sync_tab
    assert "尚未注册" in tab.server_label.text()
    tab.enrol_form.url_box.setText(shared_server.url)
    tab.enrol_form.code_box.setText(new_code(shared_server.db_url, VILLAGE))
    tab.enrol_form.enrol_button.click()
    assert shared_server.url in tab.server_label.text()
    assert scheduler.is_enrolled() and scheduler.status().last_success is not None
    tab.interval_box.setValue(30)
    dialog.ok_button.click()
    assert load_interval_minutes(ctx) == 30 and scheduler.interval_minutes() == 30


@on_sqlite
def test_a_code_of_another_unit_is_refused(
    shared_server: RunningServer,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    install(ctx)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    form = dialog.sync_tab.enrol_form
    form.url_box.setText(shared_server.url)
    form.code_box.setText(new_code(shared_server.db_url, TOWNSHIP))
    form.enrol_button.click()
    shown = form.result_label.text()
    assert "不是为本驿站所属单位签发的" in shown
    # Nothing about the unit the code belongs to (minimal disclosure).
    assert TOWNSHIP not in shown and "镇" not in shown
    assert not sync_scheduler(ctx).is_enrolled()


@on_sqlite
@pytest.mark.parametrize("enrolled", [False, True])
def test_screenshot_of_the_sync_page(
    shared_server: RunningServer,  # noqa: F811
    store: Store,
    data_dir: Path,
    tmp_path: Path,
    enrolled: bool,
) -> None:
    if enrolled:
        enrol(store, shared_server.url, new_code(shared_server.db_url, VILLAGE), policy=FAST)
    store.close()
    out = tmp_path / "sync.png"
    result = run_cli(data_dir, "--page", "sync", "--size", "1366x768", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
