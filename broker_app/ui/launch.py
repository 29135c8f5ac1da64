"""Opening the window: application, store, first-run setup, main window.

At start-up the day's automatic backup runs in the database lane. A restore asked for
in the settings is applied here, with the database closed: after the window has
quit (then the window opens again on the restored data, in the same process, so the
broker does not have to start the app again), or at the next start if the app died
in between."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from broker_app.services.backups import apply_pending_restore, daily_backup_for, restore_pending
from broker_app.services.station_data import Store, open_station_data
from broker_app.ui.application import create_application
from broker_app.ui.context import AppContext
from broker_app.ui.errors import install_error_hook, user_message
from broker_app.ui.first_run import ensure_station_configured
from broker_app.ui.geometry import show_main_window
from broker_app.ui.i18n import saved_language
from broker_app.ui.main_window import DEFAULT_SIZE, MainWindow
from broker_app.ui.sync.scheduler import sync_scheduler
from broker_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def run_gui(data_dir: Path, argv: Sequence[str]) -> int:
    """Run the window until it is closed; returns the process exit code."""
    app = create_application(["labor-station", *argv], saved_language(data_dir))
    install_error_hook()
    _apply_restore(data_dir)
    try:
        store = open_station_data(data_dir)
    except Exception as exc:
        log.exception("cannot open the station database in %s", data_dir)
        QMessageBox.critical(
            None,
            app.translate("launch", "无法打开数据"),
            app.translate("launch", "无法打开本驿站的数据：{0}").format(user_message(exc)),
        )
        return 1
    runner = TaskRunner()
    ctx = AppContext(store, data_dir, runner)
    scheduler = sync_scheduler(ctx)
    try:
        if not ensure_station_configured(ctx):
            return 0
        window = open_main_window(ctx)  # held: a window without a parent dies with its name
        scheduler.start()
        start_daily_backup(ctx)
        code = app.exec()
        del window
    finally:
        scheduler.stop()
        runner.shutdown()
        _close(store)
    if restore_pending(data_dir):
        _apply_restore(data_dir)
        return run_gui(data_dir, argv)
    return code


def start_daily_backup(ctx: AppContext) -> None:
    """Today's automatic backup and pruning, off the GUI thread; a failure is logged
    only (the broker can still work, and tomorrow's start tries again)."""
    store, data = ctx.store, ctx.data_dir
    ctx.runner.run_db(
        lambda: daily_backup_for(store, data),
        on_error=lambda exc: log.error("daily backup failed", exc_info=exc),
    )


def _apply_restore(data_dir: Path) -> None:
    """Apply a requested restore; if it fails the data is untouched and the broker is
    told why."""
    try:
        apply_pending_restore(data_dir)
    except Exception as exc:
        log.exception("restoring the requested backup failed")
        QMessageBox.critical(
            None,
            QApplication.translate("launch", "恢复失败"),
            QApplication.translate("launch", "无法从备份恢复，数据未改动：{0}").format(
                user_message(exc)
            ),
        )


def open_main_window(ctx: AppContext) -> MainWindow:
    """The main window, shown where it was last time, else maximised on a small screen
    (1366x768: its bottom never under the taskbar)."""
    window = MainWindow(ctx)
    if window.restore_geometry():
        window.show()
        return window
    show_main_window(window, DEFAULT_SIZE)
    return window


def _close(store: Store) -> None:
    try:
        store.close()
    except Exception:
        log.exception("closing the store failed")
