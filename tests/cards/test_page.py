"""The 维权卡 page and its dialogs, driven as a broker would (offscreen, inline runner)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from broker_app.printing.printer_output import card_printer, print_sheets
from broker_app.printing.raster import page_image
from broker_app.printing.sheets import CARD_SHEET, STICKER_SHEET
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection
from broker_app.services.projects.records import ProjectService
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.cards.page import CardsPage
from broker_app.ui.cards.project_editor import ProjectEditorDialog
from broker_app.ui.cards.verify_dialog import VerifyDialog
from broker_app.ui.context import AppContext
from broker_app.ui.pages import find_page
from broker_app.ui.tasks import TaskRunner

from .conftest import Site, project_input, register_workers
from .pages import decode_all, page_count


@pytest.fixture
def ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


@pytest.fixture
def live(store: Store) -> Site:
    """A project still running today, with cards issued today."""
    end = (date.today() + timedelta(days=400)).isoformat()
    project_id = ProjectService(store).create(project_input(end_date=end)).record_ids[0]
    site = Site(store, project_id, register_workers(store, 5))
    site.cards.issue(project_id, site.worker_ids)
    return site


def open_page(ctx: AppContext, qtbot: QtBot) -> CardsPage:
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_page_is_registered() -> None:
    spec = find_page("cards")
    assert spec is not None and spec.title == "维权卡"


def test_page_lists_projects_and_cards(ctx: AppContext, live: Site, qtbot: QtBot) -> None:
    page = open_page(ctx, qtbot)
    assert page.project_list.count() == 1
    assert "5 张有效卡" in page.project_list.item(0).text()
    assert page.model.rowCount() == 5
    statuses = {page.model.data(page.model.index(row, 5)) for row in range(5)}
    assert statuses == {"有效"}


def test_revoke_and_reissue_from_the_page(
    ctx: AppContext, live: Site, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(ctx, qtbot)
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.revoke_selected()
    assert page.model.rowCount() == 5
    assert sorted(page.model.data(page.model.index(r, 5)) for r in range(5)).count("已作废") == 1
    live_row = next(r for r in range(5) if page.model.data(page.model.index(r, 5)) == "有效")
    page.table.selectRow(live_row)
    page.reissue_selected()
    assert page.model.rowCount() == 6  # the new card, and the old one shown as revoked
    assert "4 张有效卡" in page.project_list.item(0).text()  # one revoked, one replaced


def test_project_editor_creates_and_reports_errors(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = ProjectEditorDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.editors["name"].set_value("")
    dialog.save()
    assert dialog.editors["name"].error() == "请填写项目名称"
    for name, value in project_input().items():
        dialog.editors[name].set_value(value)
    dialog.save()
    [project] = ProjectService(ctx.store).projects()
    assert project["complaint_phone_hrss"] == "0537-5212345"


def test_editor_saves_station_defaults(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog = ProjectEditorDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.editors["complaint_phone_hrss"].set_value("0537 5219999")
    dialog.editors["min_wage"].set_value("2010")
    dialog.save_defaults()
    again = ProjectEditorDialog(ctx)
    qtbot.addWidget(again)
    assert again.editors["complaint_phone_hrss"].value() == "0537-5219999"
    assert again.editors["min_wage"].value() == "2010"


def test_verify_dialog_pasted_text_and_image(
    ctx: AppContext, live: Site, qtbot: QtBot, tmp_path: Path
) -> None:
    plan = CardPrintService(ctx.store).prepare(CardSelection(project_id=live.project_id))
    dialog = VerifyDialog(ctx)
    qtbot.addWidget(dialog)
    report = dialog.verify_text(plan.faces[0].qr_text)
    assert report is not None and report.ok and dialog.headline.text() == "有效"
    tampered = plan.faces[0].qr_text[:-6] + "AAAAAA"
    report = dialog.verify_text(tampered)
    assert report is not None and not report.ok and dialog.headline.text() == "无效"
    picture = tmp_path / "card.png"
    assert page_image(STICKER_SHEET, plan.faces[1:2], dpi=200).save(str(picture))
    report = dialog.verify_image(picture)
    assert report is not None and report.ok
    assert ("姓名", plan.faces[1].worker_name) in report.lines


def test_printer_output_pages_match_the_pdf(live: Site, qapp: QApplication, tmp_path: Path) -> None:
    faces = CardPrintService(live.store).prepare(CardSelection(project_id=live.project_id)).faces
    printer = card_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_sheets(printer, faces * 3, CARD_SHEET) == 2
    assert page_count(out.read_bytes()) == 2
    assert len(decode_all(page_image(CARD_SHEET, faces * 2, dpi=300))) == 10


def test_print_notes_list_every_card_before_printing(
    ctx: AppContext, live: Site, qtbot: QtBot
) -> None:
    """A card that cannot print and cards that print shortened are each one line."""
    from broker_app.printing.render import check_sheets
    from broker_app.ui.cards.print_notes import PrintNotesDialog

    ProjectService(ctx.store).edit(live.project_id, {"subcontractor": "东西南北中发白" * 12})
    faces = CardPrintService(ctx.store).prepare(CardSelection(project_id=live.project_id)).faces
    odd = replace(faces[0], labor_officer_name="\U00020000")  # not in the card font
    report = check_sheets(CARD_SHEET, [odd, *faces[1:]])
    dialog = PrintNotesDialog(report)
    qtbot.addWidget(dialog)
    lines = [dialog.notes.item(n).text() for n in range(dialog.notes.count())]
    assert len(lines) == 5 and "U+20000" in lines[0] and "此卡未打印" in lines[0]
    assert all("分包/班组 太长，已缩短" in line for line in lines[1:])
    assert dialog.go_button.text() == "继续打印（4 张）"


def test_export_pdf_from_the_page_shows_the_notes_first(
    ctx: AppContext, live: Site, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from broker_app.ui.cards.print_notes import PrintNotesDialog

    ProjectService(ctx.store).edit(live.project_id, {"subcontractor": "东西南北中发白" * 12})
    shown: list[int] = []

    def accept(dialog: PrintNotesDialog) -> int:
        shown.append(dialog.notes.count())
        return int(PrintNotesDialog.DialogCode.Accepted.value)

    out = tmp_path / "cards.pdf"
    monkeypatch.setattr(PrintNotesDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    page = open_page(ctx, qtbot)
    page.project_list.setCurrentRow(0)
    page._print("pdf")
    assert shown == [5]  # listed before the file was even chosen
    assert page_count(out.read_bytes()) == 1
