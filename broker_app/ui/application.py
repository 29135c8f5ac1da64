"""The QApplication: names (for QSettings), Chinese locale, Qt's own Chinese texts for
standard buttons and dialogs, and a CJK font on every platform."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from broker_app import paths

#: Tried in order; the first one installed wins for each character. Microsoft YaHei
#: ships with every Windows since Vista; the rest cover macOS and Linux.
FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
]
#: Brokers read this all day; Windows' 9 pt default is small on a 1366x768 screen.
BASE_POINT_SIZE = 10.0


def create_application(argv: Sequence[str]) -> QApplication:
    """The application object, created once per process and set up for Chinese."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationDisplayName(app.translate("application", "劳务驿站"))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _install_qt_translations(app)
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(max(font.pointSizeF(), BASE_POINT_SIZE))
    app.setFont(font)


def _install_qt_translations(app: QApplication) -> None:
    if app.property("qt_translations_installed"):
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)
    app.setProperty("qt_translations_installed", True)
