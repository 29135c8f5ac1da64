#!/usr/bin/env python3
"""Draw the app's icon: resources/icons/labor-station.png (256 px) and .ico (16-256 px).

    python scripts/make_icon.py

The mark: the character 驿 (the station) in white on a blue rounded square, over an
orange bar (the road out to work). Drawn with Qt and the bundled font, so it comes out
the same on every machine; the results are committed, run this only to change them.
The .ico holds classic 32-bit bitmaps up to 48 px (what Explorer and NSIS read
everywhere) and a PNG at 256 px (Windows Vista and later).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402

from broker_app.printing.fonts import card_family  # noqa: E402

OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE = QColor("#1d5fa6")
ORANGE = QColor("#f29b30")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    unit = size / 16
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BLUE)
    square = QRectF(0.5 * unit, 0.5 * unit, 15 * unit, 15 * unit)
    painter.drawRoundedRect(square, 3 * unit, 3 * unit)
    painter.setBrush(ORANGE)
    painter.drawRect(QRectF(3 * unit, 12.2 * unit, 10 * unit, 1.3 * unit))
    font = QFont(card_family())
    font.setPixelSize(max(1, round(10.5 * unit)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, 12.6 * unit), Qt.AlignmentFlag.AlignCenter, "驿")
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def bitmap_bytes(image: QImage) -> bytes:
    """A 32-bit DIB as an .ico stores it: bottom-up BGRA rows, then an all-clear mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = [bytes(image.constScanLine(y))[: 4 * size] for y in range(size)]  # type: ignore[call-overload]
    mask_row = bytes(((size + 31) // 32) * 4)
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(images: list[QImage]) -> bytes:
    entries = [png_bytes(i) if i.width() >= 256 else bitmap_bytes(i) for i in images]
    offset = 6 + 16 * len(images)
    out = struct.pack("<HHH", 0, 1, len(images))
    for image, entry in zip(images, entries, strict=True):
        side = image.width() % 256  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(entry), offset)
        offset += len(entry)
    return out + b"".join(entries)


def main() -> None:
    QGuiApplication([])
    images = [draw(size) for size in SIZES]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "labor-station.png").write_bytes(png_bytes(images[-1]))
    (OUT / "labor-station.ico").write_bytes(ico_bytes(images))
    print(f"wrote {OUT / 'labor-station.png'} and {OUT / 'labor-station.ico'}")


if __name__ == "__main__":
    main()
