"""Every character of a name prints, from the one bundled font: it covers the Unified
Ideographs (every BMP character of the 通用规范汉字表) and Extension A; a character it
lacks leaves its card out, named with the character, and is never drawn as a box or
from a system font."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from broker_app.cli.main import main
from broker_app.paths import resource_path
from broker_app.printing.coverage import missing_chars
from broker_app.printing.fonts import FONT_FILE, POSTSCRIPT_NAME
from broker_app.printing.pdf import write_cards_pdf
from broker_app.printing.render import SheetReport, check_sheets
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.projects.records import ProjectService
from broker_app.services.roster.workers import WorkerService

from .conftest import ISSUE_DAY, Site
from .pages import base_fonts, decode_all, pdf_text, pdftoppm_pages, squeezed

#: Unicode 11's CJK Unified Ideographs (U+4E00..U+9FEF: the 通用规范汉字表's BMP
#: characters are all here) and Unicode 3.0's Extension A (U+3400..U+4DB5).
URO = range(0x4E00, 0x9FF0)
EXT_A = range(0x3400, 0x4DB6)
RARE_NAMES = ("王㛃", "李淏", "张嫚", "赵嬿", "孙珝")  # Ext A, then URO beyond GB 2312
EXT_B = "\U00020000"  # 𠀀: Extension B, not in the font


@pytest.fixture(scope="module")
def cmap() -> dict[int, str]:
    return TTFont(str(resource_path("fonts", FONT_FILE))).getBestCmap()


@pytest.mark.parametrize(("block", "name"), [(URO, "URO"), (EXT_A, "Ext A")])
def test_font_covers_every_character_of_the_block(
    cmap: dict[int, str], block: range, name: str
) -> None:
    missing = [f"U+{u:04X}" for u in block if u not in cmap]
    assert missing == [], f"{name}: {len(missing)} missing"


def test_font_covers_every_card_wording(cmap: dict[int, str]) -> None:
    """The fixed card text (labels, phones' names) is all in the font too."""
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in Path(resource_path("fonts", FONT_FILE))
        .parents[2]
        .glob("broker_app/ui/cards/*.py")
    )
    used = {c for c in source if ord(c) > 0x2E7F}
    assert sorted(c for c in used if ord(c) not in cmap) == []


def test_coverage_check_by_character_class(qapp: object) -> None:
    assert missing_chars("欧阳明轩") == ""  # GB 2312
    assert missing_chars("淏嫚嬿珝") == ""  # URO beyond GB 2312
    assert missing_chars("王㛃") == ""  # Extension A
    assert missing_chars(f"王{EXT_B}{EXT_B}明") == EXT_B  # Extension B: named once


def rename_workers(site: Site, names: tuple[str, ...]) -> None:
    service = WorkerService(site.store)
    for worker_id, name in zip(site.worker_ids, names, strict=False):
        service.edit(worker_id, {"name": name})


@pytest.mark.parametrize("layout", [CARD_SHEET, STICKER_SHEET], ids=lambda x: x.key)
def test_rare_names_print_from_the_bundled_font_only(
    site: Site, layout: object, tmp_path: Path
) -> None:
    rename_workers(site, RARE_NAMES)
    plan = CardPrintService(site.store).prepare(
        CardSelection(project_id=site.project_id, worker_ids=tuple(site.worker_ids[:5])),
        today=ISSUE_DAY,
    )
    out = tmp_path / "rare.pdf"
    report = SheetReport()
    write_cards_pdf(plan.faces, out, layout, report=report)  # type: ignore[arg-type]
    assert report.printed == 5 and report.unprintable == []
    assert base_fonts(out.read_bytes()) == {POSTSCRIPT_NAME}  # no second, system font
    text = pdf_text(out)
    rendered = pdftoppm_pages(out, tmp_path, dpi=300)
    if text is None or rendered is None:
        pytest.skip("poppler-utils not installed (dev.py installs it)")
    flat = squeezed(text)
    assert all(name in flat for name in RARE_NAMES)
    texts = [t for image in rendered for t in decode_all(image)]
    assert sorted(texts) == sorted(face.scan.text for face in plan.faces)
    assert {f.worker_name for f in plan.faces} == set(RARE_NAMES)


def test_a_character_the_font_lacks_is_reported_before_printing(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Worker names are limited to the BMP, but a project's text is free.
    ProjectService(site.store).edit(site.project_id, {"subcontractor": f"{EXT_B}记劳务班组"})
    plan = CardPrintService(site.store).prepare(
        CardSelection(project_id=site.project_id, worker_ids=tuple(site.worker_ids[:2])),
        today=ISSUE_DAY,
    )
    checked = check_sheets(CARD_SHEET, plan.faces)
    assert [(u.face.serial, u.chars) for u in checked.unprintable] == [(1, EXT_B), (2, EXT_B)]
    assert checked.printed == 0
    out = tmp_path / "cards.pdf"
    args = ["cards-pdf", "--project", site.project_id, "--workers", *site.worker_ids[:2]]
    code = main(["--data-dir", str(data_dir), *args, str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()  # nothing printable: no PDF at all
    assert f"卡号 000001（张伟）：字体中没有 “{EXT_B}”（U+20000），此卡未打印" in err


def test_cards_with_and_without_rare_characters(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One card left out: the others print, and the command exits 3 (not all printed)."""
    projects = ProjectService(site.store)
    other = projects.create(
        {
            "name": "另一个项目",
            "general_contractor": f"{EXT_B}建设有限公司",
            "complaint_phone_hrss": "0537-5212345",
            "end_date": "2027-06-30",
        }
    ).record_ids[0]
    cards = site.cards
    cards.issue(site.project_id, site.worker_ids[:2], today=ISSUE_DAY)
    cards.issue(other, site.worker_ids[2:3], today=ISSUE_DAY)
    out = tmp_path / "mixed.pdf"
    code = main(
        ["--data-dir", str(data_dir), "cards-pdf", "--workers", *site.worker_ids[:3], str(out)]
    )
    captured = capsys.readouterr()
    assert code == 3
    assert "2 张" in captured.out and "欧阳明轩" in captured.err
    assert captured.err.count("U+20000") == 1  # named once, before the PDF was written
    text = pdf_text(out)
    if text is not None:
        assert EXT_B not in text and "欧阳明轩" not in squeezed(text)
