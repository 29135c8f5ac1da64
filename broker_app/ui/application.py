"""The QApplication: names (for QSettings), the interface language (the app's catalogue
and Qt's own texts for standard buttons and dialogs), and a CJK font on every platform.

The source texts are Chinese, so Chinese needs no catalogue of ours; another language
loads ``labor_station_<lang>.qm``, built from the ``.ts`` kept under resources."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon, QImage
from PySide6.QtWidgets import QApplication, QLabel

from broker_app import paths
from broker_app.printing.fonts import FontMissing, card_family
from broker_app.ui.i18n import SOURCE_LANGUAGE, catalogue_path, chosen_language, locale_for
from broker_app.version import VERSION

log = logging.getLogger(__name__)

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


def create_application(argv: Sequence[str], language: str | None = None) -> QApplication:
    """The application object, created once per process and set up for ``language``
    (default: the environment override, else Chinese)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    configure_application(app, language or chosen_language())
    return app


def configure_application(
    app: QApplication, language: str = SOURCE_LANGUAGE, catalogues: Path | None = None
) -> None:
    """Names, language and font; ``catalogues`` is the folder of ``.qm`` files (tests)."""
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    install_translations(app, language, catalogues)
    app.setApplicationDisplayName(app.translate("application", "劳务驿站"))
    app.setApplicationVersion(VERSION)
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "labor-station.png"))))
    font = QFont(app.font())
    font.setFamilies([*FONT_FAMILIES, *_bundled_family()])
    font.setPointSizeF(max(font.pointSizeF(), BASE_POINT_SIZE))
    app.setFont(font)


def _bundled_family() -> list[str]:
    """The font we ship, last: it draws Chinese where the system offers no CJK font.

    Qt's offscreen platform on Windows (the self-test, screenshots) sees no system font
    at all, so without it every character was an empty box."""
    try:
        return [card_family()]
    except FontMissing:
        log.warning("the bundled font is missing; Chinese needs a system CJK font")
        return []


def chinese_is_drawn(app: QApplication) -> bool:
    """Whether the interface font really draws Chinese, not empty boxes or nothing.

    Two different words of the same length give different pictures only when their
    glyphs are drawn: missing glyphs are all the same box (or blank)."""

    def picture(text: str) -> QImage:
        label = QLabel(text)
        label.setFont(app.font())
        label.adjustSize()
        return label.grab().toImage()

    return bool(picture("劳务") != picture("驿站"))


_TRANSLATOR_NAME = "labor_station_translator"


def install_translations(app: QApplication, language: str, catalogues: Path | None = None) -> None:
    """Replaces the installed translators with those of ``language``.

    Widgets translate when built, so a change shows in windows opened afterwards.
    """
    wanted = f"{language}|{catalogues}"
    if app.property("installed_language") == wanted:
        return
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setObjectName("")  # not found again before deleteLater takes effect
        old.deleteLater()
    locale = locale_for(language)
    QLocale.setDefault(locale)
    # Qt's own texts (file dialogs' "Look in", "Files of type", standard buttons): from
    # Qt's folder, else from our resources (a build whose Qt folder lacks them).
    for folder in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                   str(paths.resource_path("translations"))):  # fmt: skip
        if _install(app, _qt_catalogue(locale, folder)):
            break
    else:
        log.info("no Qt translations (qtbase) for %s", locale.name())
    if language == SOURCE_LANGUAGE:
        gaps = QtCatalogueGaps(app)
        gaps.setObjectName(_TRANSLATOR_NAME)
        app.installTranslator(gaps)
    if language != SOURCE_LANGUAGE:
        path = catalogue_path(language, catalogues)
        if not _install(app, lambda t: t.load(str(path))):
            log.warning("no translation catalogue at %s; the interface stays Chinese", path)
    app.setProperty("installed_language", wanted)


_QT_GAPS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class QtCatalogueGaps(QTranslator):
    """Qt 6's own texts that its Chinese catalogue lacks: Qt gave them keyboard
    mnemonics, so the old translations no longer match, and the file dialog said
    "Look in" and "Files of type" in English."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # None is a null string to Qt: "no translation here", unlike "".
        return _QT_GAPS.get((context, source))  # type: ignore[return-value]

    def isEmpty(self) -> bool:
        return False


def _qt_catalogue(locale: QLocale, folder: str) -> Callable[[QTranslator], bool]:
    return lambda translator: translator.load(locale, "qtbase", "_", folder)


def _install(app: QApplication, load: Callable[[QTranslator], bool]) -> bool:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if load(translator):
        app.installTranslator(translator)
        return True
    translator.deleteLater()
    return False
