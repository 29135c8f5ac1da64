"""Card sheets as they come out of a printer: the PDF asks for 100% scale, cut marks
stay out of the band a printer cannot print, the A4 label sheets put each sticker on
its label, and the printer offset (with its test page) moves everything exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_app.cli.main import main
from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.sheets import (
    A4_MM,
    CARD_SHEET,
    LABEL_SHEET_63_38,
    LABEL_SHEET_70_37,
    LAYOUTS,
    PRINTER_MARGIN_MM,
    STICKER_SHEET,
    SheetLayout,
    cut_marks,
)
from broker_app.services.cards.faces import CardFace
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection

from .conftest import ISSUE_DAY, Site
from .pages import (
    decode_all,
    image_boxes_mm,
    page_sizes,
    pdf_text,
    pdftoppm_pages,
    squeezed,
    viewer_preferences,
)


@pytest.fixture
def faces(issued: Site) -> list[CardFace]:
    plan = CardPrintService(issued.store).prepare(
        CardSelection(project_id=issued.project_id), today=ISSUE_DAY
    )
    return plan.faces


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


@pytest.mark.parametrize("layout", list(LAYOUTS.values()), ids=lambda x: x.key)
def test_pdf_asks_the_viewer_to_print_at_actual_size(
    faces: list[CardFace], layout: SheetLayout, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cards.pdf"
    write_cards_pdf(faces, out, layout)
    assert viewer_preferences(out) == {"PrintScaling": "None"}
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert set(page_sizes(pdf)) == {(595, 842)}
    assert [p.name for p in folder.iterdir()] == ["cards.pdf"]  # no temporary left


@pytest.mark.parametrize("layout", list(LAYOUTS.values()), ids=lambda x: x.key)
def test_cut_marks_stay_out_of_the_printer_margin(layout: SheetLayout) -> None:
    marks = cut_marks(layout)
    width, height = A4_MM
    for (x1, y1), (x2, y2) in marks:
        for x, y in ((x1, y1), (x2, y2)):
            assert PRINTER_MARGIN_MM - 1e-6 <= x <= width - PRINTER_MARGIN_MM + 1e-6
            assert PRINTER_MARGIN_MM - 1e-6 <= y <= height - PRINTER_MARGIN_MM + 1e-6
    # Cut sheets have a mark on every cut line; pre-cut label sheets need none.
    assert bool(marks) == layout.cut


@pytest.mark.parametrize("layout", [CARD_SHEET, STICKER_SHEET], ids=lambda x: x.key)
def test_nothing_is_printed_in_the_printer_margin(
    faces: list[CardFace], layout: SheetLayout, tmp_path: Path
) -> None:
    out = tmp_path / "cards.pdf"
    write_cards_pdf(faces, out, layout)
    rendered = pdftoppm_pages(out, tmp_path, dpi=100)
    if rendered is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    image = rendered[0]
    band = round(PRINTER_MARGIN_MM / 25.4 * 100) - 1
    w, h = image.width(), image.height()
    edge = [
        (x, y)
        for x in range(w)
        for y in (*range(band), *range(h - band, h))
        if image.pixelColor(x, y).lightness() < 250
    ] + [
        (x, y)
        for y in range(h)
        for x in (*range(band), *range(w - band, w))
        if image.pixelColor(x, y).lightness() < 250
    ]
    assert edge == []
    # ... while the marks are there, between it and the cards.
    grid_top = round(layout.origin_mm[1] / 25.4 * 100) - 2
    assert any(
        image.pixelColor(x, y).lightness() < 200 for x in range(w) for y in range(band, grid_top)
    )


@pytest.mark.parametrize(
    ("layout", "label", "per_page"),
    [(LABEL_SHEET_70_37, (70.0, 37.0), 24), (LABEL_SHEET_63_38, (63.5, 38.1), 21)],
    ids=["70x37", "63.5x38.1"],
)
def test_label_sheets_put_every_sticker_on_its_label(
    issued: Site,
    faces: list[CardFace],
    layout: SheetLayout,
    label: tuple[float, float],
    per_page: int,
    tmp_path: Path,
) -> None:
    assert layout.per_page == per_page and layout.item_mm == label
    many = (faces * 3)[:per_page]
    out = tmp_path / "labels.pdf"
    assert write_cards_pdf(many, out, layout) == 1
    (boxes,) = image_boxes_mm(out)
    assert len(boxes) == per_page  # one QR a label
    slots = set()
    for left, top, right, bottom in boxes:
        matches = [
            n
            for n in range(per_page)
            if layout.slot_mm(n)[0] <= left
            and right <= layout.slot_mm(n)[0] + label[0]
            and layout.slot_mm(n)[1] <= top
            and bottom <= layout.slot_mm(n)[1] + label[1]
        ]
        assert len(matches) == 1
        slots.add(matches[0])
    assert slots == set(range(per_page))
    # The 63.5 x 38.1 sheet's grid is the one sold (7.2 mm sides, 15.15 mm top).
    if per_page == 21:
        assert layout.origin_mm == pytest.approx((7.21, 15.15), abs=0.01)
    rendered = pdftoppm_pages(out, tmp_path, dpi=300)
    if rendered is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    texts = decode_all(rendered[0])
    assert len(texts) == per_page and set(texts) == {face.scan.text for face in many}


def test_printer_offset_moves_the_whole_sheet(
    issued: Site, faces: list[CardFace], data_dir: Path, tmp_path: Path
) -> None:
    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    args = ["cards-pdf", "--project", issued.project_id, "--layout", "sticker"]
    assert run(data_dir, *args, str(plain)) == 0
    assert run(data_dir, "settings", "set", "cards.offset_x_mm", "1.5") == 0
    assert run(data_dir, "settings", "set", "cards.offset_y_mm", "-2") == 0
    assert run(data_dir, *args, str(moved)) == 0
    before, after = image_boxes_mm(plain)[0], image_boxes_mm(moved)[0]
    assert len(before) == len(after) == 12
    for (l0, t0, _, _), (l1, t1, _, _) in zip(sorted(before), sorted(after), strict=True):
        assert (l1 - l0, t1 - t0) == (pytest.approx(1.5, abs=0.01), pytest.approx(-2, abs=0.01))
    # An offset beyond what any printer needs is refused, in Chinese.
    assert run(data_dir, "settings", "set", "cards.offset_x_mm", "25") != 0


def test_test_page_shows_the_gauge_and_the_current_offset(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "settings", "set", "cards.offset_x_mm", "0.5") == 0
    out = tmp_path / "test-page.pdf"
    assert run(data_dir, "cards-test-page", "--layout", "label-70x37", str(out)) == 0
    assert "已生成测试页" in capsys.readouterr().out
    assert viewer_preferences(out) == {"PrintScaling": "None"}
    text = pdf_text(out)
    if text is None:
        pytest.skip("pdftotext not installed (dev.py installs poppler-utils)")
    assert "都应为30毫米" in squeezed(text)
    assert "向右0.5毫米" in squeezed(text)
