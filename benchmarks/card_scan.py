"""Rights-card QRs on a poor scan: which form and error-correction level decode best.

Run from the repository root: ``python benchmarks/card_scan.py [cards] [--blur R ...]``.

Issues ``cards`` real cards (demo workers, one project), then for every QR form and
error-correction level below draws the A4 sheets of wallet cards and of helmet
stickers at **150 dpi** (the page image the PDF is drawn from, so the module edges
fall between pixels as on a cheap scan), blurs each page (Gaussian, radius R pixels),
saves it as **JPEG quality 30**, and counts the QRs zxing-cpp reads back exactly:

  WQ1 Q        the card text printed before, ``WQ1:`` + Base45, one alphanumeric segment
  URL          ``{BASE}/C/{Base32}``, upper case, one alphanumeric segment, as printed
               (the highest error correction within the WQ1 form's version)
  text         UTF-8 lines with the complaint phones (ECI) + ``WQ1:`` + Base45, as printed
  URL L/M/Q    the URL at a fixed level, for comparison
  text L/M/Q   the readable text at a fixed level

Prints, per form: the QR versions, the module size on the wallet card (24 mm with
quiet zone) and the sticker (28 mm), and the share decoded at each blur.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import zxingcpp
from PIL import Image, ImageFilter
from PySide6.QtCore import QBuffer, QIODevice

from broker_app.domain.rights_card.qr import QrSegment
from broker_app.domain.rights_card.scan_text import ScanText, card_scan_text, signed_bytes
from broker_app.printing.headless import ensure_gui_application
from broker_app.printing.raster import page_image
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET, SheetLayout
from broker_app.services.cards.faces import CardFace
from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.demo.data import DemoDataService
from broker_app.services.listing import iter_records
from broker_app.services.projects.records import ProjectService
from broker_app.services.settings.station import StationService
from broker_app.store.store import open_store

BASE = "HTTPS://WQ.ZCRS.GOV.CN"
DPI = 150
JPEG_QUALITY = 30
#: Printed QR size with its 4-module quiet zone (wallet_card, helmet_sticker).
QR_MM = {"card": 24.0, "sticker": 28.0}
#: The readable-text form is printed 2 mm larger on both.
READABLE_QR_MM = {"card": 26.0, "sticker": 30.0}
PROJECT = {
    "name": "邹城市中心店镇棚户区改造安置房项目",
    "general_contractor": "山东邹城建工集团有限公司",
    "labor_officer_name": "王建军",
    "labor_officer_phone": "13912345678",
    "complaint_phone_hrss": "0537-5212345",
    "complaint_phone_housing": "0537-5213456",
}

Form = Callable[[CardFace], ScanText]


def _wq1(face: CardFace) -> ScanText:
    return ScanText((QrSegment("alphanumeric", face.qr_text.encode("ascii")),), "Q")


def _url(level: str = "") -> Form:
    def form(face: CardFace) -> ScanText:
        scan = card_scan_text(signed_bytes(face.qr_text), BASE, [])
        return replace(scan, error_correction=level) if level else scan  # type: ignore[arg-type]

    return form


def _text(level: str = "") -> Form:
    def form(face: CardFace) -> ScanText:
        phones = [line.phone for line in face.phones]
        scan = card_scan_text(signed_bytes(face.qr_text), "", phones)
        return replace(scan, error_correction=level) if level else scan  # type: ignore[arg-type]

    return form


FORMS: dict[str, Form] = {
    "WQ1 Q": _wq1,
    "URL": _url(),
    "text": _text(),
    "URL L": _url("L"),
    "URL M": _url("M"),
    "URL Q": _url("Q"),
    "text L": _text("L"),
    "text M": _text("M"),
    "text Q": _text("Q"),
}


def scanned(layout: SheetLayout, faces: list[CardFace], blur: float) -> list[str]:
    """The QR texts zxing-cpp reads from one blurred JPEG-30 page at 150 dpi."""
    image = page_image(layout, faces, dpi=DPI)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide wants str
    page = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("L")
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    jpeg = io.BytesIO()
    page.save(jpeg, "JPEG", quality=JPEG_QUALITY)
    page = Image.open(io.BytesIO(jpeg.getvalue())).convert("L")
    pixels = memoryview(page.tobytes()).cast("B", (page.height, page.width))
    found = zxingcpp.read_barcodes(
        pixels, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return [barcode.text for barcode in found if barcode.valid]


def decode_rate(layout: SheetLayout, faces: list[CardFace], blur: float) -> tuple[int, int]:
    """(read back exactly, printed) over every page of ``faces``."""
    good = 0
    for start in range(0, len(faces), layout.per_page):
        page = faces[start : start + layout.per_page]
        expected = {face.scan.text for face in page}
        good += len(expected & set(scanned(layout, page, blur)))
    return good, len(faces)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cards", type=int, nargs="?", default=48)
    parser.add_argument("--blur", type=float, nargs="+", default=[0.0, 0.6, 0.9, 1.2])
    parser.add_argument("--forms", nargs="+", default=list(FORMS))
    args = parser.parse_args()
    ensure_gui_application()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        StationService(store).configure("370883107200", operator_name="测试")
        DemoDataService(store).generate(args.cards, seed=7)
        workers = [row["id"] for row in iter_records(store, "workers")][: args.cards]
        project_id = ProjectService(store).create(PROJECT).record_ids[0]
        CardService(store).issue(project_id, workers)
        faces = CardPrintService(store).prepare(CardSelection(project_id=project_id)).faces
        store.close()
    blurs = " ".join(f"{'blur ' + format(b, 'g'):>18}" for b in args.blur)
    print(f"{len(faces)} cards, {DPI} dpi, JPEG quality {JPEG_QUALITY}; decoded / printed")
    print(f"{'form':<8}{'level':>6}{'layout':>9}{'version':>9}{'module mm':>11}{blurs}")
    for name in args.forms:
        variant = [replace(face, scan=FORMS[name](face)) for face in faces]
        versions = sorted({face.scan.symbol().version for face in variant})
        levels = "".join(sorted({face.scan.error_correction for face in variant}))
        for layout in (CARD_SHEET, STICKER_SHEET):
            modules = [face.scan.symbol().size + 8 for face in variant]
            sizes = READABLE_QR_MM if variant[0].scan.readable else QR_MM
            module_mm = sizes[layout.key] / max(modules)
            rates = []
            for blur in args.blur:
                good, total = decode_rate(layout, variant, blur)
                rates.append(f"{good:>4}/{total} {100 * good / total:5.1f}%")
            shown_versions = "-".join(str(v) for v in (versions[0], versions[-1]))
            print(
                f"{name:<8}{levels:>6}{layout.key:>9}{shown_versions:>9}{module_mm:>11.2f}"
                + "".join(f"{r:>18}" for r in rates),
                flush=True,
            )


if __name__ == "__main__":
    main()
