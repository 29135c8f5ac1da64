"""备份与恢复 in the settings: the list, 立即备份, and a restore asked for and applied."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from broker_app import paths
from broker_app.services.backups import apply_pending_restore, backup_now, restore_pending
from broker_app.services.settings.storage import load_settings
from broker_app.store.store import open_store
from broker_app.ui.backups.backups_tab import BackupsTab
from broker_app.ui.context import AppContext
from broker_app.ui.launch import start_daily_backup
from broker_app.ui.settings_dialog import SettingsDialog
from broker_app.ui.tasks import TaskRunner
from tests.conftest import valid_id
from tests.ui.conftest import register


def test_settings_has_the_backups_tab(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "备份与恢复" in titles
    assert dialog.logs_button.text() == "查看日志…"


def test_backup_now_is_listed(ctx: AppContext, qtbot: QtBot) -> None:
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.table.rowCount() == 0
    tab.backup_button.click()
    assert tab.table.rowCount() == 1
    kind = tab.table.item(0, 1)
    assert kind is not None and kind.text() == "手动"
    assert tab.backup_button.isEnabled()


def test_retention_is_saved(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.backups_tab.keep_box.setValue(30)
    dialog.ok_button.click()
    assert load_settings(ctx.store).backup.keep_days == 30
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.backups_tab.keep_box.value() == 30


def test_restore_is_confirmed_requested_then_applied(
    data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(data_dir)
    register(store)
    backup = backup_now(data_dir)
    register(store, id_number=valid_id(seq="456"), phone="13900001111")
    ctx = AppContext(store, data_dir, TaskRunner(inline=True))
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *args: next(answers))
    tab.table.selectRow(0)
    assert tab.selected_backup() == backup
    tab.choose_and_restore()  # answered No
    assert not restore_pending(data_dir)
    with qtbot.waitSignal(tab.restore_requested) as requested:
        tab.choose_and_restore()
    assert requested.args == [backup]
    assert restore_pending(data_dir)
    # What the launcher does once the window has quit.
    store.close()
    apply_pending_restore(data_dir)
    conn = sqlite3.connect(paths.database_path(data_dir))
    try:
        assert conn.execute("SELECT count(*) FROM worker").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_broken_file_is_refused(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "broker_app.ui.backups.backups_tab.show_error",
        lambda parent, exc, title="": shown.append(str(exc)),
    )
    bogus = tmp_path / "x.sqlite3"
    bogus.write_bytes(b"junk" * 100)
    tab = BackupsTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.restore_from(bogus)
    assert shown and not restore_pending(ctx.data_dir)


def test_start_up_makes_the_days_backup(ctx: AppContext) -> None:
    start_daily_backup(ctx)
    start_daily_backup(ctx)
    assert len(list(paths.backups_dir(ctx.data_dir).glob("*-daily.sqlite3"))) == 1
