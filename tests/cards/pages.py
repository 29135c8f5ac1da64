"""Helpers for looking inside the PDFs and page images the card printing makes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import zxingcpp
from PySide6.QtGui import QImage

from broker_app.printing.scan import gray_pixels

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
    """The text of each printed QR symbol on the page, once per symbol. A full suite
    once read 13 texts from a PDF of 12 cards; a symbol found twice is far likelier
    than a wrong text passing the error correction, so a result whose centre lies
    inside a symbol already read is that symbol. Two cards printed with the same text
    still count twice (they are apart)."""
    formats = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(gray_pixels(image), formats=formats)
    kept: list[zxingcpp.Barcode] = []
    for barcode in found:
        if barcode.valid and not any(_inside(_centre(barcode), other) for other in kept):
            kept.append(barcode)
    return [barcode.text for barcode in kept]


def _corners(barcode: zxingcpp.Barcode) -> list[tuple[int, int]]:
    p = barcode.position
    return [(c.x, c.y) for c in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]


def _centre(barcode: zxingcpp.Barcode) -> tuple[float, float]:
    corners = _corners(barcode)
    return (sum(x for x, _ in corners) / 4, sum(y for _, y in corners) / 4)


def _inside(point: tuple[float, float], barcode: zxingcpp.Barcode) -> bool:
    corners = _corners(barcode)
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs) <= point[0] <= max(xs) and min(ys) <= point[1] <= max(ys)


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


def pdf_text(pdf_path: Path) -> str | None:
    """The PDF's text in drawing order (``-raw``: a wrapped value's lines follow each
    other), or None when pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run(
        [tool, "-raw", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """Text without white space: a wrapped line reads back as one."""
    return re.sub(r"\s+", "", text)


def viewer_preferences(pdf_path: Path) -> dict[str, str]:
    """The catalog's /ViewerPreferences as names, read by a second PDF reader."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    with pdf_path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        prefs = resolve1(document.catalog.get("ViewerPreferences")) or {}
        return {key: getattr(value, "name", str(value)) for key, value in prefs.items()}


def image_boxes_mm(pdf_path: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per page, every image's box (left, top, right, bottom) in mm from the top-left."""
    import pdfplumber

    mm = 25.4 / 72
    with pdfplumber.open(str(pdf_path)) as pdf:
        return [
            [(i["x0"] * mm, i["top"] * mm, i["x1"] * mm, i["bottom"] * mm) for i in page.images]
            for page in pdf.pages
        ]
