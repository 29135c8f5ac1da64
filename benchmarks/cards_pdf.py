"""Rights cards to PDF: time for 1,000 cards, payload sizes and QR versions.

Run from the repository root: ``python benchmarks/cards_pdf.py [count] [repeats] [base_url]``
(with ``base_url`` the cards carry the URL form of the QR, else the readable text).

Per repeat, on ``count`` demo workers and a fresh project:
  issue        sign and store ``count`` cards (CardService.issue)
  prepare      the print job's card faces (CardPrintService.prepare, nothing to issue)
  pdf card     A4 sheets of 10 wallet cards (write_cards_pdf)
  pdf sticker  A4 sheets of 24 helmet stickers
  qrcode loop  a bare ``qrcode`` loop over the same texts (QRCode(Q).add_data().make()),
               measured in the same run as the yardstick for this machine
Medians are reported; "ratio" is (prepare + pdf card) / qrcode loop.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import qrcode
from qrcode.constants import ERROR_CORRECT_Q

from broker_app.domain.rights_card import qr_matrix
from broker_app.domain.rights_card.base45 import b45decode
from broker_app.printing.headless import ensure_gui_application
from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET
from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.demo.data import DemoDataService
from broker_app.services.projects.records import ProjectService
from broker_app.services.settings.station import StationService
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.store.store import open_store

PROJECT = {
    "name": "邹城市中心店镇棚户区改造安置房项目",
    "general_contractor": "山东邹城建工集团有限公司",
    "subcontractor": "邹城市宏达建筑劳务有限公司 钢筋班组",
    "labor_officer_name": "王建军",
    "labor_officer_phone": "13912345678",
    "manager_phone": "13800001111",
    "complaint_phone_hrss": "0537-5212345",
    "complaint_phone_housing": "0537-5213456",
    "min_wage": 2200,
    "pay_day": 15,
}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def qrcode_loop(texts: list[str]) -> None:
    for text in texts:
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=4)
        code.add_data(text)
        code.make(fit=True)


def spread(values: list[int]) -> str:
    return f"min {min(values)}, median {statistics.median(values):g}, max {max(values)}"


def one_run(
    store: Any, workers: list[str], folder: Path, run: int
) -> tuple[dict[str, float], list[str], int, list[str]]:
    """Times of one repeat on a fresh project, its card texts and the PDF's size."""
    project = ProjectService(store).create({**PROJECT, "name": f"{PROJECT['name']}{run}"})
    project_id = project.record_ids[0]
    issue, _ = timed(lambda: CardService(store).issue(project_id, workers))
    selection = CardSelection(project_id=project_id)
    prepare, plan = timed(lambda: CardPrintService(store).prepare(selection))
    texts = [face.qr_text for face in plan.faces]
    printed = [f"{face.scan.symbol().version}{face.scan.error_correction}" for face in plan.faces]
    out = folder / f"cards{run}.pdf"
    pdf, _ = timed(lambda: write_cards_pdf(plan.faces, out, CARD_SHEET))
    sticker, _ = timed(lambda: write_cards_pdf(plan.faces, folder / "s.pdf", STICKER_SHEET))
    loop, _ = timed(lambda: qrcode_loop(texts))
    measured = {
        "issue": issue,
        "prepare": prepare,
        "pdf card": pdf,
        "pdf sticker": sticker,
        "qrcode loop": loop,
        "ratio": (prepare + pdf) / loop,
    }
    return measured, texts, out.stat().st_size, printed


def main(count: int, repeats: int, base_url: str = "") -> None:
    ensure_gui_application()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        data.mkdir()
        store = open_store(data)
        StationService(store).configure("370883107200", operator_name="测试")
        if base_url:
            settings = load_settings(store)
            cards = replace(settings.cards, public_base_url=base_url)
            save_settings(store, settings.with_section(cards))
        DemoDataService(store).generate(count, seed=7)
        workers = [row["id"] for row in _worker_ids(store)][:count]
        times: dict[str, list[float]] = {}
        texts: list[str] = []
        printed: list[str] = []
        pdf_sizes: list[int] = []
        for run in range(repeats):
            measured, texts, size, printed = one_run(store, workers, Path(folder), run)
            pdf_sizes.append(size)
            for name, value in measured.items():
                times.setdefault(name, []).append(value)
        store.close()
    print(f"{len(texts)} cards, {repeats} repeats, medians:")
    for name, values in times.items():
        median = statistics.median(values)
        shown = f"{median:.2f}x" if name == "ratio" else f"{median:.2f} s"
        each = ", ".join(f"{v:.2f}" for v in values)
        print(f"  {name:<12} {shown:>9}   ({each})")
    print(
        f"  print total  {statistics.median(_sum(times, 'prepare', 'pdf card')):.2f} s"
        " (prepare + pdf card; target under 12 s)"
    )
    signed = [len(b45decode(text[4:])) for text in texts]
    versions = [qr_matrix(text).version for text in texts]
    print(f"signed bytes: {spread(signed)} (budget 144)")
    print(f"QR text characters: {spread([len(t) for t in texts])}")
    print(f"QR version of the WQ1: text (level Q): {spread(versions)}")
    shown = ", ".join(f"{v}: {printed.count(v)}" for v in sorted(set(printed)))
    print(f"printed QR, version and level ({len(printed)} cards): {shown}")
    print(f"PDF size for {len(texts)} wallet cards: {statistics.median(pdf_sizes) / 1e6:.2f} MB")


def _worker_ids(store: Any) -> list[dict[str, Any]]:
    from broker_app.services.listing import iter_records

    return list(iter_records(store, "workers"))


def _sum(times: dict[str, list[float]], *names: str) -> list[float]:
    return [sum(values) for values in zip(*(times[name] for name in names), strict=True)]


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 3,
        sys.argv[3] if len(sys.argv) > 3 else "",
    )
