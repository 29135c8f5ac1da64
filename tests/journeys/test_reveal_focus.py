"""显示完整信息 in the worker editor, from the keyboard: the numbers show, the reveal
is audited, and the focus lands on the revealed ID number, so the next Enter cannot
open the archive question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.services.audit import AuditService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
from tests.jobs.builders import add_worker
from tests.journeys.modal import ModalGuard


def test_reveal_then_enter_does_not_ask_to_archive(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    worker = add_worker(store, 1, phone="13812345678")
    dialog = WorkerEditorDialog(ui_ctx, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reveal_button.setFocus()
    QTest.keyClick(dialog.reveal_button, Qt.Key.Key_Space)
    assert dialog.form.editors["phone"].input.text() == "13812345678"
    assert [(e.action, e.target) for e in AuditService(store).entries()] == [("reveal", worker)]
    focused = QApplication.focusWidget()
    assert focused is dialog.form.editors["id_number"].input
    with ModalGuard() as guard:
        QTest.keyClick(focused, Qt.Key.Key_Return)
    assert guard.opened == []
    assert not WorkerService(store).details(worker)["archived"]
