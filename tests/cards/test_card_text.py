"""Card text is never lost silently: long project, contractor and subcontractor names
shrink and wrap, every line (最低工资/工资支付日 included) stays on the card, and what
still does not fit ends in "…" and is named in the command's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from broker_app.cli.main import main
from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.render import SheetReport, check_sheets
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET, SheetLayout
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.projects.records import ProjectService

from .conftest import ISSUE_DAY, Site
from .pages import decode_all, pdf_text, pdftoppm_pages, squeezed

# Long, as real ones are: they wrap to two lines at the card's largest size.
LONG_PROJECT = "邹城市中心店镇棚户区改造安置房项目二期工程第三标段配套道路及管网建设"
LONG_CONTRACTOR = "山东邹城建工集团有限公司第五工程分公司（联合体牵头人）"
LONG_SUB = "邹城市宏达建筑劳务有限公司钢筋班组及木工班组"
# Longer than two lines at the smallest legible size.
ENDLESS = "邹城市太平镇" + "东西南北中发白春夏秋冬" * 8 + "工程"


def print_project(site: Site, out: Path, layout: SheetLayout, **names: str) -> SheetReport:
    ProjectService(site.store).edit(site.project_id, names)
    plan = CardPrintService(site.store).prepare(
        CardSelection(project_id=site.project_id, worker_ids=tuple(site.worker_ids[:3])),
        today=ISSUE_DAY,
    )
    report = SheetReport()
    write_cards_pdf(plan.faces, out, layout, report=report)
    return report


def qr_texts(out: Path, tmp_path: Path) -> list[str]:
    rendered = pdftoppm_pages(out, tmp_path, dpi=300)
    if rendered is None:
        pytest.skip("pdftoppm not installed (dev.py installs poppler-utils)")
    return [text for image in rendered for text in decode_all(image)]


@pytest.mark.parametrize("layout", [CARD_SHEET, STICKER_SHEET], ids=lambda x: x.key)
def test_long_names_print_in_full_with_every_line(
    site: Site, layout: SheetLayout, tmp_path: Path
) -> None:
    out = tmp_path / "long.pdf"
    report = print_project(
        site,
        out,
        layout,
        name=LONG_PROJECT,
        general_contractor=LONG_CONTRACTOR,
        subcontractor=LONG_SUB,
    )
    assert report.printed == 3 and report.shortened == [] and report.notes() == []
    text = pdf_text(out)
    if text is None:
        pytest.skip("pdftotext not installed (dev.py installs poppler-utils)")
    flat = squeezed(text)
    assert "…" not in flat
    assert flat.count(LONG_PROJECT) == 3
    if layout is CARD_SHEET:
        for line in (LONG_CONTRACTOR, LONG_SUB, "最低工资2200元/月", "工资支付日每月15日"):
            assert flat.count(line) == 3, line
        for label in ("分包/班组", "劳资专管员", "项目负责人"):
            assert flat.count(label) == 3, label
    assert len(qr_texts(out, tmp_path)) == 3


def test_what_cannot_fit_is_marked_and_reported(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "endless.pdf"
    names = {"name": ENDLESS[:120], "general_contractor": ENDLESS[:120], "subcontractor": ENDLESS}
    report = print_project(site, out, CARD_SHEET, **names)
    assert report.printed == 3
    assert [s.fields for s in report.shortened] == [("项目", "总包单位", "分包/班组")] * 3
    assert all("太长，已缩短" in note for note in report.notes())
    # The dry run the print dialog shows before printing says the same.
    plan = CardPrintService(site.store).prepare(
        CardSelection(project_id=site.project_id, worker_ids=tuple(site.worker_ids[:3])),
        today=ISSUE_DAY,
    )
    checked = check_sheets(CARD_SHEET, plan.faces)
    assert [s.fields for s in checked.shortened] == [s.fields for s in report.shortened]
    text = pdf_text(out)
    if text is None:
        pytest.skip("pdftotext not installed (dev.py installs poppler-utils)")
    flat = squeezed(text)
    assert flat.count("…") >= 9  # three lines a card, each visibly shortened
    # Nothing else gave way: the wage line and the contacts are on every card.
    for line in ("最低工资2200元/月", "工资支付日每月15日", "劳资专管员王建军", "项目负责人"):
        assert flat.count(line) == 3, line
    assert len(qr_texts(out, tmp_path)) == 3


def test_cards_pdf_lists_every_shortened_card(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ProjectService(site.store).edit(site.project_id, {"subcontractor": ENDLESS})
    out = tmp_path / "cards.pdf"
    args = ["cards-pdf", "--project", site.project_id, "--workers", *site.worker_ids[:2]]
    assert main(["--data-dir", str(data_dir), *args, str(out)]) == 0
    err = capsys.readouterr().err
    assert "卡号 000001（张伟）：分包/班组 太长，已缩短（以“…”结尾）" in err
    assert "卡号 000002（李秀英）：分包/班组 太长，已缩短（以“…”结尾）" in err
