"""Cards checked on a site visit, in the inspection dialog as a broker does it: a
keyboard-wedge scanner types each card's QR (any printed form) and Enter, the list
of the project's cards is ticked for the workers seen, and the counts the visit is
saved with follow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from broker_app.domain.arrears.card_tally import CardTally
from broker_app.domain.rights_card.base45 import b45decode, b45encode
from broker_app.domain.rights_card.scan_text import card_scan_text, card_url, signed_bytes
from broker_app.services.cards.issuing import CardService
from broker_app.store.models.card import RightsCard
from broker_app.store.models.inspection import Inspection
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.rights.inspection_dialog import InspectionDialog
from broker_app.ui.tasks import TaskRunner
from tests.arrears.builders import new_project
from tests.cards.conftest import register_workers
from tests.journeys.modal import accept_button

BASE = "https://wq.zcrs.gov.cn"


@pytest.fixture
def ctx(qapp: QApplication, store: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(store, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def card_texts(store: Store, project_id: str) -> list[tuple[str, str]]:
    """(card id, stored QR text) of the project's cards, by serial."""
    with store.read() as session:
        cards = session.scalars(
            select(RightsCard)
            .where(RightsCard.project_id == project_id)
            .order_by(RightsCard.serial)
        )
        return [(card.id, card.qr_text) for card in cards]


def forged(text: str) -> str:
    """The card text with one signed byte changed (the name, say)."""
    body = bytearray(b45decode(text[4:]))
    body[100] ^= 0x01
    return text[:4] + b45encode(bytes(body))


def scan(qtbot: QtBot, dialog: InspectionDialog, text: str) -> str:
    """Type the text as a scanner does, then Enter; the verdict line shown. Text a
    scanner cannot type as keys (Chinese) is pasted, as the broker would."""
    if text.isascii():
        qtbot.keyClicks(dialog.cards_box.scan_edit, text)
    else:
        dialog.cards_box.scan_edit.insert(text)
    qtbot.keyClick(dialog.cards_box.scan_edit, Qt.Key.Key_Return)
    return dialog.cards_box.result_label.text()


def test_tally_counts_each_card_once() -> None:
    tally = CardTally.of(["a", "b", "c"])
    assert tally.see("a") and not tally.see("a") and not tally.see("elsewhere")
    assert tally.fail("k:9", "已作废") and not tally.fail("k:9", "已作废")
    assert (tally.counts().valid, tally.counts().missing, tally.counts().invalid) == (1, 2, 1)
    tally.unsee("a")
    assert tally.counts().missing == 3


def test_scan_and_tick_cards_on_a_visit(ctx: AppContext, qtbot: QtBot) -> None:
    today = date.today()
    cards = CardService(ctx.store)
    site = new_project(ctx.store, "A 项目")
    elsewhere = new_project(ctx.store, "B 项目")
    workers = register_workers(ctx.store, 5)
    cards.issue(site, workers[:4], today=today)
    cards.issue(elsewhere, workers[4:], today=today)
    (first, url_text), (second, _), (third, readable_source), (revoked, revoked_text) = card_texts(
        ctx.store, site
    )
    ((_, other_text),) = card_texts(ctx.store, elsewhere)
    cards.revoke(revoked)
    readable = card_scan_text(signed_bytes(readable_source), "", ["0537-5212345"]).text
    assert readable.startswith("欠薪投诉电话")

    dialog = InspectionDialog(ctx, site, inspector="王经纪")
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.cards_box
    # The project's active cards (the revoked one is not among them), none ticked yet,
    # and nothing filled in before anything is checked.
    assert box.card_list.count() == 3
    assert dialog.missing_spin.value() == 0

    verdict = scan(qtbot, dialog, card_url(BASE, signed_bytes(url_text)))
    assert verdict.startswith("有效") and dialog.isVisible()  # Enter does not save
    assert box.card_list.item(0).checkState() == Qt.CheckState.Checked
    assert "不重复计数" in scan(qtbot, dialog, url_text)  # the same card, its old form
    assert scan(qtbot, dialog, revoked_text).startswith("已作废")
    assert scan(qtbot, dialog, forged(other_text)).startswith("无效")
    assert "不重复计数" in scan(qtbot, dialog, forged(other_text))
    assert scan(qtbot, dialog, other_text).startswith("非本项目")
    assert "B 项目" in box.result_label.text()
    assert scan(qtbot, dialog, "不是维权卡").startswith("无法识别")
    # The second worker's card is ticked in the list (seen, not scanned); the third's
    # card is scanned in its readable form, then unticked again: not seen after all.
    box.card_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert scan(qtbot, dialog, readable).startswith("有效")
    box.card_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert [box.card_list.item(row).data(Qt.ItemDataRole.UserRole) for row in (0, 1)] == [
        first,
        second,
    ]
    assert third == box.card_list.item(2).data(Qt.ItemDataRole.UserRole)

    values = (dialog.valid_spin.value(), dialog.missing_spin.value(), dialog.invalid_spin.value())
    assert values == (2, 1, 4)  # revoked, forged, another project's, unreadable
    assert "有效 2 张，未见 1 张，无效 4 张" in box.summary_label.text()
    assert dialog.workers_spin.value() == 7  # raised to the cards checked
    dialog.workers_spin.setValue(12)
    dialog.invalid_spin.setValue(3)  # the broker corrects a count: it is kept
    accept_button(dialog).click()
    assert not dialog.isVisible()
    with ctx.store.read() as session:
        visit = session.scalar(select(Inspection))
        assert visit is not None and visit.project_id == site
        stored = (visit.workers_on_site, visit.cards_valid, visit.cards_missing)
        assert stored == (12, 2, 1)
        assert visit.cards_invalid == 3


def test_a_project_without_cards_and_another_project(ctx: AppContext, qtbot: QtBot) -> None:
    site = new_project(ctx.store, "A 项目")
    other = new_project(ctx.store, "B 项目")
    workers = register_workers(ctx.store, 2)
    CardService(ctx.store).issue(other, workers, today=date.today())
    dialog = InspectionDialog(ctx, site)
    qtbot.addWidget(dialog)
    assert dialog.cards_box.card_list.count() == 0
    assert "还没有有效的维权卡" in dialog.cards_box.result_label.text()
    assert scan(qtbot, dialog, "WQ1:XYZ").startswith("无法识别")
    assert dialog.invalid_spin.value() == 1
    # The broker picks the other project: its cards are listed, the counts start over.
    dialog.project_box.setCurrentIndex(dialog.project_box.findData(other))
    assert dialog.cards_box.card_list.count() == 2
    assert (dialog.valid_spin.value(), dialog.invalid_spin.value()) == (0, 0)
    dialog.cards_box.card_list.item(0).setCheckState(Qt.CheckState.Checked)
    assert (dialog.valid_spin.value(), dialog.missing_spin.value()) == (1, 1)
