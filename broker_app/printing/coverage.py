"""Which characters of a card the bundled font cannot draw.

Qt would draw such a character from some system font (or as a box), so a card would
not print the same on every PC; printing leaves such a card out and names it, with
the character, before anything is drawn.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QRawFont

from broker_app.paths import resource_path
from broker_app.printing.fonts import FONT_FILE, FontMissing
from broker_app.printing.labels import tr
from broker_app.services.cards.faces import CardFace

_lock = threading.Lock()
_raw: QRawFont | None = None
_known: dict[str, bool] = {}


@dataclass(frozen=True)
class Unprintable:
    face: CardFace
    #: The characters the font lacks, each once, in the order they appear.
    chars: str

    def describe(self) -> str:
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in self.chars)
        return (
            tr("卡号 %1（%2）：字体中没有 %3，此卡未打印")
            .replace("%1", f"{self.face.serial:06d}")
            .replace("%2", self.face.worker_name)
            .replace("%3", shown)
        )


def missing_chars(text: str) -> str:
    """The characters of ``text`` the bundled font has no glyph for (spaces and
    control characters aside), each once."""
    out: list[str] = []
    with _lock:
        font = _font()
        for char in text:
            if char in out or char.isspace():
                continue
            known = _known.get(char)
            if known is None:
                known = _known[char] = font.supportsCharacter(ord(char))
            if not known:
                out.append(char)
    return "".join(out)


def printed_texts(face: CardFace) -> tuple[str, ...]:
    """Every text of a card that comes from records (the fixed wording is checked by
    the tests: it is all in the font)."""
    return (
        face.worker_name,
        face.masked_id,
        face.project_name,
        face.contractor,
        face.subcontractor,
        face.labor_officer_name,
        face.labor_officer_phone,
        face.manager_phone,
        face.signed_phone,
        *(line.phone for line in face.phones),
    )


def unprintable(faces: Sequence[CardFace]) -> list[Unprintable]:
    found = []
    for face in faces:
        chars = missing_chars("".join(printed_texts(face)))
        if chars:
            found.append(Unprintable(face, chars))
    return found


def _font() -> QRawFont:
    global _raw
    if _raw is None:
        raw = QRawFont(str(resource_path("fonts", FONT_FILE)), 12.0)
        if not raw.isValid():
            raise FontMissing(FONT_FILE)
        _raw = raw
    return _raw
