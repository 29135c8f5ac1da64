"""The card QR in each form a station prints, end to end: set (or not) the county's
public card address, print the PDF, rasterise it with poppler, read every QR with
ZXing, and verify each text with ``verify-card`` and in the 核验 dialog. Cards
printed before these forms (``WQ1:``) keep verifying."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from broker_app.cli.main import main
from broker_app.domain.rights_card.qr import QrSegment
from broker_app.domain.rights_card.scan_text import ScanText, card_url, signed_bytes
from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET, SheetLayout
from broker_app.services.cards.faces import CardFace
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.cards.verify_dialog import VerifyDialog
from broker_app.ui.context import AppContext
from broker_app.ui.tasks import TaskRunner

from .conftest import HRSS_PHONE, ISSUE_DAY, Site
from .pages import decode_all, image_boxes_mm, pdftoppm_pages

ON_SITE = "2026-04-01"
BASE = "https://wq.zcrs.gov.cn"
FORMS = ["url", "readable", "wq1"]


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def faces_of(issued: Site) -> list[CardFace]:
    selection = CardSelection(project_id=issued.project_id)
    return CardPrintService(issued.store).prepare(selection, today=ISSUE_DAY).faces


def printed_texts(issued: Site, data_dir: Path, tmp_path: Path, form: str) -> list[str]:
    """The QR texts read back from a printed PDF of the project's 12 cards in ``form``."""
    out = tmp_path / "cards.pdf"
    if form == "url":
        assert run(data_dir, "settings", "set", "cards.public_base_url", BASE) == 0
    if form == "wq1":
        # A sheet as printed before the phone-readable forms: the stored text itself.
        faces = [
            replace(f, scan=ScanText((QrSegment("alphanumeric", f.qr_text.encode()),), "Q"))
            for f in faces_of(issued)
        ]
        write_cards_pdf(faces, out, CARD_SHEET)
    else:
        assert run(data_dir, "cards-pdf", "--project", issued.project_id, str(out)) == 0
    pages = pdftoppm_pages(out, tmp_path)
    if pages is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    return [text for page in pages for text in decode_all(page)]


@pytest.mark.parametrize("form", FORMS)
def test_each_form_prints_scans_and_verifies_with_the_command(
    issued: Site,
    data_dir: Path,
    tmp_path: Path,
    form: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    texts = printed_texts(issued, data_dir, tmp_path, form)
    stored = {face.qr_text for face in faces_of(issued)}
    assert len(texts) == len(stored) == 12
    assert {signed_bytes(text) for text in texts} == {signed_bytes(text) for text in stored}
    if form == "url":
        assert {*texts} == {card_url(BASE, signed_bytes(text)) for text in stored}
    elif form == "readable":
        for text in texts:
            phones = f"欠薪投诉电话: {HRSS_PHONE} 0537-5213456 12333 "
            assert text.startswith(phones) and text.removeprefix(phones) in stored
    else:
        assert set(texts) == stored
    capsys.readouterr()
    for text in texts[:3]:
        assert run(data_dir, "verify-card", text, "--date", ON_SITE) == 0
        assert "结果：有效" in capsys.readouterr().out
    # One changed character of the scanned text: refused as altered or unreadable.
    tampered = texts[0][:-3] + ("A" if texts[0][-3] != "A" else "B") + texts[0][-2:]
    assert run(data_dir, "verify-card", tampered, "--date", ON_SITE) in (3, 5)


@pytest.mark.parametrize(
    ("layout", "readable_mm", "card_text_mm"), [(CARD_SHEET, 26, 24), (STICKER_SHEET, 30, 28)]
)
def test_readable_text_qr_is_printed_larger_within_its_card(
    issued: Site, tmp_path: Path, layout: SheetLayout, readable_mm: float, card_text_mm: float
) -> None:
    # The readable form takes level M where the card text took Q; its larger modules
    # are what keep it decoding as well on a blurred scan (BENCHMARKS.md).
    readable = faces_of(issued)
    assert all(face.scan.readable for face in readable)
    wq1 = [
        replace(f, scan=ScanText((QrSegment("alphanumeric", f.qr_text.encode()),), "Q"))
        for f in readable
    ]
    for faces, size in ((readable, readable_mm), (wq1, card_text_mm)):
        out = tmp_path / "sheet.pdf"
        write_cards_pdf(faces, out, layout)
        boxes = image_boxes_mm(out)[0]
        assert len(boxes) == min(len(faces), layout.per_page)
        width, height = layout.item_mm
        for n, (left, top, right, bottom) in enumerate(sorted(boxes, key=lambda b: (b[1], b[0]))):
            assert (right - left, bottom - top) == (
                pytest.approx(size, abs=0.05),
                pytest.approx(size, abs=0.05),
            )
            x, y = layout.slot_mm(n)
            assert x < left and right < x + width and y < top and bottom < y + height


@pytest.fixture
def ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


@pytest.mark.parametrize("form", FORMS)
def test_verify_dialog_accepts_each_form(
    ctx: AppContext, issued: Site, data_dir: Path, tmp_path: Path, qtbot: QtBot, form: str
) -> None:
    texts = printed_texts(issued, data_dir, tmp_path, form)
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_box.setPlainText(texts[0] + "\n")  # a keyboard-wedge scanner adds Enter
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    # The cards were issued on ISSUE_DAY with a project running to 2027: valid today
    # until then; the verdict names the worker either way.
    assert dialog.headline.text() in ("有效", "已过期")
    shown = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"卡号", "姓名", "签名"} <= shown
    assert shown & {face.worker_name for face in faces_of(issued)}
