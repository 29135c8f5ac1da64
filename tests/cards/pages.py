"""Helpers for looking inside the PDFs and page images the card printing makes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import zxingcpp
from PySide6.QtGui import QImage

from broker_app.ui.cards.scan import gray_pixels

A4_POINTS = (595, 842)  # 210 x 297 mm
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
_BASE_FONT = re.compile(rb"/BaseFont\s*/([^\s/\[<>()]+)")


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    return [(round(float(w)), round(float(h))) for w, h in _MEDIA_BOX.findall(pdf)]


def page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


def base_fonts(pdf: bytes) -> set[str]:
    """Embedded font names without the 6-letter subset tag."""
    return {name.decode().split("+")[-1] for name in _BASE_FONT.findall(pdf)}


def decode_all(image: QImage) -> list[str]:
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(gray_pixels(image), formats=formats)
    return [b.text for b in found if b.valid]


def pdftoppm_pages(pdf_path: Path, out_dir: Path, dpi: int = 200) -> list[QImage] | None:
    """Each page rasterised by poppler, or None when pdftoppm is not installed."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    subprocess.run(
        [tool, "-r", str(dpi), "-gray", "-png", str(pdf_path), str(out_dir / "page")],
        check=True,
        timeout=120,
    )
    return [QImage(str(p)) for p in sorted(out_dir.glob("page*.png"))]
