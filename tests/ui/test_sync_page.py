"""The 同步 page against the real channel server: enrolment from the page, 立即同步,
a pull reaching the roster, and the server going away."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from broker_app.services.roster.workers import WorkerService
from broker_app.services.sync.config import SyncConfig
from broker_app.services.sync.enrol import enrol
from broker_app.services.sync.runner import SyncRunner
from broker_app.ui.context import AppContext
from broker_app.ui.roster.view import RosterPage
from broker_app.ui.status_bar import StationStatusBar
from broker_app.ui.sync.page import SyncPage
from broker_app.ui.sync.scheduler import SyncScheduler
from sync.client.api import ChannelClient
from sync.client.http import make_session
from tests.conftest import VILLAGE, worker_input
from tests.sync.conftest import (  # noqa: F401 (fixtures)
    FAST,
    StationFactory,
    new_code,
    shared_server,
    shared_stations,
)
from tests.sync.records import new_id_number, register_worker
from tests.sync.server_process import RunningServer, database_url, run_server

# The window's side of sync does not depend on the server's database.
on_sqlite = pytest.mark.parametrize("shared_server", ["sqlite"], indirect=True)


def install(ctx: AppContext, **options: int) -> SyncScheduler:
    """What the window does at start-up, with retries short enough for tests."""
    scheduler = SyncScheduler(ctx, policy=FAST, **options)
    ctx.set_sync_provider(scheduler)
    return scheduler


def edit_locally(ctx: AppContext, name: str) -> str:
    change = WorkerService(ctx.store).register(
        worker_input(name=name, id_number=new_id_number(), org_code=VILLAGE)
    )
    ctx.broadcast(change)
    return change.record_ids[0]


@on_sqlite
def test_enrol_on_the_page_then_sync_now(
    shared_server: RunningServer,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    scheduler = install(ctx)
    page = SyncPage(ctx)
    bar = StationStatusBar(ctx)
    qtbot.addWidget(page)
    qtbot.addWidget(bar)
    assert page.enrol_box.isVisibleTo(page) and not page.tabs.isVisibleTo(page)
    assert not page.status_panel.sync_button.isEnabled()
    assert bar.sync_label.text() == "未注册同步服务器"

    form = page.enrol_form
    form.url_box.setText(shared_server.url)
    form.code_box.setText(new_code(shared_server.db_url, VILLAGE))
    form.enrol_button.click()
    assert "注册成功" in form.result_label.text()
    assert not page.enrol_box.isVisibleTo(page) and page.tabs.isVisibleTo(page)
    assert page.status_panel.server_label.text() == shared_server.url

    edit_locally(ctx, "孟庆云")
    qtbot.waitUntil(lambda: page.status_panel.pending_label.text() == "1 条")
    assert bar.pending_label.text() == "待上传 1 条"
    page.status_panel.sync_button.click()

    panel = page.status_panel
    assert panel.pending_label.text() == "0 条"
    assert panel.last_sync_label.text() != "从未"
    assert panel.state_label.text() == "在线"
    assert panel.error_label.text() == "无"
    assert "同步完成：上传 1 条" in panel.result_label.text()
    assert scheduler.status().pending == 0 and scheduler.status().last_success is not None
    # The status bar reads the same provider.
    assert bar.sync_label.text() == "在线"
    assert bar.pending_label.text() == "待上传 0 条"
    assert bar.last_sync_label.text() != "上次同步：从未"


@on_sqlite
def test_a_wrong_code_says_why_in_chinese(
    shared_server: RunningServer,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    install(ctx)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.enrol_form.url_box.setText(shared_server.url)
    page.enrol_form.code_box.setText("AAAA-BBBB-CCCC-DDDD")
    page.enrol_form.enrol_button.click()
    text = page.enrol_form.result_label.text()
    assert text.startswith("注册失败：") and "注册码" in text
    assert page.enrol_box.isVisibleTo(page)


@on_sqlite
def test_another_stations_edit_reaches_the_roster_after_a_scheduled_round(
    shared_server: RunningServer,  # noqa: F811
    shared_stations: StationFactory,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    enrol(ctx.store, shared_server.url, new_code(shared_server.db_url, VILLAGE), policy=FAST)
    roster = RosterPage(ctx)
    qtbot.addWidget(roster)
    other = shared_stations("other", VILLAGE)
    arrived = register_worker(other.store, VILLAGE, "孔繁星")
    other.sync()
    scheduler = install(ctx, start_delay_ms=50)
    scheduler.start()
    try:
        with qtbot.waitSignal(scheduler.round_finished, timeout=30_000) as round_:
            pass
    finally:
        scheduler.stop()
    assert round_.args and round_.args[0].error is None
    shown = {roster.model.worker_id(row) for row in range(roster.model.rowCount())}
    assert arrived in shown


def test_with_the_server_stopped_the_page_says_offline_and_keeps_the_outbox(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "server"
    folder.mkdir()
    with database_url("sqlite", folder) as url, run_server(url, folder) as server:
        enrol(ctx.store, server.url, new_code(server.db_url, VILLAGE), policy=FAST)
    # The server process has ended.
    scheduler = install(ctx)
    page = SyncPage(ctx)
    bar = StationStatusBar(ctx)
    qtbot.addWidget(page)
    qtbot.addWidget(bar)
    edit_locally(ctx, "颜回生")
    page.status_panel.sync_button.click()

    panel = page.status_panel
    assert panel.state_label.text().startswith("离线")
    assert "无法连接" in panel.error_label.text()
    assert "同步未完成" in panel.result_label.text()
    assert panel.pending_label.text() == "1 条"
    assert panel.last_sync_label.text() == "从未"
    assert scheduler.status().pending == 1  # nothing lost
    assert bar.sync_label.text().startswith("离线")
    assert bar.pending_label.text() == "待上传 1 条"
    assert panel.sync_button.isEnabled()  # the broker may try again


@on_sqlite
def test_the_page_warns_when_the_pc_clock_is_a_day_off_the_servers(
    shared_server: RunningServer,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    """The server's time comes with every answer (its Date header); this PC's clock is
    set three days back through the client's wall clock, the way a wrong PC clock is."""
    enrol(ctx.store, shared_server.url, new_code(shared_server.db_url, VILLAGE), policy=FAST)
    three_days = 3 * 86_400_000

    def slow_client(config: SyncConfig) -> ChannelClient:
        session = make_session(config.ca_file or None)
        return ChannelClient(
            config.server_url,
            session,
            config.credential,
            FAST,
            wall_ms=lambda: time.time_ns() // 1_000_000 - three_days,
        )

    report = SyncRunner(ctx.store, client_factory=slow_client).sync_once()
    assert report.error is None and report.clock_offset_ms is not None
    assert abs(report.clock_offset_ms - three_days) < 60_000
    install(ctx)
    page = SyncPage(ctx)
    bar = StationStatusBar(ctx)
    qtbot.addWidget(page)
    qtbot.addWidget(bar)
    label = page.status_panel.clock_label
    assert label.isVisibleTo(page)
    assert "本机时钟比服务器慢约 3.0 天" in label.text() and "校准" in label.text()
    assert "本机时钟不准" in bar.sync_label.text()
    # 立即同步 with the PC's real clock clears it.
    page.status_panel.sync_button.click()
    qtbot.waitUntil(lambda: not label.isVisibleTo(page))
    assert page.status_panel.error_label.text() == "无"
    assert "时钟" not in bar.sync_label.text()


@on_sqlite
def test_the_page_shows_records_pulled_as_the_round_goes(
    shared_server: RunningServer,  # noqa: F811
    shared_stations: StationFactory,  # noqa: F811
    ctx: AppContext,
    qtbot: QtBot,
) -> None:
    enrol(ctx.store, shared_server.url, new_code(shared_server.db_url, VILLAGE), policy=FAST)
    other = shared_stations("other", VILLAGE)
    for name in ("孔繁星", "孟庆云", "颜世杰"):
        register_worker(other.store, VILLAGE, name)
    other.sync()
    scheduler = install(ctx)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    panel = page.status_panel
    shown: list[str] = []
    # Connected after the panel: reads what the panel has just put on screen.
    scheduler.progress.connect(lambda _f, _m: shown.append(panel.progress_label.text()))
    panel.sync_button.click()
    pulled = [text for text in shown if text.startswith("下载")]
    assert pulled and pulled[-1].endswith("条，完成"), shown
    assert "同步完成" in panel.result_label.text()
