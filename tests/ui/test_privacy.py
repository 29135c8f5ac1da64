"""Personal-information protection as the broker meets it: masked lists, 显示完整信息
in the editor and the roster (both audited), the export options, the audit log viewer,
and the PIN lock after idle time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from broker_app.services.audit import AuditService
from broker_app.services.settings.pin_lock import PIN_HASH_SETTING, PinLockService
from broker_app.store.repositories.station import get_setting
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.dispatch.export_actions import ExportOptionsDialog
from broker_app.ui.main_window import MainWindow
from broker_app.ui.privacy.audit_dialog import AuditLogDialog
from broker_app.ui.privacy.lock import PinLock
from broker_app.ui.privacy.privacy_tab import PrivacyTab
from broker_app.ui.roster.model import COLUMN_KEYS
from broker_app.ui.roster.view import RosterPage
from broker_app.ui.stats.watch_export import WatchExportDialog
from broker_app.ui.worker_editor.dialog import WorkerEditorDialog
from tests.conftest import valid_id
from tests.ui.conftest import register

TODAY = date(2025, 6, 1)
NUMBER = valid_id("19800101", "123")
MASKED = NUMBER[:6] + "********" + NUMBER[-4:]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def editor(ctx: AppContext, qtbot: QtBot, worker_id: str) -> WorkerEditorDialog:
    dialog = WorkerEditorDialog(ctx, worker_id, today=lambda: TODAY)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    return dialog


def shown_text(dialog: WorkerEditorDialog, field: str) -> str:
    """What the broker sees in a field: the masked box while masked, else the input."""
    field_editor = dialog.form.editors[field]
    box = field_editor.masked_box if field_editor.is_masked() else field_editor.input
    assert isinstance(box, QLineEdit)
    return box.text()


def test_editor_masks_until_revealed_and_the_reveal_is_audited(
    ctx: AppContext, store: Store, qtbot: QtBot
) -> None:
    worker_id = register(store, id_number=NUMBER, phone="13812345678", poverty_alleviated="是")
    dialog = editor(ctx, qtbot, worker_id)
    assert shown_text(dialog, "id_number") == MASKED
    assert shown_text(dialog, "phone") == "138****5678"
    assert dialog.form.editors["poverty_alleviated"].is_masked()
    assert dialog.form.birth_box.text() == "已隐藏"  # the birth date is the ID's middle
    assert dialog.reveal_button.isVisible()
    assert AuditService(store).entries() == []

    dialog.reveal_button.click()
    assert shown_text(dialog, "id_number") == NUMBER
    assert shown_text(dialog, "phone") == "13812345678"
    assert dialog.form.editors["poverty_alleviated"].input.isVisible()
    assert dialog.form.birth_box.text() == "1980-01-01"
    assert not dialog.reveal_button.isVisible()
    (entry,) = AuditService(store).entries()
    assert (entry.action, entry.subject, entry.target) == ("reveal", "劳动力", worker_id)
    assert entry.operator == "测试经纪人" and entry.at.date() == date.today()
    assert NUMBER not in str(entry.to_json())


def test_saving_while_masked_keeps_the_stored_values(
    ctx: AppContext, store: Store, qtbot: QtBot
) -> None:
    worker_id = register(store, id_number=NUMBER, phone="13812345678", poverty_alleviated="是")
    dialog = editor(ctx, qtbot, worker_id)
    notes = dialog.form.editors["notes"]
    notes.set_value("会开叉车")
    dialog.save()
    details = dialog.service.details(worker_id)
    assert (details["id_number"], details["phone"], details["notes"]) == (
        NUMBER,
        "13812345678",
        "会开叉车",
    )
    assert details["poverty_alleviated"] is True
    assert shown_text(dialog, "id_number") == MASKED  # still masked after the save
    assert AuditService(store).entries() == []


def test_a_new_worker_is_typed_unmasked(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = WorkerEditorDialog(ctx, None, today=lambda: TODAY)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    assert not dialog.form.is_masked()
    assert not dialog.reveal_button.isVisibleTo(dialog)


def test_roster_reveal_shows_the_row_in_full_and_is_audited(
    ctx: AppContext, store: Store, qtbot: QtBot
) -> None:
    worker_id = register(store, id_number=NUMBER, phone="13812345678", poverty_alleviated="是")
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    model = page.model

    def cell(key: str) -> str:
        return str(model.data(model.index(0, COLUMN_KEYS.index(key))))

    assert (cell("id_number"), cell("phone")) == (MASKED, "138****5678")
    assert "脱贫" not in cell("priority")
    page.reveal_row(0)
    assert (cell("id_number"), cell("phone")) == (NUMBER, "13812345678")
    assert cell("priority").startswith("脱贫")
    (entry,) = AuditService(store).entries()
    assert (entry.action, entry.target) == ("reveal", worker_id)


def test_export_dialogs_mask_unless_the_broker_ticks_full(qtbot: QtBot) -> None:
    dispatch = ExportOptionsDialog(2)
    watch = WatchExportDialog(5)
    for dialog in (dispatch, watch):
        qtbot.addWidget(dialog)
        assert dialog.full.text().startswith("导出完整身份证号和电话")
        assert not dialog.full.isChecked()


def test_audit_dialog_lists_entries_read_only(ctx: AppContext, store: Store, qtbot: QtBot) -> None:
    audit = AuditService(store)
    audit.record_export("花名册", "/tmp/花名册.xlsx", 12, full=True)
    audit.record_reveal("worker-1")
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 2

    def texts(row: int) -> list[str]:
        items = [table.item(row, c) for c in range(table.columnCount())]
        return [item.text() if item is not None else "" for item in items]

    newest, oldest = texts(0), texts(1)
    assert newest[1:4] == ["测试经纪人", "显示完整信息", "劳动力"] and newest[6] == "worker-1"
    assert oldest[2:7] == ["导出", "花名册", "完整", "12", "/tmp/花名册.xlsx"]
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert "共 2 条" in dialog.count_label.text()


def test_privacy_tab_checks_and_saves_a_hashed_pin(
    ctx: AppContext, store: Store, qtbot: QtBot
) -> None:
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.lock_box.isChecked() and tab.check() is None
    tab.lock_box.setChecked(True)
    assert tab.check() == "请设置 PIN"
    tab.pin.setText("12a4")
    assert tab.check() == "PIN 只能是数字"
    tab.pin.setText("123")
    assert tab.check() == "PIN 要 4 到 12 位数字"
    tab.pin.setText("2468")
    tab.confirm.setText("2469")
    assert tab.check() == "两次输入的 PIN 不一样"
    tab.confirm.setText("2468")
    tab.idle_minutes.setValue(3)
    assert tab.check() is None
    tab.save()
    with store.read() as session:
        stored = get_setting(session, PIN_HASH_SETTING) or ""
    assert stored.startswith("scrypt$") and "2468" not in stored
    service = PinLockService(store)
    assert service.settings().idle_minutes == 3 and service.verify("2468")
    # Reopened: the PIN is kept when the boxes are left blank; unticking clears it.
    tab.load()
    assert tab.lock_box.isChecked() and tab.check() is None
    tab.lock_box.setChecked(False)
    tab.save()
    assert not service.settings().enabled and not service.verify("2468")


def test_pin_lock_locks_after_idle_and_unlocks_with_the_right_pin(
    ctx: AppContext, store: Store, qtbot: QtBot
) -> None:
    PinLockService(store).set_pin("2468")
    PinLockService(store).set_idle_minutes(5)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 400)
    window.show()
    other = QWidget()  # an editor window showing a person
    qtbot.addWidget(other)
    other.show()
    clock = FakeClock()
    lock = PinLock(ctx, window, clock=clock, check_interval_ms=10)
    assert not lock.is_locked()
    clock.now += 4 * 60
    lock.watcher.check()
    assert not lock.is_locked()
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)  # the broker is still there
    clock.now += 4 * 60
    lock.watcher.check()
    assert not lock.is_locked()
    clock.now += 61
    qtbot.waitUntil(lock.is_locked, timeout=2000)  # the watcher's own timer fires
    assert lock.screen.isVisible() and lock.screen.geometry() == window.rect()
    assert not other.isVisible()

    lock.screen.pin_box.setText("1357")
    assert not lock.screen.try_unlock()
    assert lock.is_locked() and lock.screen.message.text() == "PIN 不对，请重新输入。"
    lock.screen.pin_box.setText("2468")
    assert lock.screen.try_unlock()
    assert not lock.is_locked() and other.isVisible()
    assert lock.watcher.is_running()  # watching again for the next idle spell


def test_wrong_pins_slow_down_the_next_try(ctx: AppContext, store: Store, qtbot: QtBot) -> None:
    PinLockService(store).set_pin("2468")
    window = QWidget()
    qtbot.addWidget(window)
    clock = FakeClock()
    lock = PinLock(ctx, window, clock=clock)
    lock.lock()
    screen = lock.screen
    for _ in range(3):
        screen.pin_box.setText("0000")
        screen.try_unlock()
    assert "请 5 秒后再试" in screen.message.text()
    assert not screen.pin_box.isEnabled()
    # Even the right PIN is refused until the wait is over.
    screen.pin_box.setText("2468")
    assert not screen.try_unlock() and lock.is_locked()
    clock.now += 5
    screen.pin_box.setEnabled(True)
    screen.pin_box.setText("2468")
    assert screen.try_unlock() and not lock.is_locked()


def test_main_window_locks_only_with_a_pin(ctx: AppContext, store: Store, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert not window.pin_lock.watcher.is_running()
    tab = PrivacyTab(ctx)
    qtbot.addWidget(tab)
    tab.lock_box.setChecked(True)
    tab.pin.setText("2468")
    tab.confirm.setText("2468")
    tab.save()  # broadcasts a station change; the window starts watching
    assert window.pin_lock.watcher.is_running()
    window.pin_lock.lock()
    central = window.centralWidget()
    assert central is not None and not central.isEnabled()
    window.pin_lock.screen.pin_box.setText("2468")
    window.pin_lock.screen.try_unlock()
    assert central.isEnabled()
