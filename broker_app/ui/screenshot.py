"""Rendering one page of the main window (optionally with a dialog over it) to a PNG,
offscreen, with the station's current data: for documentation and for checking the
layout at 1366x768 and at 125% scaling (``QT_SCALE_FACTOR=1.25``)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from broker_app.domain.common.errors import UserError
from broker_app.services.station_data import Store
from broker_app.ui.application import create_application
from broker_app.ui.context import AppContext
from broker_app.ui.main_window import MainWindow
from broker_app.ui.pages import NAV_ORDER, find_page, planned_title
from broker_app.ui.tasks import TaskRunner

#: Dialogs the screenshot can show over the page.
DIALOGS = ("editor", "new-worker", "import", "first-run", "settings")


class ScreenshotRefused(UserError):
    """Carries an ``exit_code`` like the command line's errors."""

    def __init__(self, message: str, message_en: str, exit_code: int = 2) -> None:
        super().__init__(message, message_en)
        self.exit_code = exit_code


def use_offscreen_screen(width: int, height: int) -> None:
    """Before the application exists: render offscreen on a screen of this many pixels."""
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if QApplication.instance() is not None or platform.split(":")[0] != "offscreen":
        return
    config = {"screens": [{"name": "screenshot", "x": 0, "y": 0, "width": width,
                           "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                           "dpr": 1}]}  # fmt: skip
    handle, name = tempfile.mkstemp(prefix="screen-", suffix=".json")
    with os.fdopen(handle, "w") as file:
        json.dump(config, file)
    where = _without_colon(name)
    # Without the file the screen is 800x800; the window is still drawn at its own size.
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={where}" if where else "offscreen"


def _without_colon(path: str) -> str | None:
    """``path`` as Qt can take it in QT_QPA_PLATFORM, whose value Qt splits at every ':'.

    A Windows path has a drive colon (``C:\\...``: Qt then looks for a file named ``C``
    and aborts), so the path is given relative to the working folder; None when even that
    has a colon (another drive, an odd folder name)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # Windows: the temporary folder is on another drive
        return None
    return None if ":" in relative else relative


def check_page(key: str) -> None:
    """ScreenshotRefused unless ``key`` is a registered page."""
    if key not in NAV_ORDER:
        raise ScreenshotRefused(
            f"没有名为“{key}”的页面，可选：{'、'.join(NAV_ORDER)}",
            f"unknown page {key!r}",
        )
    if find_page(key) is None:
        raise ScreenshotRefused(
            f"“{planned_title(key)}”页面尚未完成，暂时不能截图",
            f"page {key!r} is not registered in this build",
        )


def take_screenshot(
    store: Store,
    data_dir: Path,
    page: str,
    size: tuple[int, int],
    out: Path,
    *,
    dialog: str | None = None,
) -> Path:
    """Render ``page`` at ``size`` physical pixels into ``out`` (PNG)."""
    check_page(page)
    if dialog is not None and dialog not in DIALOGS:
        raise ScreenshotRefused(
            f"没有名为“{dialog}”的对话框，可选：{'、'.join(DIALOGS)}", f"unknown dialog {dialog!r}"
        )
    app = create_application([])
    ctx = AppContext(store, data_dir, TaskRunner(inline=True))
    window = MainWindow(ctx)
    ratio = window.devicePixelRatioF()
    window.resize(round(size[0] / ratio), round(size[1] / ratio))
    window.show_page(page)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    if dialog is not None:
        shown = _open_dialog(ctx, window, dialog)
        shown.show()
        # Let the dialog settle at its final size before it is drawn.
        for _ in range(3):
            app.processEvents()
        image = _overlay(image, shown, ratio)
        shown.close()
    image = _exact(image, size)
    out.parent.mkdir(parents=True, exist_ok=True)
    # The stubs say bytes, the binding takes str only.
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]
        raise ScreenshotRefused(f"无法保存截图到“{out}”", f"cannot write {out}", exit_code=1)
    window.hide()
    return out


def _open_dialog(ctx: AppContext, window: MainWindow, name: str) -> QWidget:
    if name in ("editor", "new-worker"):
        from broker_app.ui.roster.view import RosterPage
        from broker_app.ui.worker_editor.dialog import WorkerEditorDialog

        roster = window.pages.get("roster")
        worker_id = None
        if name == "editor" and isinstance(roster, RosterPage) and roster.model.rowCount():
            worker_id = roster.model.worker_id(0)
        return WorkerEditorDialog(ctx, worker_id, window)
    if name == "import":
        from broker_app.ui.import_wizard.wizard import ImportWizard

        return ImportWizard(ctx, window)
    if name == "first-run":
        from broker_app.ui.first_run import FirstRunDialog

        return FirstRunDialog(ctx, window)
    from broker_app.ui.settings_dialog import SettingsDialog

    dialog: QDialog = SettingsDialog(ctx, window)
    return dialog


def _overlay(background: QImage, dialog: QWidget, ratio: float) -> QImage:
    """The dialog centered over the window, as the broker would see it."""
    picture = dialog.grab().toImage()
    result = QImage(background)
    painter = QPainter(result)
    x = max(0, (result.width() - picture.width()) // 2)
    y = max(0, (result.height() - picture.height()) // 2)
    painter.fillRect(0, 0, result.width(), result.height(), QColor(0, 0, 0, 60))
    border = max(1, round(ratio))
    painter.fillRect(
        x - border, y - border, picture.width() + 2 * border, picture.height() + 2 * border,
        QColor(90, 90, 90),
    )  # fmt: skip
    painter.drawImage(QPoint(x, y), picture)
    painter.end()
    return result


def _exact(image: QImage, size: tuple[int, int]) -> QImage:
    """Rounding at fractional scaling can leave a pixel too many or too few."""
    width, height = size
    if (image.width(), image.height()) == (width, height):
        return image
    return image.scaled(
        width,
        height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
