"""The bundled CJK font every card is drawn with, so a card prints the same on every
PC whatever fonts it has (resources/fonts/README.md says where the file comes from)."""

from __future__ import annotations

import threading

from PySide6.QtGui import QFont, QFontDatabase

from broker_app.domain.common.errors import UserError
from broker_app.paths import resource_path

FONT_FILE = "LaborStationSansSC-Regular.otf"
#: The family name inside the file; a PDF names the embedded font after it.
FONT_FAMILY = "Labor Station Sans SC"
POSTSCRIPT_NAME = "LaborStationSansSC-Regular"

_lock = threading.Lock()
_family: str | None = None


class FontMissing(UserError, RuntimeError):
    message = "找不到维权卡字体文件，请重新安装本软件"

    def __init__(self, font_file: str) -> None:
        super().__init__(message_en=f"the bundled card font {font_file} could not be loaded")


def card_family() -> str:
    """Register the bundled font once (needs a QGuiApplication) and return its family."""
    global _family
    with _lock:
        if _family is None:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families:
                raise FontMissing(FONT_FILE)
            _family = families[0]
        return _family


def card_font(points: float, *, bold: bool = False) -> QFont:
    """The card font at ``points`` (real printed points on any device)."""
    font = QFont(card_family())
    font.setPointSizeF(points)
    font.setBold(bold)
    # Without hinting a glyph has the same advance at every resolution, so the
    # preview, the PDF and the printer break lines at the same places.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return font
