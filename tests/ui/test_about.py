"""关于: the version a broker reads out to support, the app's icon, and one version
number for the window, the exe's file properties and the installer."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.ui.about_dialog import AboutDialog
from broker_app.ui.context import AppContext
from broker_app.ui.main_window import MainWindow
from broker_app.version import VERSION

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_is_the_packages_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == VERSION


def test_the_about_button_shows_version_and_data_folder(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.about_button.click()
    dialogs = [d for d in window.findChildren(AboutDialog) if d.isVisible()]
    assert len(dialogs) == 1
    about = dialogs[0]
    assert about.version.text() == f"版本 {VERSION}"
    assert str(ctx.data_dir) in about.data_folder.text()
    about.close()


def test_the_application_has_the_icon(qapp: QApplication) -> None:
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).toImage().pixelColor(16, 4).blue() > 120  # the blue square
