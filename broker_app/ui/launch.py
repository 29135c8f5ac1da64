"""Opening the window: application, store, first-run setup, main window."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from broker_app.store.store import Store, open_store
from broker_app.ui.application import create_application
from broker_app.ui.context import AppContext
from broker_app.ui.errors import user_message
from broker_app.ui.first_run import ensure_station_configured
from broker_app.ui.i18n import saved_language
from broker_app.ui.main_window import DEFAULT_SIZE, MainWindow
from broker_app.ui.sync.scheduler import sync_scheduler
from broker_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def run_gui(data_dir: Path, argv: Sequence[str]) -> int:
    """Run the window until it is closed; returns the process exit code."""
    app = create_application(["labor-station", *argv], saved_language(data_dir))
    try:
        store = open_store(data_dir)
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
        code = app.exec()
        del window
        return code
    finally:
        scheduler.stop()
        runner.shutdown()
        _close(store)


def open_main_window(ctx: AppContext) -> MainWindow:
    """The main window, shown where it was last time (maximized on a small screen)."""
    window = MainWindow(ctx)
    if window.restore_geometry():
        window.show()
        return window
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else None
    if available is None or (
        available.width() <= DEFAULT_SIZE.width() or available.height() <= DEFAULT_SIZE.height()
    ):
        window.showMaximized()
    else:
        window.show()
    return window


def _close(store: Store) -> None:
    try:
        store.close()
    except Exception:
        log.exception("closing the store failed")
