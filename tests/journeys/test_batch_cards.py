"""A batch going to a construction project: linked to it in the batch editor, and
打印维权卡… offers to issue the missing cards, then prints every member's card (read
back from the printed PDF: each QR decodes and verifies)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from broker_app.printing.printer_output import card_printer
from broker_app.services.cards.issuing import CardService
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.projects.records import ProjectService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch.batch_editor import BatchEditorDialog
from broker_app.ui.dispatch.page import DispatchPage
from tests.cards.conftest import project_input
from tests.cards.pages import decode_all, pdftoppm_pages
from tests.dispatch.builders import add_batch, add_members, add_worker
from tests.journeys.modal import ModalAnswers, answer_box

PROJECT = "邹城市中心店镇棚户区改造安置房项目"


def _new_batch_linked_to(
    qtbot: QtBot, ctx: AppContext, project_id: str, expected: list[str] | None = None
) -> str:
    editor = BatchEditorDialog(ctx)
    qtbot.addWidget(editor)
    editor.edits["employer"].setText("山东邹城建工集团有限公司")
    editor.edits["destination"].setText("中心店镇")
    box = editor.project_box
    listed = [box.itemText(i) for i in range(box.count())]
    assert listed == ["（不关联工程项目）", *(expected or [PROJECT])]
    box.setCurrentIndex(box.findData(project_id))
    editor.save()
    assert editor.batch_id is not None
    return editor.batch_id


def test_a_linked_batch_issues_and_prints_every_members_card(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    project_id = ProjectService(store).create(project_input()).record_ids[0]
    batch_id = _new_batch_linked_to(qtbot, ui_ctx, project_id)
    stored = DispatchService(store).batch(batch_id)
    assert (stored["project_id"], stored["project"]) == (project_id, PROJECT)
    workers = [
        add_worker(store, n, name=name) for n, name in enumerate(("张伟", "李秀英", "孟祥瑞"))
    ]
    add_members(store, batch_id, *workers)
    CardService(store).issue(project_id, workers[:1])  # one already has the card

    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    page.table.selectRow(page.model.row_of(batch_id) or 0)
    pdf = tmp_path / "cards.pdf"

    def print_to_pdf(preview: QPrintPreviewDialog) -> None:
        printer = card_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        preview.paintRequested.emit(printer)
        preview.reject()

    answers = ModalAnswers()
    answers.expect(QMessageBox, answer_box(QMessageBox.StandardButton.Yes))
    answers.expect(QPrintPreviewDialog, print_to_pdf)
    page.panel.cards_button.click()
    assert answers.pending == 0
    assert answers.texts == [
        f"本批 3 人中有 2 人还没有“{PROJECT}”的维权卡。现在为他们发卡并打印吗？"
    ]
    cards = CardService(store).cards(project_id=project_id)
    assert sorted(c.worker_id for c in cards) == sorted(workers)

    images = pdftoppm_pages(pdf, tmp_path)
    assert images is not None, "pdftoppm (poppler-utils) is needed"
    texts = [text for image in images for text in decode_all(image)]
    names = []
    for text in texts:
        result = CardService(store).verify(text, date.today())
        assert result.ok and result.facts is not None
        names.append(result.facts.worker_name)
    assert sorted(names) == sorted(["张伟", "李秀英", "孟祥瑞"])


def test_an_unlinked_batch_says_how_to_link_it(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    batch_id = add_batch(store, project="某个没有建档的项目")
    add_members(store, batch_id, add_worker(store, 1))
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    page.table.selectRow(page.model.row_of(batch_id) or 0)
    answers = ModalAnswers()
    answers.expect(QMessageBox, answer_box(QMessageBox.StandardButton.Ok))
    page.panel.cards_button.click()
    assert "还没有关联工程项目" in answers.texts[0]
    editors = [w for w in page.window().findChildren(BatchEditorDialog)]
    assert editors and editors[-1].isVisible()  # the editor opens to choose it


def test_the_link_can_be_changed_and_removed_in_the_editor(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    first = ProjectService(store).create(project_input()).record_ids[0]
    second = ProjectService(store).create(project_input(name="太平镇污水管网工程")).record_ids[0]
    batch_id = _new_batch_linked_to(qtbot, ui_ctx, first, expected=["太平镇污水管网工程", PROJECT])
    editor = BatchEditorDialog(ui_ctx, batch_id)
    qtbot.addWidget(editor)
    assert editor.project_box.currentData() == first
    editor.project_box.setCurrentIndex(editor.project_box.findData(second))
    assert editor.edits["project"].text() == "太平镇污水管网工程"  # the text follows
    editor.save()
    stored = DispatchService(store).batch(batch_id)
    assert (stored["project_id"], stored["project"]) == (second, "太平镇污水管网工程")
    editor = BatchEditorDialog(ui_ctx, batch_id)
    qtbot.addWidget(editor)
    editor.edits["project"].setText("二期")  # the broker's own words stay
    editor.project_box.setCurrentIndex(0)
    editor.save()
    stored = DispatchService(store).batch(batch_id)
    assert (stored["project_id"], stored["project"]) == (None, "二期")
