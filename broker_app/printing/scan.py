"""QR texts from an image file (a photo or scan of a card, a sheet, a screenshot)."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PySide6.QtGui import QImage

from broker_app.domain.common.errors import UserError


class ImageUnreadable(UserError, OSError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"无法打开图片：{path}", f"cannot read image {path}")


def gray_pixels(image: QImage) -> memoryview:
    """``image`` as a height x width memoryview of 8-bit gray values (row padding removed)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    data = bytes(gray.constBits())
    if stride != width:
        data = b"".join(data[row * stride : row * stride + width] for row in range(height))
    return memoryview(data[: width * height]).cast("B", (height, width))


def qr_texts(image: QImage) -> list[str]:
    """Every QR code's text found in ``image``, in reading order."""
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(gray_pixels(image), formats=formats)
    found = [barcode for barcode in found if barcode.valid]
    found.sort(key=lambda b: (b.position.top_left.y // 50, b.position.top_left.x))
    return [barcode.text for barcode in found]


def qr_texts_in_file(path: Path) -> list[str]:
    image = QImage(str(path))
    if image.isNull():
        raise ImageUnreadable(path)
    return qr_texts(image)
