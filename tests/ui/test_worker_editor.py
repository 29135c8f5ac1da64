"""The worker editor as a broker uses it: typing, mistakes, duplicates, undo, archive."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from broker_app.domain.people.roster_query import RosterFilter
from broker_app.services.roster.workers import WorkerService
from broker_app.ui.context import AppContext
from broker_app.ui.worker_editor import archive
from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
from tests.conftest import VILLAGE, valid_id
from tests.ui.conftest import register

TODAY = date(2025, 6, 1)


def open_editor(ctx: AppContext, qtbot: QtBot, worker_id: str | None = None) -> WorkerEditorDialog:
    dialog = WorkerEditorDialog(ctx, worker_id, today=lambda: TODAY)
    # done() closes without the "discard changes?" question that reject() asks.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    dialog.activateWindow()  # shortcuts work in the active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def line(dialog: WorkerEditorDialog, field: str) -> QLineEdit:
    widget = dialog.form.editors[field].input
    assert isinstance(widget, QLineEdit)
    return widget


def type_into(qtbot: QtBot, dialog: WorkerEditorDialog, field: str, text: str) -> None:
    """Type into a field and leave it (Tab), as the broker would."""
    box = line(dialog, field)
    box.setFocus()
    box.selectAll()
    write(qtbot, box, text)
    box.editingFinished.emit()


def write(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(box, text)
        return
    # Chinese arrives from the input method as one committed string.
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def error_of(dialog: WorkerEditorDialog, field: str) -> str:
    return dialog.form.editors[field].error()


def test_typing_an_id_number_fills_birth_date_gender_age_and_older(
    ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = open_editor(ctx, qtbot)
    qtbot.keyClicks(line(dialog, "id_number"), valid_id("19750315", "124"))
    form = dialog.form
    assert form.birth_box.text() == "1975-03-15"
    assert form.gender_box.text() == "女"  # even sequence digit
    assert form.age_box.text() == "50周岁"
    assert form.older_box.text() == "是"
    assert error_of(dialog, "id_number") == ""


def test_a_wrong_id_number_is_explained_next_to_the_field(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_editor(ctx, qtbot)
    number = valid_id("19800101", "123")
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    qtbot.keyClicks(line(dialog, "id_number"), wrong[:10])
    assert error_of(dialog, "id_number") == ""  # still typing: no complaint yet
    qtbot.keyClicks(line(dialog, "id_number"), wrong[10:])
    message = error_of(dialog, "id_number")
    assert "校验码错误" in message
    assert dialog.form.birth_box.text() == ""
    assert dialog.form.editors["id_number"].error_label.isVisible()


def test_leaving_a_field_checks_it_with_the_domain_rules(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_editor(ctx, qtbot)
    type_into(qtbot, dialog, "job_start", "2024-13-40")
    assert "不是有效日期" in error_of(dialog, "job_start")
    type_into(qtbot, dialog, "job_start", "2024-03-01")
    assert error_of(dialog, "job_start") == ""
    type_into(qtbot, dialog, "job_end", "2024-01-01")
    assert "早于开始日期" in error_of(dialog, "job_end")


def test_saving_a_new_worker_registers_and_broadcasts(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_editor(ctx, qtbot)
    type_into(qtbot, dialog, "name", "孟凡强")
    type_into(qtbot, dialog, "id_number", valid_id("19800101", "135"))
    type_into(qtbot, dialog, "phone", "138 1234 5678")
    type_into(qtbot, dialog, "skills", "焊工，电工")
    with qtbot.waitSignal(ctx.changed) as sent:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sent.args[0].op == "create"
    service = WorkerService(ctx.store)
    assert service.count(RosterFilter()) == 1
    saved = service.details(dialog.worker_id or "")
    assert saved["name"] == "孟凡强"
    assert saved["phone"] == "13812345678"
    assert saved["skills"] == ["焊工", "电工"]
    assert saved["org_code"] == VILLAGE  # the village station's only village
    assert dialog.windowTitle() == "劳动力：孟凡强"
    assert dialog.tabs.isTabEnabled(1)  # records can be added now


def test_saving_with_mistakes_marks_each_field(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_editor(ctx, qtbot)
    type_into(qtbot, dialog, "phone", "12345")
    dialog.save()
    assert error_of(dialog, "name") == "姓名不能为空"
    assert error_of(dialog, "id_number") == "身份证号不能为空"
    assert "电话" in error_of(dialog, "phone")
    assert "处需要修改" in dialog.message.text()
    assert WorkerService(ctx.store).count(RosterFilter()) == 0


def test_a_registered_id_number_is_caught_before_saving(ctx: AppContext, qtbot: QtBot) -> None:
    number = valid_id("19800101", "123")
    existing = register(ctx.store, name="张三丰", id_number=number)
    dialog = open_editor(ctx, qtbot)
    type_into(qtbot, dialog, "name", "张三")
    qtbot.keyClicks(line(dialog, "id_number"), number)
    assert dialog.duplicate_bar.isVisible()
    assert "张三丰" in dialog.duplicate_label.text()
    assert number not in dialog.duplicate_label.text()  # masked
    qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    assert dialog.worker_id == existing
    assert line(dialog, "name").text() == "张三丰"
    assert not dialog.duplicate_bar.isVisible()


def test_undo_writes_the_previous_values_back(ctx: AppContext, qtbot: QtBot) -> None:
    worker = register(ctx.store, phone="13812345678", employer="")
    dialog = open_editor(ctx, qtbot, worker)
    assert not dialog.undo_button.isEnabled()
    type_into(qtbot, dialog, "phone", "13900001111")
    type_into(qtbot, dialog, "employer", "邹城市物流园区")
    dialog.save()
    service = WorkerService(ctx.store)
    assert service.details(worker)["phone"] == "13900001111"
    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(ctx.changed):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    restored = service.details(worker)
    assert restored["phone"] == "13812345678"
    assert restored["employer"] == ""
    assert line(dialog, "phone").text() == "13812345678"
    assert not dialog.undo_button.isEnabled()


@pytest.mark.parametrize("confirmed", [True, False])
def test_archiving_asks_first(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, confirmed: bool
) -> None:
    worker = register(ctx.store)
    asked: list[str] = []

    def confirm(_parent: object, name: str) -> bool:
        asked.append(name)
        return confirmed

    monkeypatch.setattr(archive, "confirm_archive", confirm)
    dialog = open_editor(ctx, qtbot, worker)
    dialog.archive_or_restore()
    assert asked == ["张三丰"]
    assert WorkerService(ctx.store).details(worker)["archived"] is confirmed
    assert WorkerService(ctx.store).count(RosterFilter()) == (0 if confirmed else 1)


def test_every_worker_field_has_an_input() -> None:
    from broker_app.domain.people.rules import LABELS
    from broker_app.ui.worker_editor.worker_fields import FIELD_NAMES

    # Gender is read from the ID number, not typed.
    assert set(FIELD_NAMES) == set(LABELS) - {"gender"}
    assert len(FIELD_NAMES) == len(set(FIELD_NAMES))
