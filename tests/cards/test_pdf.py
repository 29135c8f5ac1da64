"""Printing: A4 sheets of 10 cards (or 24 stickers) whose every QR decodes and
verifies, in a PDF that embeds the bundled static CJK font."""

from __future__ import annotations

import struct
from datetime import timedelta
from pathlib import Path

import pytest

from broker_app.paths import resource_path
from broker_app.printing.fonts import FONT_FILE, POSTSCRIPT_NAME, card_family
from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.raster import page_image
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET, SheetLayout
from broker_app.services.cards.faces import CardFace
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.progress import Cancelled, CancelToken

from .conftest import ISSUE_DAY, Site
from .pages import A4_POINTS, base_fonts, decode_all, page_count, page_sizes, pdftoppm_pages

ON_SITE = ISSUE_DAY + timedelta(days=30)


@pytest.fixture
def faces(issued: Site, qapp: object) -> list[CardFace]:
    plan = CardPrintService(issued.store).prepare(
        CardSelection(project_id=issued.project_id), today=ISSUE_DAY
    )
    return plan.faces


def font_tables(path: Path) -> set[str]:
    """Table tags of an OpenType file (its table directory, read by hand)."""
    data = path.read_bytes()
    (count,) = struct.unpack(">H", data[4:6])
    return {data[12 + 16 * i : 16 + 16 * i].decode("ascii") for i in range(count)}


def test_bundled_font_is_static_and_licensed(qapp: object) -> None:
    path = resource_path("fonts", FONT_FILE)
    tables = font_tables(path)
    assert "fvar" not in tables and "gvar" not in tables  # not a variable font
    assert {"cmap", "CFF "} <= tables
    assert (path.parent / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") == 1
    assert card_family() == "Labor Station Sans SC"


@pytest.mark.parametrize("layout", [CARD_SHEET, STICKER_SHEET], ids=lambda x: x.key)
def test_every_qr_on_a_page_decodes_and_verifies(
    issued: Site, faces: list[CardFace], layout: SheetLayout
) -> None:
    image = page_image(layout, faces, dpi=300)
    texts = decode_all(image)
    expected = faces[: layout.per_page]
    assert sorted(texts) == sorted(face.scan.text for face in expected)
    for text in texts:
        assert issued.cards.verify(text, ON_SITE).ok


def test_pdf_is_a4_with_ten_cards_a_page_and_embeds_the_font(
    issued: Site, faces: list[CardFace], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cards.pdf"
    pages = write_cards_pdf(faces, out, CARD_SHEET, title="维权联系卡")
    assert pages == 2 and CARD_SHEET.per_page == 10
    pdf = out.read_bytes()
    assert page_count(pdf) == 2
    assert page_sizes(pdf) == [A4_POINTS, A4_POINTS]
    assert base_fonts(pdf) == {POSTSCRIPT_NAME}
    assert b"/FontFile" in pdf  # embedded, not just named
    assert list(folder.iterdir()) == [out]  # the temporary file was renamed
    # The QR stays a 1-bit image (a JPEG would blur the modules).
    assert b"/DCTDecode" not in pdf and b"/BitsPerComponent 1" in pdf
    rendered = pdftoppm_pages(out, tmp_path)  # writes beside, not in, ``folder``
    if rendered is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    texts = [text for image in rendered for text in decode_all(image)]
    assert sorted(texts) == sorted(face.scan.text for face in faces)
    assert all(issued.cards.verify(text, ON_SITE).ok for text in texts)
    assert [len(decode_all(image)) for image in rendered] == [10, 2]


def test_cancelled_pdf_leaves_no_file(faces: list[CardFace], tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        write_cards_pdf(faces, folder / "cards.pdf", CARD_SHEET, cancel=token)
    assert list(folder.iterdir()) == []


def test_long_names_print_in_full_beside_a_shortened_qr(issued: Site, qapp: object) -> None:
    from broker_app.services.projects.records import ProjectService

    # Characters the compression dictionary does not know, so the QR must shorten them.
    long_name = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒工程"
    contractor = "日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨有限公司"
    projects = ProjectService(issued.store)
    projects.edit(issued.project_id, {"name": long_name, "general_contractor": contractor})
    plan = CardPrintService(issued.store).prepare(
        CardSelection(project_id=issued.project_id), today=ISSUE_DAY
    )
    assert len(plan.report.replaced) == 12
    assert {(face.project_name, face.contractor) for face in plan.faces} == {
        (long_name, contractor)
    }
    texts = decode_all(page_image(CARD_SHEET, plan.faces, dpi=300))
    verified = [issued.cards.verify(text, ON_SITE) for text in texts]
    assert all(result.ok for result in verified) and len(verified) == 10
    assert all(r.facts is not None and r.facts.project_name.endswith("…") for r in verified)
