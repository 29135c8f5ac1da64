"""添加人员 in a dispatch batch, through the page's button and the real dialog: people
are listed before anything is typed, and those ticked stay chosen while the broker
searches for the next one. The 发卡 dialog behaves the same (the same widget)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from broker_app.services.dispatch.batches import DispatchService
from broker_app.store.store import Store
from broker_app.ui.cards.worker_picker import WorkerPickerDialog
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch.member_picker import MemberPickerDialog
from broker_app.ui.dispatch.page import DispatchPage
from broker_app.ui.pick_list import PickList
from tests.dispatch.builders import add_batch, add_job_and_match, add_members, add_worker
from tests.journeys.modal import ModalAnswers, press_accept
from tests.journeys.typing import type_text


def _texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def _tick_text(picker: PickList, start: str) -> None:
    for i in range(picker.results.count()):
        item = picker.results.item(i)
        if item.text().startswith(start):
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{start} not listed: {_texts(picker.results)}")


def _search(picker: PickList, text: str) -> None:
    picker.search_box.clear()
    type_text(picker.search_box, text)
    picker.search()  # what the search delay then does


def test_add_members_keeps_the_ticked_people_across_searches(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    batch_id = add_batch(store)
    hired = add_worker(store, 1, name="李明")
    _, match_id = add_job_and_match(store, hired)
    plain = add_worker(store, 2, name="王芳")
    busy = add_worker(store, 3, name="赵强")
    add_members(store, add_batch(store, employer="乙公司", destination="济南市"), busy)
    page = DispatchPage(ui_ctx)
    qtbot.addWidget(page)
    page.table.selectRow(page.model.row_of(batch_id) or 0)
    seen: list[list[str]] = []

    def choose(dialog: MemberPickerDialog) -> None:
        picker = dialog.picker
        listed = _texts(picker.results)
        seen.append(listed)
        assert not dialog.ok_button.isEnabled()
        _tick_text(picker, "李明")
        _search(picker, "王芳")
        assert _texts(picker.results)[0].startswith("王芳")
        _tick_text(picker, "王芳")
        _search(picker, "赵强")
        assert "已在批次" in _texts(picker.results)[0]
        _search(picker, "")
        assert [t.split("　")[0] for t in _texts(picker.chosen)] == ["李明", "王芳"]
        assert picker.count_label.text() == "已选 2 人（双击移出）"
        press_accept(dialog)

    answers = ModalAnswers()
    answers.expect(MemberPickerDialog, choose)
    page.panel.add_button.click()
    assert answers.pending == 0
    # Before anything was typed: the hired worker's match first, then the roster.
    assert seen[0][0].startswith("李明") and "录用" in seen[0][0]
    assert {t.split("　")[0] for t in seen[0]} == {"李明", "王芳", "赵强"}
    members = DispatchService(store).members(batch_id)
    assert {(m.worker_id, m.match_id) for m in members} == {(hired, match_id), (plain, None)}
    assert page.panel.model.rowCount() == 2


def test_card_picker_is_the_same_widget(qtbot: QtBot, ui_ctx: AppContext, store: Store) -> None:
    first = add_worker(store, 1, name="李明")
    second = add_worker(store, 2, name="王芳")
    dialog = WorkerPickerDialog(ui_ctx, "某项目")
    qtbot.addWidget(dialog)
    assert len(_texts(dialog.picker.results)) == 2  # listed before typing
    _tick_text(dialog.picker, "李明")
    _search(dialog.picker, "王芳")
    _tick_text(dialog.picker, "王芳")
    assert dialog.chosen_ids() == [first, second]
